// The analysis-quality benchmark cannot rot: its scenario set is exactly the chosen ATLAS case studies,
// every model loads as the app loads it, and every expectation names a catalog technique from that case
// study's procedure, each procedure technique sorted exactly once. Also checks the scoring itself.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FILES, parseBuiltinCatalog } from '../../core/catalog/index';
import { loadModelBytes } from '../../core/model/load';
import { lenientMatch, parentOf, primaryTechnique, scoreScenario, totals, type ScoredFinding } from '../../bench/scenarios-score';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(repoRoot, 'bench', 'scenarios');

/** The case studies the benchmark draws; the others are kept for evaluation and must not appear. */
const CASE_STUDIES = [
  '0001', '0003', '0007', '0008', '0010', '0011', '0014', '0017', '0025', '0028', '0032',
  '0038', '0041', '0042', '0043', '0044', '0047', '0048', '0050', '0051', '0052', '0055',
].map((n) => `AML.CS${n}`);

interface Entry {
  technique: string;
  reason: string;
}
interface Expectation {
  caseStudy: string;
  name: string;
  model: string;
  expected: Entry[];
  excluded: Entry[];
}

const files = readdirSync(dir);
const expectations = files
  .filter((f) => f.endsWith('.expect.yaml'))
  .sort()
  .map((f) => ({ file: f, doc: parse(readFileSync(path.join(dir, f), 'utf8')) as Expectation }));

const catalog = (() => {
  const texts = Object.fromEntries(BUILTIN_FILES.map((f) => [f, readFileSync(path.join(repoRoot, 'data', 'catalog', f), 'utf8')]));
  const parsed = parseBuiltinCatalog(texts);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 5)));
  return parsed.value;
})();
const techniques = new Set(catalog.techniques.map((t) => t.id));

describe('benchmark scenarios (bench/scenarios)', () => {
  it('hold one model and one expectation file per chosen case study, and nothing else', () => {
    expect(expectations.map((e) => e.doc.caseStudy)).toEqual(CASE_STUDIES);
    const models = files.filter((f) => f.endsWith('.mercator.json')).sort();
    expect(models).toEqual(expectations.map((e) => e.doc.model).sort());
    expect(files.length).toBe(2 * CASE_STUDIES.length);
    for (const { file, doc } of expectations) {
      expect(file).toBe(`${doc.caseStudy}.expect.yaml`);
      expect(doc.model).toMatch(new RegExp(`^${doc.caseStudy.replace('.', '\\.')}-[a-z0-9-]+\\.mercator\\.json$`));
    }
  });

  it.each(expectations.map((e) => [e.doc.model]))('%s loads without errors or warnings', (model) => {
    const result = loadModelBytes(readFileSync(path.join(dir, model)));
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.pointer}: ${e.message}`).join('\n'));
    expect(result.warnings).toEqual([]);
    expect(result.model.components.length).toBeGreaterThan(0);
  });

  it.each(expectations.map((e) => [e.doc.caseStudy, e.doc]))('%s: every procedure technique is sorted once, with a reason', (id, doc) => {
    const study = catalog.caseStudies.find((c) => c.id === id);
    expect(study, `${id} is in the catalog`).toBeDefined();
    expect(doc.name).toBe(study!.name);
    const procedure = [...new Set(study!.procedure.map((p) => p.technique))].sort();
    const sorted = [...doc.expected, ...doc.excluded];
    for (const entry of sorted) {
      expect(techniques.has(entry.technique), `${entry.technique} is a catalog technique`).toBe(true);
      expect(procedure, `${entry.technique} is in the procedure of ${id}`).toContain(entry.technique);
      expect(entry.reason.trim().length, `reason for ${entry.technique}`).toBeGreaterThan(10);
    }
    expect(sorted.map((e) => e.technique).sort()).toEqual(procedure);
  });
});

describe('benchmark scoring', () => {
  const finding = (key: string, ...ids: string[]): ScoredFinding => ({ key, atlas: ids.map((technique) => ({ technique })) });

  it('matches parents and sub-techniques leniently, never siblings', () => {
    expect(parentOf('AML.T0043.001')).toBe('AML.T0043');
    expect(parentOf('AML.T0043')).toBe('AML.T0043');
    expect(lenientMatch('AML.T0043', 'AML.T0043.001')).toBe(true);
    expect(lenientMatch('AML.T0043.001', 'AML.T0043')).toBe(true);
    expect(lenientMatch('AML.T0043.001', 'AML.T0043.003')).toBe(false);
    expect(lenientMatch('AML.T0043', 'AML.T0044')).toBe(false);
  });

  it('takes the technique marked primary, else the first', () => {
    expect(primaryTechnique(finding('a', 'AML.T0051', 'AML.T0054'))).toBe('AML.T0051');
    expect(primaryTechnique({ key: 'b', atlas: [{ technique: 'AML.T0051' }, { technique: 'AML.T0054', role: 'primary' }] })).toBe('AML.T0054');
    expect(primaryTechnique(finding('c'))).toBeUndefined();
  });

  it('scores strict, lenient and primary hits and the first expected rank', () => {
    const findings = [finding('x', 'AML.T0040'), finding('y', 'AML.T0043', 'AML.T0015'), finding('z', 'AML.T0015', 'AML.T0051.001')];
    const s = scoreScenario(['AML.T0015', 'AML.T0043.001', 'AML.T0051.001', 'AML.T0053'], findings);
    expect(s.strictHits).toEqual(['AML.T0015', 'AML.T0051.001']);
    expect(s.lenientHits).toEqual(['AML.T0015', 'AML.T0043.001', 'AML.T0051.001']);
    expect(s.primaryHits).toEqual(['AML.T0015']);
    expect(s.primaryLenientHits).toEqual(['AML.T0015', 'AML.T0043.001']);
    expect(s.firstExpectedRank).toBe(3);
    expect(s.techniquesPerFinding).toEqual([1, 2, 2]);
    expect(scoreScenario(['AML.T0053'], findings).firstExpectedRank).toBeNull();
  });

  it('pools recall over expected ids and ranks scenarios without a hit last', () => {
    const a = scoreScenario(['AML.T0015', 'AML.T0040'], [finding('x', 'AML.T0015')]);
    const b = scoreScenario(['AML.T0053'], [finding('y', 'AML.T0051'), finding('z', 'AML.T0051', 'AML.T0053', 'AML.T0054')]);
    const none = scoreScenario([], [finding('w', 'AML.T0000')]);
    const t = totals([a, b, none]);
    expect(t).toMatchObject({ scenarios: 3, scored: 2, expected: 3, strictRecall: 2 / 3, primaryRecall: 1 / 3, rankedScenarios: 1 });
    expect(t.findingsPerModelMedian).toBe(1);
    expect(t.techniquesPerFindingMedian).toBe(1);
    expect(t.firstExpectedRankMedian).toBe(Number.POSITIVE_INFINITY);
  });
});
