// The API contract: names.ts lists exactly the contract's calls; every call answers valid input
// through dispatch with the real handlers, and answers wrong input with an error result, never a throw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract } from './contract';
import { API_CALL_NAMES, isApiCallName, type ApiCallName } from './names';
import { createHandlers } from '../host/handlers';
import { createWorkspacePolicy } from '../host/files/path-policy';
import { openJournal } from '../host/files/journal';
import { dispatch, type Handlers } from '../host/dispatch';
import { CURRENT_SCHEMA_VERSION, createEmptyModel } from '../model/schema';
import { serializeModel } from '../model/canonical';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const model = createEmptyModel('Contract test');

/**
 * One valid input per call. A new call fails "has a sample" until it gets one here.
 * `unavailable`: error codes that valid input may get in this test host (the catalog calls run
 * without a catalog database here).
 */
const SAMPLES: Record<string, { input: unknown; unavailable?: string[] }> = {
  'app:info': { input: {} },
  'model:validate': { input: { text: serializeModel(model) } },
  'model:open': { input: { path: 'sample.mercator.json' } },
  'model:save': { input: { path: 'saved.mercator.json', model, baseHash: null } },
  'model:list': { input: {} },
  'journal:write': { input: { key: 'untitled:1', path: null, baseHash: null, model } },
  'journal:list': { input: {} },
  'journal:read': { input: { key: 'untitled:1' } },
  'journal:discard': { input: { key: 'untitled:1' } },
  'example:list': { input: {} },
  'example:open': { input: { id: 'rag-support-chatbot' } },
  'shell:openExternal': { input: { url: 'https://atlas.mitre.org/techniques/AML.T0051' } },
  'rules:list': { input: {} },
  'catalog:stats': { input: {}, unavailable: ['E_NO_CATALOG'] },
  'catalog:search': { input: { query: 'prompt injection', limit: 5 }, unavailable: ['E_NO_CATALOG'] },
  'catalog:get': { input: { id: 'AML.T0051' }, unavailable: ['E_NO_CATALOG'] },
  'catalog:matrix': { input: {}, unavailable: ['E_NO_CATALOG'] },
  'catalog:list': { input: { type: 'owasp', list: 'llm-2025' }, unavailable: ['E_NO_CATALOG'] },
  'catalog:importPreview': { input: { text: 'id: ATLAS\nversion: 9.9.9\nmatrices: []\n' }, unavailable: ['E_NO_CATALOG', 'E_IMPORT'] },
  'catalog:import': { input: { text: 'id: ATLAS\nversion: 9.9.9\nmatrices: []\n' }, unavailable: ['E_NO_CATALOG', 'E_IMPORT'] },
  'report:export': { input: { model: { schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 'Sample' } }, format: 'md' } },
  'import:convert': { input: { text: '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"data","name":"d"}]}', fileName: 'bom.json' } },
  // Rooms run in browser mode only (this host has none); test/integration/room.test.ts runs them for real.
  'room:interfaces': { input: {}, unavailable: ['E_UNAVAILABLE'] },
  'room:start': { input: { host: '127.0.0.1' }, unavailable: ['E_UNAVAILABLE'] },
  'room:status': { input: {}, unavailable: ['E_UNAVAILABLE'] },
  'room:share': { input: { model }, unavailable: ['E_UNAVAILABLE'] },
  'room:focus': { input: { focus: null }, unavailable: ['E_UNAVAILABLE'] },
  'room:reveal': { input: {}, unavailable: ['E_UNAVAILABLE'] },
  'room:end': { input: {}, unavailable: ['E_UNAVAILABLE'] },
  'minutes:export': {
    input: { minutes: { title: 'Review', date: '2026-12-02', facilitator: 'Ana', attendees: [], agenda: [], findings: [], comments: [] }, format: 'md' },
  },
};

let workspace: string;
let handlers: Handlers;

