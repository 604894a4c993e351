// The bad-input corpus (test/fixtures/bad-models, plus a 100 MB file and a depth-100,000 file made
// here): `mercator validate` as a real process and model:open through dispatch give each file its
// specific error code and JSON Pointer, and nothing crashes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';
import { dispatch, type Handlers } from '../../core/host/dispatch';
import type { ModelProblem } from '../../core/model/errors';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'mercator.mjs');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'bad-models');

interface Expected {
  code: string;
  pointer: string;
  line?: number;
}

/** Every file of the corpus and what it must give; null means "valid" (with these warnings). */
const EXPECTED: Record<string, Expected | { valid: true; warnings: string[] }> = {
  'malformed-json.mercator.json': { code: 'E_JSON_SYNTAX', pointer: '', line: 3 },
  'empty.mercator.json': { code: 'E_JSON_SYNTAX', pointer: '', line: 1 },
  'not-an-object.mercator.json': { code: 'E_NOT_A_MODEL', pointer: '' },
  'wrong-type.mercator.json': { code: 'E_SCHEMA', pointer: '/components/1/label' },
  'wrong-type-nested.mercator.json': { code: 'E_SCHEMA', pointer: '/flows/0/facts/encrypted' },
  'proto-key.mercator.json': { code: 'E_FORBIDDEN_KEY', pointer: '/components/1/facts/__proto__' },
  'constructor-key.mercator.json': { code: 'E_FORBIDDEN_KEY', pointer: '/meta/constructor' },
  'dangling-flow.mercator.json': { code: 'E_DANGLING_FLOW', pointer: '/flows/0/target' },
  'duplicate-id.mercator.json': { code: 'E_DUPLICATE_ID', pointer: '/components/1/id' },
  'unknown-kind.mercator.json': { code: 'E_UNKNOWN_KIND', pointer: '/components/0/kind' },
  'unknown-key.mercator.json': { code: 'E_SCHEMA', pointer: '' },
  'newer-version.mercator.json': { code: 'E_UNSUPPORTED_VERSION', pointer: '/schemaVersion' },
  'no-version.mercator.json': { code: 'E_NOT_A_MODEL', pointer: '/schemaVersion' },
  'invalid-utf8.mercator.json': { code: 'E_ENCODING', pointer: '', line: 15 },
  'bom.mercator.json': { valid: true, warnings: ['W_BOM'] },
  'markup-label.mercator.json': { valid: true, warnings: [] },
  // generated below, never committed
  'huge-100mb.mercator.json': { code: 'E_TOO_LARGE', pointer: '' },
  'deep-100000.mercator.json': { code: 'E_TOO_DEEP', pointer: '/components/0/facts/k' + '/0'.repeat(60) },
};

let work: string;
let handlers: Handlers;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "node scripts/build.mjs" first`);
  work = mkdtempSync(path.join(os.tmpdir(), 'mercator-bad-'));
  for (const name of readdirSync(CORPUS)) copyFileSync(path.join(CORPUS, name), path.join(work, name));
  // 100 MB: a valid model padded with whitespace (the size alone must refuse it).
  const huge = openSync(path.join(work, 'huge-100mb.mercator.json'), 'w');
  writeSync(huge, '{"schemaVersion":1,"meta":{"title":"huge"}');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < 100; i++) writeSync(huge, spaces);
  writeSync(huge, '}');
  closeSync(huge);
  const depth = 100_000;
  const deep = openSync(path.join(work, 'deep-100000.mercator.json'), 'w');
  writeSync(deep, '{"schemaVersion":1,"meta":{"title":"deep"},"components":[{"id":"a","kind":"llm","label":"a","facts":{"k":');
  writeSync(deep, '['.repeat(depth) + ']'.repeat(depth) + '}}]}');
  closeSync(deep);
  handlers = createHandlers({
    mode: 'browser',
    name: 'Mercator',
    version: 'test',
    policy: await createWorkspacePolicy(work),
    journal: await openJournal(path.join(work, '.mercator', 'journal')),
    examplesDir: path.join(ROOT, 'examples'),
    openExternal: async () => false,
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface FileReport {
  file: string;
  valid: boolean;
  errors: ModelProblem<string>[];
  warnings: ModelProblem<string>[];
}

function validate(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

describe('the bad-input corpus', () => {
  it('has an expectation for every committed file', () => {
    const committed = readdirSync(CORPUS).filter((n) => n.endsWith('.mercator.json'));
    expect(committed.sort()).toEqual(Object.keys(EXPECTED).filter((n) => !/^(huge|deep)-/.test(n)).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: mercator validate --format json`, () => {
      const run = validate(name, '--format', 'json');
      expect(run.signal).toBeNull();
      const report = (JSON.parse(run.stdout) as { files: FileReport[] }).files[0]!;
      expect(report.file).toBe(name);
      if ('valid' in expected) {
        expect(run.status).toBe(0);
        expect(report.valid).toBe(true);
        expect(report.warnings.map((w) => w.code)).toEqual(expected.warnings);
      } else {
        expect(run.status, run.stderr).toBe(1);
        expect(report.valid).toBe(false);
        expect(report.errors[0]).toMatchObject(expected.line ? expected : { code: expected.code, pointer: expected.pointer });
        expect(report.errors[0]!.message.length).toBeGreaterThan(10);
      }
    });

    it(`${name}: model:open through dispatch`, async () => {
      const result = await dispatch(handlers, 'model:open', { path: name }, { checkOutput: true });
      if ('valid' in expected) {
        expect(result.ok, JSON.stringify(result)).toBe(true);
        if (!result.ok) return;
        const value = result.value as { warnings: ModelProblem<string>[]; model: { components: Array<{ label: string }> } };
        expect(value.warnings.map((w) => w.code)).toEqual(expected.warnings);
        if (name.startsWith('markup')) expect(value.model.components.map((c) => c.label)).toContain('<img src=x onerror=alert(1)>');
      } else {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('E_INVALID_MODEL');
        expect(result.error.message).toContain(expected.code);
        expect((result.error.details as ModelProblem<string>[])[0]).toMatchObject({ code: expected.code, pointer: expected.pointer });
      }
    });
  }

  it('validates several files at once, text format: errors on stderr with file, line and pointer', () => {
    const run = validate('markup-label.mercator.json', 'dangling-flow.mercator.json', 'malformed-json.mercator.json');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('markup-label.mercator.json: valid');
    expect(run.stderr).toContain('dangling-flow.mercator.json: E_DANGLING_FLOW at /flows/0/target: flow "f1" ends at "ghost"');
    expect(run.stderr).toMatch(/malformed-json\.mercator\.json:3:\d+: E_JSON_SYNTAX at the document: malformed JSON/);
  });

  it('reports a missing file as E_READ with exit 1', () => {
    const run = validate('nope.mercator.json', '--format', 'json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files[0].errors[0].code).toBe('E_READ');
  });

  it('refuses a bad --format with exit 2', () => {
    const run = validate('bom.mercator.json', '--format', 'xml');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format must be text or json');
  });

  it('model:validate reports the same problems for text sent through the API', async () => {
    const result = await dispatch(handlers, 'model:validate', { text: '{"schemaVersion":1,"meta":{"title":"x"},"__proto__":{}}' }, { checkOutput: true });
    expect(result).toMatchObject({ ok: true, value: { valid: false, errors: [{ code: 'E_FORBIDDEN_KEY', pointer: '/__proto__' }] } });
  });
});
