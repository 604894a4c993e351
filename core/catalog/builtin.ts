// Parses the built-in catalog (data/catalog/*.yaml, given as texts keyed by their relative path)
// into one validated Catalog. Every problem names its file and record: `atlas/techniques.yaml[12].tactics`.
import { z } from 'zod';
import {
  BUILTIN_FILES,
  BuiltinCaseStudySchema,
  BuiltinCrosswalkSchema,
  BuiltinMetaSchema,
  BuiltinMitigationSchema,
  BuiltinOwaspSchema,
  BuiltinTacticSchema,
  BuiltinTechniqueSchema,
  type BuiltinFileName,
} from './builtin-schema';
import { normalizeDate, parseYamlText, uniqueInOrder, zodProblems } from './problems';
import { validateAtlas, validateOwasp, type CatalogPart } from './validate';
import type { AtlasCatalog, Catalog, CatalogParseResult, CatalogProblem } from './types';

const PART_FILES: Record<CatalogPart, BuiltinFileName> = {
  tactics: 'atlas/tactics.yaml',
  techniques: 'atlas/techniques.yaml',
  mitigations: 'atlas/mitigations.yaml',
  caseStudies: 'atlas/case-studies.yaml',
  owasp: 'owasp/llm-2025.yaml',
  crosswalk: 'crosswalk.yaml',
};

function parseFile<S extends z.ZodType>(
  files: Readonly<Record<string, string>>,
  name: BuiltinFileName,
  schema: S,
  problems: CatalogProblem[],
): z.output<S> | undefined {
  const text = files[name];
  if (text === undefined) {
    problems.push({ path: name, message: 'the file is missing' });
    return undefined;
  }
  const parsed = parseYamlText(text, name);
  if (!parsed.ok) {
    problems.push(...parsed.errors);
    return undefined;
  }
  const checked = schema.safeParse(parsed.value);
  if (!checked.success) {
    problems.push(...zodProblems(name, checked.error));
    return undefined;
  }
  return checked.data;
}

export function parseBuiltinCatalog(files: Readonly<Record<string, string>>): CatalogParseResult<Catalog> {
  const problems: CatalogProblem[] = [];
  const meta = parseFile(files, 'atlas/meta.yaml', BuiltinMetaSchema, problems);
  const tactics = parseFile(files, 'atlas/tactics.yaml', z.array(BuiltinTacticSchema), problems);
  const techniques = parseFile(files, 'atlas/techniques.yaml', z.array(BuiltinTechniqueSchema), problems);
  const mitigations = parseFile(files, 'atlas/mitigations.yaml', z.array(BuiltinMitigationSchema), problems);
  const caseStudies = parseFile(files, 'atlas/case-studies.yaml', z.array(BuiltinCaseStudySchema), problems);
  const llm = parseFile(files, 'owasp/llm-2025.yaml', z.array(BuiltinOwaspSchema('llm-2025')), problems);
  const ml = parseFile(files, 'owasp/ml-2023.yaml', z.array(BuiltinOwaspSchema('ml-2023')), problems);
  const crosswalk = parseFile(files, 'crosswalk.yaml', z.array(BuiltinCrosswalkSchema), problems);
  if (!meta || !tactics || !techniques || !mitigations || !caseStudies || !llm || !ml || !crosswalk) {
    return { ok: false, errors: problems };
  }

  const atlas: AtlasCatalog = {
    version: meta.version,
    tactics: tactics.map((t) => ({ id: t.id, name: t.name, summary: t.summary, url: t.url, ...(t.attack ? { attack: t.attack } : {}) })),
    techniques: techniques.map((t) => ({
      id: t.id,
      name: t.name,
      summary: t.summary,
      url: t.url,
      tactics: t.tactics ?? [],
      ...(t.maturity ? { maturity: t.maturity } : {}),
      ...(t.parent ? { parent: t.parent } : {}),
    })),
    mitigations: mitigations.map((m) => ({
      id: m.id,
      name: m.name,
      summary: m.summary,
      url: m.url,
      category: m.category,
      lifecycle: m.lifecycle,
      techniques: uniqueInOrder(m.techniques),
    })),
    caseStudies: caseStudies.map((c) => ({
      id: c.id,
      name: c.name,
      summary: c.summary,
      url: c.url,
      caseType: c.type,
      date: normalizeDate(c.date),
      dateGranularity: c.dateGranularity,
      target: c.target,
      actor: c.actor,
      procedure: c.procedure.map(([tactic, technique]) => ({ tactic, technique })),
    })),
  };
  const owasp = [
    ...llm.map((o) => ({ ...o, list: 'llm-2025' as const })),
    ...ml.map((o) => ({ ...o, list: 'ml-2023' as const })),
  ];
  const where = (part: CatalogPart, index: number) => {
    // OWASP entries are numbered across both lists; name the file each one came from.
    if (part === 'owasp' && index >= llm.length) return `owasp/ml-2023.yaml[${index - llm.length}]`;
    return `${PART_FILES[part]}[${index}]`;
  };
  problems.push(...validateAtlas(atlas, where), ...validateOwasp(atlas, owasp, crosswalk, where));
  if (problems.length > 0) return { ok: false, errors: problems };

  return {
    ok: true,
    value: {
      meta: { atlasVersion: meta.version, textSource: 'builtin' },
      tactics: atlas.tactics,
      techniques: atlas.techniques,
      mitigations: atlas.mitigations,
      caseStudies: atlas.caseStudies,
      owasp,
      crosswalk: crosswalk.map((l) => ({ owasp: l.owasp, atlas: l.atlas, provenance: l.provenance, ...(l.reason ? { reason: l.reason } : {}) })),
    },
  };
}

export { BUILTIN_FILES };
