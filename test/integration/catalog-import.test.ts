// Importing the official ATLAS release into a real catalog file, and refusing broken variants
// cleanly: errors name the place, the previous catalog stays byte-for-byte the same.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/catalog/index';
import { openCatalog } from '../../core/host/catalog/db';
import { importAtlasRelease, previewAtlasImport } from '../../core/host/catalog/import';
import { catalogStats, getCatalogEntry } from '../../core/host/catalog/queries';
import { searchCatalog } from '../../core/host/catalog/search';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const releaseFile = path.resolve(repoRoot, '..', 'shared', 'catalog-sources', 'atlas', 'ATLAS.yaml');
const present = existsSync(releaseFile);
if (!present) console.warn(`catalog import tests SKIPPED: the official ATLAS release is not at ${releaseFile}`);

let dir: string;
let dbPath: string;
const dataDir = path.join(repoRoot, 'data');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-catalog-import-'));
  dbPath = path.join(dir, 'catalog.sqlite');
  openCatalog({ dataDir, dbPath }).db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withDb<T>(use: (db: ReturnType<typeof openCatalog>['db']) => T): T {
  const opened = openCatalog({ dataDir, dbPath });
  expect(opened.rebuilt).toBe(false);
  try {
    return use(opened.db);
  } finally {
    opened.db.close();
  }
}

describe.skipIf(!present)(`importing an official ATLAS release${present ? '' : ' (SKIPPED: ATLAS.yaml not found)'}`, () => {
  const text = present ? readFileSync(releaseFile, 'utf8') : '';

  it('previews without changing anything', () => {
    const before = hash(dbPath);
    const plan = previewAtlasImport(dbPath, text);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.version).toBe('5.6.0');
    expect(plan.added).toEqual([]);
    expect(plan.removed).toEqual([]);
    expect(plan.changed).toContain('AML.T0051'); // the official description replaces the summary
    expect(plan.changed).not.toContain('LLM01:2025');
    expect(plan.notes.map(formatProblem)).toEqual(
      expect.arrayContaining([
        'matrices[0].mitigations[18].ml-lifecycle[6]: technique link "AML.T0052.001" was misplaced here; moved to techniques',
        'matrices[0].mitigations[34].ml-lifecycle[4]: technique link "AML.T0052.001" was misplaced here; moved to techniques',
      ]),
    );
    expect(hash(dbPath)).toBe(before);
  });

  it('imports: official descriptions with absolute links, facts intact, OWASP kept', () => {
    const outcome = importAtlasRelease(dbPath, text);
    expect(outcome.ok).toBe(true);
    withDb((db) => {
      const stats = catalogStats(db);
      expect(stats).toMatchObject({ textSource: 'official', atlasVersion: '5.6.0', techniques: 170, subtechniques: 69, owaspLlm: 10, crosswalkLinks: 73 });
      expect(stats.source).toMatch(/official ATLAS release 5\.6\.0/);
      const technique = getCatalogEntry(db, 'AML.T0051')!;
      expect(technique.textSource).toBe('official');
      expect(technique.summary).toMatch(/^An adversary may craft malicious prompts/);
      expect(technique.summary).toContain('](https://atlas.mitre.org/techniques/AML.T0051.000)');
      expect(technique.summary).not.toContain('](/');
      const sub = getCatalogEntry(db, 'AML.T0051.001')!;
      expect(sub.tactics).toEqual([{ id: 'AML.TA0005', name: 'Execution' }]); // inherited from the parent
      expect(getCatalogEntry(db, 'AML.M0018')!.techniques!.map((t) => t.id)).toContain('AML.T0052.001');
      expect(getCatalogEntry(db, 'AML.M0034')!.techniques!.map((t) => t.id)).toContain('AML.T0052.001');
      const m2 = getCatalogEntry(db, 'AML.M0002')!.techniques!.map((t) => t.id);
      expect(new Set(m2).size).toBe(m2.length);
      expect(getCatalogEntry(db, 'AML.CS0000')!.date).toBe('2020-01-01');
      expect(getCatalogEntry(db, 'LLM01:2025')!.crosswalk!.length).toBeGreaterThan(0);
      expect(searchCatalog(db, 'indirect prompt injection')[0]!.id).toBe('AML.T0051.001');
      expect(searchCatalog(db, 'poison training data')[0]!.id).toBe('AML.T0020');
    });
    // data/ is never touched: a fresh build from it is still the built-in text.
    const fresh = path.join(dir, 'fresh.sqlite');
    const opened = openCatalog({ dataDir, dbPath: fresh });
    expect(catalogStats(opened.db).textSource).toBe('builtin');
    opened.db.close();
    // Importing the same release again changes nothing.
    const again = importAtlasRelease(dbPath, text);
    expect(again.ok && { added: again.added, changed: again.changed, removed: again.removed }).toEqual({ added: [], changed: [], removed: [] });
    expect(readdirSync(dir).sort()).toEqual(['catalog.sqlite', 'fresh.sqlite']);
  });

  function expectRefused(broken: string, expected: RegExp) {
    const before = hash(dbPath);
    const outcome = importAtlasRelease(dbPath, broken);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map(formatProblem).join('\n')).toMatch(expected);
    expect(hash(dbPath)).toBe(before);
    expect(readdirSync(dir)).toEqual(['catalog.sqlite']);
    withDb((db) => expect(catalogStats(db).textSource).toBe('builtin'));
  }

  it('refuses a truncated file and keeps the previous catalog', () => {
    expectRefused(text.slice(0, Math.floor(text.length / 2)), /case-studies|line \d+, column \d+/);
  });

  it('refuses wrong types, naming the field', () => {
    const release = parse(text) as { matrices: Array<{ techniques: Array<Record<string, unknown>> }> };
    release.matrices[0]!.techniques[3]!.name = ['not', 'a', 'name'];
    expectRefused(stringify(release), /^matrices\[0\]\.techniques\[3\]\.name: /m);
    expectRefused(text.replace(/^version: 5\.6\.0$/m, 'version: {major: 5}'), /^version: /m);
    expectRefused('- just\n- a list\n', /an ATLAS release is a YAML mapping/);
    expectRefused('', /empty/);
  });

  it('refuses an unknown tactic id in a technique, naming the technique', () => {
    const release = parse(text) as { matrices: Array<{ techniques: Array<{ tactics?: string[] }> }> };
    const index = release.matrices[0]!.techniques.findIndex((t, i) => i >= 12 && t.tactics !== undefined);
    release.matrices[0]!.techniques[index]!.tactics = ['AML.TA9999'];
    expectRefused(stringify(release), new RegExp(`^matrices\\[0\\]\\.techniques\\[${index}\\]\\.tactics: unknown tactic id "AML\\.TA9999"$`, 'm'));
  });

  it('refuses dangling references in mitigations and case studies', () => {
    const release = parse(text) as { matrices: Array<{ mitigations: Array<{ techniques: Array<{ id: string }> }> }>; 'case-studies': Array<{ procedure: Array<{ technique: string }> }> };
    release.matrices[0]!.mitigations[1]!.techniques.push({ id: 'AML.T9999' });
    release['case-studies'][2]!.procedure[0]!.technique = 'AML.T8888';
    expectRefused(stringify(release), /matrices\[0\]\.mitigations\[1\]\.techniques: unknown technique id "AML\.T9999"[\s\S]*case-studies\[2\]\.procedure\[0\]\.technique: unknown technique id "AML\.T8888"/);
  });
});