beforeAll(async () => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'mercator-contract-'));
  writeFileSync(path.join(workspace, 'sample.mercator.json'), serializeModel(model));
  handlers = createHandlers({
    mode: 'browser',
    name: 'Mercator',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    journal: await openJournal(path.join(workspace, '.mercator', 'journal')),
    examplesDir: path.join(ROOT, 'examples'),
    openExternal: async () => false,
  });
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('API contract', () => {
  it('names.ts lists exactly the contract’s calls, each once, named domain:verb', () => {
    expect([...API_CALL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(API_CALL_NAMES).size).toBe(API_CALL_NAMES.length);
    for (const name of API_CALL_NAMES) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/);
  });

  it('the host has a handler for every call and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('every call has a valid-input sample in this test', () => {
    const missing = API_CALL_NAMES.filter((name) => !(name in SAMPLES));
    expect(missing, `add a sample for ${missing.join(', ')} to SAMPLES in core/api/contract.test.ts`).toEqual([]);
    expect(Object.keys(SAMPLES).filter((name) => !isApiCallName(name)), 'samples for calls that no longer exist').toEqual([]);
  });

  for (const name of API_CALL_NAMES) {
    it(`${name}: valid input passes the contract and returns ok with output inside the contract`, async () => {
      const sample = SAMPLES[name];
      if (!sample) throw new Error(`add a sample for ${name}`);
      expect(contract[name].input.safeParse(sample.input).success).toBe(true);
      const result = await dispatch(handlers, name, sample.input, { checkOutput: true });
      if (!result.ok && sample.unavailable?.includes(result.error.code)) return;
      expect(result, JSON.stringify(result).slice(0, 500)).toMatchObject({ ok: true });
    });
  }

  const huge = 'x'.repeat(5_000_000);
  const wrongInputs: Array<[string, (valid: unknown) => unknown]> = [
    ['a number', () => 42],
    ['a string', () => 'model'],
    ['an array', () => []],
    ['true', () => true],
    ['an extra key', (valid) => ({ ...(valid as object), extra: 1 })],
    [
      'a __proto__ key',
      (valid) => {
        const rest = JSON.stringify(valid).slice(1, -1);
        return JSON.parse(`{"__proto__":{"polluted":1}${rest ? ',' + rest : ''}}`);
      },
    ],
    ['wrong types in every field', (valid) => Object.fromEntries(Object.keys(valid as object).map((k) => [k, { nested: [null] }]))],
    ['huge strings in every field', (valid) => Object.fromEntries(Object.entries(valid as object).map(([k, v]) => [k, typeof v === 'string' ? huge : v]))],
  ];

  for (const name of API_CALL_NAMES) {
    it(`${name}: wrong input gets an error result, never a throw`, async () => {
      const valid = SAMPLES[name]?.input ?? {};
      for (const [label, make] of wrongInputs) {
        const input = make(valid);
        let result;
        try {
          result = await dispatch(handlers, name, input);
        } catch (error) {
          throw new Error(`${name} threw for ${label}: ${String(error)}`, { cause: error });
        }
        expect(typeof result.ok, label).toBe('boolean');
        if (!result.ok) {
          expect(result.error.code, label).toMatch(/^E_[A-Z_]+$/);
          expect(result.error.message.length, label).toBeGreaterThan(5);
          expect(result.error.message.length, `${label}: the message echoes the input`).toBeLessThan(20_000);
        }
        // Inputs that are not objects, or carry unknown keys, are always refused by the contract.
        if (['a number', 'a string', 'an array', 'true', 'an extra key', 'a __proto__ key'].includes(label)) {
          expect(result, label).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
        }
        if (label === 'wrong types in every field' && Object.keys(valid as object).length > 0) {
          expect(result, label).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('unknown call names get E_UNKNOWN_CALL', async () => {
    for (const name of ['model:delete', '__proto__', 'constructor', 'toString', '', null, 42, { name: 'app:info' }]) {
      expect(await dispatch(handlers, name, {})).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CALL' } });
    }
  });

  it('E_INVALID_INPUT names the place in the input', async () => {
    const result = await dispatch(handlers, 'model:save', { path: 'a.mercator.json', model: { ...model, components: [{ id: 'a' }] }, baseHash: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('/model/components/0/');
  });

  it('a handler that throws unexpectedly becomes E_INTERNAL', async () => {
    const broken = { ...handlers, 'app:info': async () => { throw new TypeError('boom'); } } as Handlers;
    const seen: string[] = [];
    const result = await dispatch(broken, 'app:info' satisfies ApiCallName, {}, { onUnexpectedError: (n) => seen.push(n) });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(seen).toEqual(['app:info']);
  });
});
