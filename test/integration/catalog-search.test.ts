// Search ranking over a real catalog file: typed ids first, natural queries find the right entry first.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type CatalogDb } from '../../core/host/catalog/db';
import { searchCatalog } from '../../core/host/catalog/search';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;
let db: CatalogDb;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-catalog-search-'));
  db = openCatalog({ dataDir: path.join(repoRoot, 'data'), dbPath: path.join(dir, 'catalog.sqlite') }).db;
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (query: string, limit = 10) => searchCatalog(db, query, { limit }).map((h) => h.id);

describe('catalog search ranking', () => {
  it.each([
    ['indirect prompt injection', 'AML.T0051.001'],
    ['poison training data', 'AML.T0020'],
    ['model extraction', 'AML.T0024.002'],
    ['AML.T0051.001', 'AML.T0051.001'],
    ['aml.t0051.001', 'AML.T0051.001'],
    ['LLM01', 'LLM01:2025'],
    ['llm01:2025', 'LLM01:2025'],
    ['ML05', 'ML05:2023'],
    ['jailbreak', 'AML.T0054'],
    ['model theft', 'ML05:2023'],
    ['system prompt leakage', 'LLM07:2025'],
    ['M0018', 'AML.M0018'],
    ['TA0002', 'AML.TA0002'],
    ['CS0000', 'AML.CS0000'],
    ['evasion', 'AML.T0015'],
    ['backdoor', 'AML.T0018.000'],
    ['extraction', 'AML.T0024.002'],
    ['poisoning', 'AML.T0020'],
    ['model inversion', 'ML03:2023'],
    ['invert', 'AML.T0024.001'],
    ['rag poisoning', 'AML.T0070'],
  ])('"%s" → %s first', (query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('"T0051" gives the technique, then its sub-techniques in id order', () => {
    expect(ids('T0051').slice(0, 4)).toEqual(['AML.T0051', 'AML.T0051.000', 'AML.T0051.001', 'AML.T0051.002']);
  });

  it('"membership inference" gives the ATLAS technique and the OWASP risk first', () => {
    expect(new Set(ids('membership inference').slice(0, 2))).toEqual(new Set(['AML.T0024.000', 'ML04:2023']));
  });

  it('"RAG" gives RAG techniques first', () => {
    const hits = searchCatalog(db, 'RAG', { limit: 5 });
    expect(hits[0]!.type).toBe('technique');
    for (const hit of hits.slice(0, 3)) expect(hit.name).toMatch(/\bRAG\b/);
  });

  it('"deepfake" finds the technique and the mitigation near the top', () => {
    expect(ids('deepfake', 3)).toEqual(expect.arrayContaining(['AML.T0088', 'AML.M0034']));
  });

  it('entries named by a word come before entries that only mention it in their summary', () => {
    for (const query of ['deepfake', 'jailbreak', 'exfiltration', 'replication']) {
      const hits = searchCatalog(db, query, { limit: 30 });
      const named = (h: (typeof hits)[number]) => new RegExp(query.slice(0, 6), 'i').test(`${h.id} ${h.name} ${h.parentName ?? ''}`);
      const firstUnnamed = hits.findIndex((h) => !named(h));
      const lastNamed = hits.map(named).lastIndexOf(true);
      expect(firstUnnamed === -1 || lastNamed < firstUnnamed, `${query}: ${hits.map((h) => h.name).join(' | ')}`).toBe(true);
    }
  });

  it('synonyms lead to the technique named differently, and named entries still come first for mixed queries', () => {
    expect(ids('evasion', 3)).toContain('AML.T0015');
    expect(ids('jailbreak')[0]).toBe('AML.T0054');
    // "poisoning" alone leads to the canonical technique; "RAG poisoning" to the one named so.
    expect(ids('poisoning', 5)).toEqual(expect.arrayContaining(['AML.T0020', 'AML.T0070']));
    expect(ids('rag poisoning', 1)).toEqual(['AML.T0070']);
  });

  it('sub-technique hits carry their parent name', () => {
    const hit = searchCatalog(db, 'indirect prompt injection')[0]!;
    expect(hit).toMatchObject({ name: 'Indirect', parentName: 'LLM Prompt Injection', type: 'technique' });
  });

  it('filters by type and respects the limit', () => {
    const hits = searchCatalog(db, 'prompt injection', { types: ['owasp'], limit: 3 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.every((h) => h.type === 'owasp')).toBe(true);
    expect(hits[0]!.id).toBe('LLM01:2025');
    expect(searchCatalog(db, 'model', { limit: 7 })).toHaveLength(7);
  });

  it('treats FTS syntax as plain text and returns nothing for empty queries', () => {
    expect(searchCatalog(db, '')).toEqual([]);
    expect(searchCatalog(db, '  "*() AND OR NEAR ')).toBeInstanceOf(Array);
    expect(() => searchCatalog(db, 'prompt" OR "x*')).not.toThrow();
    expect(searchCatalog(db, 'zzzzqqqq')).toEqual([]);
  });
});
