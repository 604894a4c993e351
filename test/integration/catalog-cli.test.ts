// `mercator catalog …` as a real process (the bundled CLI), on catalog files in a temp folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli', 'mercator.mjs');
const releaseFile = path.resolve(repoRoot, '..', 'shared', 'catalog-sources', 'atlas', 'ATLAS.yaml');
let dir: string;
let db: string;

function mercator(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  // npm test builds first; build here only when run on its own (rebuilding would race other tests).
  if (!existsSync(cli)) {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), 'node'], { cwd: repoRoot, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  }
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-catalog-cli-'));
  db = path.join(dir, 'catalog.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mercator catalog', () => {
  it('stats --format json reports the built-in catalog (and says it built it)', () => {
    const first = mercator('catalog', 'stats', '--format', 'json', '--db', db);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/Catalog rebuilt \(missing\)/);
    expect(JSON.parse(first.out)).toMatchObject({
      atlasVersion: '5.6.0', tactics: 16, techniques: 170, subtechniques: 69, mitigations: 35, caseStudies: 57, owaspLlm: 10, owaspMl: 10,
    });
    const second = mercator('catalog', 'stats', '--db', db);
    expect(second.code).toBe(0);
    expect(second.err).toBe('');
    expect(second.out).toMatch(/MITRE ATLAS 5\.6\.0/);
    expect(second.out).toMatch(/techniques\s+170 \(69 sub-techniques\)/);
  });

  it('search prints the best match first, in text and JSON', () => {
    const text = mercator('catalog', 'search', 'indirect', 'prompt', 'injection', '--db', db, '--limit', '3');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toMatch(/^AML\.T0051\.001\s+technique\s+LLM Prompt Injection: Indirect$/);
    const json = mercator('catalog', 'search', 'ML05', '--format', 'json', '--db', db);
    expect(JSON.parse(json.out).hits[0]).toMatchObject({ id: 'ML05:2023', name: 'Model Theft', type: 'owasp' });
    expect(mercator('catalog', 'search', 'x', '--type', 'spell', '--db', db).code).toBe(2);
  });

  it('show prints an entry with its cross references; an unknown id fails', () => {
    const shown = mercator('catalog', 'show', 'T0051', '--db', db);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^AML\.T0051 {2}LLM Prompt Injection {2}\(technique\)/);
    expect(shown.out).toMatch(/Sub-techniques:\n {2}AML\.T0051\.000 {2}Direct/);
    const json = JSON.parse(mercator('catalog', 'show', 'LLM01', '--format', 'json', '--db', db).out);
    expect(json.entry).toMatchObject({ id: 'LLM01:2025', type: 'owasp' });
    const missing = mercator('catalog', 'show', 'AML.T9999', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no entry "AML\.T9999"/);
  });

  it('import refuses a broken file, naming the place, and changes nothing', () => {
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: ATLAS\nname: ATLAS\nversion: 5.6.0\nmatrices:\n  - id: ATLAS\n    name: m\n    tactics: 3\n    techniques: []\ncase-studies: []\n');
    const before = readFileSync(db);
    const result = mercator('catalog', 'import', broken, '--yes', '--db', db);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/was not imported; the catalog is unchanged/);
    expect(result.err).toMatch(/matrices\[0\]\.tactics: /);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(mercator('catalog', 'import', path.join(dir, 'nope.yaml'), '--db', db).code).toBe(1);
  });

  it.skipIf(!existsSync(releaseFile))('import previews without --yes and applies with it', () => {
    const preview = mercator('catalog', 'import', releaseFile, '--format', 'json', '--db', db);
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.out)).toMatchObject({ imported: false, version: '5.6.0', added: [], removed: [] });
    expect(JSON.parse(mercator('catalog', 'stats', '--format', 'json', '--db', db).out).textSource).toBe('builtin');
    const applied = mercator('catalog', 'import', releaseFile, '--yes', '--db', db);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/ATLAS release 5\.6\.0: 0 added, \d+ changed, 0 removed\./);
    expect(JSON.parse(mercator('catalog', 'stats', '--format', 'json', '--db', db).out).textSource).toBe('official');
    expect(mercator('catalog', 'show', 'AML.T0051', '--db', db).out).toMatch(/An adversary may craft malicious prompts[\s\S]*\(official description\)/);
  });

  it('build --out compiles the built-in catalog and prints counts and time', () => {
    const out = path.join(dir, 'built', 'catalog.sqlite');
    const result = mercator('catalog', 'build', '--out', out, '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ path: out, techniques: 170, textSource: 'builtin', ms: expect.any(Number) });
    expect(existsSync(out)).toBe(true);
  });

  it('rejects unknown subcommands and options with a usage error', () => {
    expect(mercator('catalog', 'frobnicate', '--db', db).code).toBe(2);
    expect(mercator('catalog').code).toBe(2);
    expect(mercator('catalog', 'stats', '--bogus').code).toBe(2);
  });
});
