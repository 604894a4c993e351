// Reads rule packs (built-in and the user's own) and the catalog facts the engine needs (technique
// ids with tactics, mitigation ids, OWASP ids) from YAML files, with errors that name the file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkPackFacts, checkPackIds, parseRulePack, type RulePack } from '../../engine/rule-pack';
import { checkPackControls } from '../../engine/rule-pack-controls';
import { MAX_PACK_FILES, checkPackSize } from '../../engine/rule-pack-guard';

/** Files in a rules folder that are not rule packs. */
export const NON_PACK_FILES = new Set(['architecture-independent.yaml']);

export interface CatalogIds {
  /** Technique id → tactic ids; sub-techniques carry their parent's tactics. */
  techniqueTactics: Record<string, string[]>;
  techniques: Set<string>;
  mitigations: Set<string>;
  owasp: Set<string>;
  owaspIds: string[];
  /** Techniques in release order with their names. */
  techniqueList: Array<{ id: string; name: string; tactics: string[] }>;
}

async function readYamlList(file: string): Promise<Array<Record<string, unknown>>> {
  const value = parseYaml(await fs.readFile(file, 'utf8')) as unknown;
  if (!Array.isArray(value)) throw new Error(`${file}: expected a list`);
  return value as Array<Record<string, unknown>>;
}

export async function readCatalogIds(catalogDir: string): Promise<CatalogIds> {
  const techniques = await readYamlList(path.join(catalogDir, 'atlas', 'techniques.yaml'));
  const mitigations = await readYamlList(path.join(catalogDir, 'atlas', 'mitigations.yaml'));
  const owasp = [
    ...(await readYamlList(path.join(catalogDir, 'owasp', 'llm-2025.yaml'))),
    ...(await readYamlList(path.join(catalogDir, 'owasp', 'ml-2023.yaml'))),
  ];
  const own = new Map(techniques.map((t) => [String(t.id), (t.tactics as string[] | undefined) ?? []]));
  const techniqueTactics: Record<string, string[]> = {};
  const techniqueList: CatalogIds['techniqueList'] = [];
  for (const t of techniques) {
    const id = String(t.id);
    const tactics = t.parent ? (own.get(String(t.parent)) ?? []) : (own.get(id) ?? []);
    techniqueTactics[id] = [...tactics];
    techniqueList.push({ id, name: String(t.name), tactics: [...tactics] });
  }
  return {
    techniqueTactics,
    techniques: new Set(Object.keys(techniqueTactics)),
    mitigations: new Set(mitigations.map((m) => String(m.id))),
    owasp: new Set(owasp.map((o) => String(o.id))),
    owaspIds: owasp.map((o) => String(o.id)),
    techniqueList,
  };
}

export interface LoadedRulePacks {
  packs: RulePack[];
  /** One line per problem: `file: rule "id": field: message`. Packs with errors are left out. */
  errors: string[];
  /**
   * Problems that do not stop a pack from loading, same format: conditions on facts that the kinds
   * they apply to do not have, so they never hold (checkPackFacts), and controls named where they
   * cannot be switched on, so they are never advised there (checkPackControls).
   */
  warnings: string[];
  techniqueTactics: Record<string, string[]>;
}

async function packFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !NON_PACK_FILES.has(e.name))
    .map((e) => e.name)
    .sort();
}

/** Loads every pack in builtinDir, then userDir (when given and present). */
export async function loadRulePacks(options: { builtinDir: string; userDir?: string; catalogDir?: string; userLabel?: string }): Promise<LoadedRulePacks> {
  const catalog = await readCatalogIds(options.catalogDir ?? path.join(options.builtinDir, '..', 'catalog'));
  const packs: RulePack[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const ruleOwner = new Map<string, string>();
  const packIds = new Set<string>();
  const sources: Array<{ dir: string; label: string }> = [{ dir: options.builtinDir, label: 'data/rules' }];
  if (options.userDir) sources.push({ dir: options.userDir, label: options.userLabel ?? options.userDir });
  for (const [n, source] of sources.entries()) {
    let names: string[];
    try {
      names = await packFiles(source.dir);
    } catch (error) {
      if (n > 0 && (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      errors.push(`${source.label}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    if (names.length > MAX_PACK_FILES) {
      errors.push(`${source.label}: ${names.length} rule packs; a folder may hold at most ${MAX_PACK_FILES}`);
      continue;
    }
    for (const name of names) {
      const shown = `${source.label}/${name}`;
      let text: string;
      try {
        // The size first: an oversized pack is refused without being read.
        const tooBig = checkPackSize((await fs.stat(path.join(source.dir, name))).size, shown);
        if (tooBig) {
          errors.push(tooBig);
          continue;
        }
        text = await fs.readFile(path.join(source.dir, name), 'utf8');
      } catch (error) {
        errors.push(`${shown}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        continue;
      }
      const result = parseRulePack(text, shown);
      if (!result.ok) {
        errors.push(...result.errors);
        continue;
      }
      const problems = checkPackIds(result.pack, shown, catalog);
      if (packIds.has(result.pack.id)) problems.push(`${shown}: id: the pack id "${result.pack.id}" is already used by another pack`);
      for (const rule of result.pack.rules) {
        const owner = ruleOwner.get(rule.id);
        if (owner) problems.push(`${shown}: rule "${rule.id}": id: already defined in ${owner}`);
      }
      if (problems.length > 0) {
        errors.push(...problems);
        continue;
      }
      warnings.push(...checkPackFacts(result.pack, shown), ...checkPackControls(result.pack, shown));
      packIds.add(result.pack.id);
      for (const rule of result.pack.rules) ruleOwner.set(rule.id, shown);
      packs.push(result.pack);
    }
  }
  return { packs, errors, warnings, techniqueTactics: catalog.techniqueTactics };
}
