// The built-in catalog (data/catalog) against the official sources in ../shared/catalog-sources:
// every ATLAS fact and OWASP id/name must match, every owasp-provenance crosswalk link must be cited.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES, parseBuiltinCatalog, type Catalog } from '../../core/catalog/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sources = path.resolve(repoRoot, '..', 'shared', 'catalog-sources');
const present = existsSync(path.join(sources, 'atlas', 'ATLAS.yaml'));
if (!present) console.warn(`catalog consistency tests SKIPPED: the official sources are not at ${sources}`);

function builtin(): Catalog {
  const files = Object.fromEntries(BUILTIN_FILES.map((f) => [f, readFileSync(path.join(repoRoot, 'data', 'catalog', f), 'utf8')]));
  const parsed = parseBuiltinCatalog(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 5)));
  return parsed.value;
}

type Obj = Record<string, unknown>;
const date = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

describe.skipIf(!present)(`built-in catalog equals the official sources${present ? '' : ` (SKIPPED: ${sources} not found)`}`, () => {
  const catalog = present ? builtin() : (undefined as unknown as Catalog);
  const official = present ? (parse(readFileSync(path.join(sources, 'atlas', 'ATLAS.yaml'), 'utf8')) as Obj) : {};
  const matrix = present ? (official.matrices as Obj[])[0]! : {};

  it('has the release version', () => {
    expect(catalog.meta.atlasVersion).toBe(String(official.version));
  });

  it('tactics: ids, names and matrix order', () => {
    const expected = (matrix.tactics as Obj[]).map((t) => ({ id: t.id, name: t.name }));
    expect(catalog.tactics.map((t) => ({ id: t.id, name: t.name }))).toEqual(expected);
  });

  it('techniques: ids, names, tactics, parents and maturity', () => {
    const expected = (matrix.techniques as Obj[]).map((t) => ({
      id: t.id,
      name: t.name,
      tactics: (t.tactics as string[] | undefined) ?? [],
      parent: t['subtechnique-of'],
      maturity: t.maturity,
    }));
    const actual = catalog.techniques.map((t) => ({ id: t.id, name: t.name, tactics: t.tactics, parent: t.parent, maturity: t.maturity }));
    expect(actual).toEqual(expected);
    expect(actual.filter((t) => t.parent).length).toBe(69);
  });

  it('mitigations: ids, names and technique links, including the two misplaced in ml-lifecycle', () => {
    const expected = (matrix.mitigations as Obj[]).map((m) => {
      const linked = (m.techniques as Obj[]).map((l) => l.id as string);
      const misplaced = (m['ml-lifecycle'] as unknown[]).filter((x): x is Obj => typeof x === 'object' && x !== null).map((l) => l.id as string);
      return { id: m.id, name: m.name, techniques: [...new Set([...linked, ...misplaced])] };
    });
    expect(catalog.mitigations.map((m) => ({ id: m.id, name: m.name, techniques: m.techniques }))).toEqual(expected);
    const relocated = catalog.mitigations.filter((m) => m.techniques.includes('AML.T0052.001')).map((m) => m.id);
    expect(relocated).toEqual(expect.arrayContaining(['AML.M0018', 'AML.M0034']));
  });

  it('case studies: ids, names, facts and procedures', () => {
    const expected = (official['case-studies'] as Obj[]).map((c) => ({
      id: c.id,
      name: c.name,
      date: date(c['incident-date']),
      type: c['case-study-type'],
      target: c.target,
      actor: c.actor,
      procedure: (c.procedure as Obj[]).map((s) => [s.tactic, s.technique]),
    }));
    const actual = catalog.caseStudies.map((c) => ({
      id: c.id,
      name: c.name,
      date: c.date,
      type: c.caseType,
      target: c.target,
      actor: c.actor,
      procedure: c.procedure.map((s) => [s.tactic, s.technique]),
    }));
    expect(actual).toEqual(expected);
  });

  it('OWASP LLM 2025: ids and names equal the official headings', () => {
    const dir = path.join(sources, 'owasp-llm-2025');
    const expected = readdirSync(dir)
      .filter((f) => /^LLM(0[1-9]|10)_.*\.md$/.test(f))
      .map((f) => /^## (LLM\d{2}:2025) (.+)$/m.exec(readFileSync(path.join(dir, f), 'utf8')))
      .map((m) => ({ id: m![1], name: m![2]!.trim() }))
      .sort((a, b) => a.id!.localeCompare(b.id!));
    expect(expected).toHaveLength(10);
    expect(catalog.owasp.filter((o) => o.list === 'llm-2025').map((o) => ({ id: o.id, name: o.name }))).toEqual(expected);
  });

  it('OWASP ML 2023: ids and names equal the official titles', () => {
    const dir = path.join(sources, 'owasp-ml-2023');
    const expected = readdirSync(dir)
      .filter((f) => /^ML\d{2}_2023-.*\.md$/.test(f))
      .map((f) => /^title: (ML\d{2}:2023) (.+)$/m.exec(readFileSync(path.join(dir, f), 'utf8')))
      .map((m) => ({ id: m![1], name: m![2]!.trim() }))
      .sort((a, b) => a.id!.localeCompare(b.id!));
    expect(expected).toHaveLength(10);
    expect(catalog.owasp.filter((o) => o.list === 'ml-2023').map((o) => ({ id: o.id, name: o.name }))).toEqual(expected);
  });

  it('every owasp-provenance crosswalk link is cited literally in that OWASP file', () => {
    const fileOf = (owaspId: string) => {
      const [dir, prefix] = owaspId.startsWith('LLM') ? ['owasp-llm-2025', `${owaspId.slice(0, 5)}_`] : ['owasp-ml-2023', `${owaspId.slice(0, 4)}_2023-`];
      const name = readdirSync(path.join(sources, dir)).find((f) => f.startsWith(prefix));
      return readFileSync(path.join(sources, dir, name!), 'utf8');
    };
    const cited = catalog.crosswalk.filter((l) => l.provenance === 'owasp');
    expect(cited.length).toBeGreaterThan(0);
    for (const link of cited) {
      const literal = new RegExp(`${link.atlas.replace(/\./g, '\\.')}(?![.\\d])`);
      expect(literal.test(fileOf(link.owasp)), `${link.owasp} → ${link.atlas}`).toBe(true);
    }
  });
});
