// The catalog calls through dispatch (the path both transports use), on a real catalog file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type HostContext } from '../../core/host/handlers';
import { dispatch } from '../../core/host/dispatch';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';
import { createCatalogSession, type CatalogSession } from '../../core/host/catalog/session';
import type { Handlers } from '../../core/host/dispatch';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const releaseFile = path.resolve(repoRoot, '..', 'shared', 'catalog-sources', 'atlas', 'ATLAS.yaml');
let dir: string;
let handlers: Handlers;
let bare: Handlers;
let session: CatalogSession;
const rebuilds: string[] = [];

async function context(extra: Partial<HostContext>): Promise<HostContext> {
  return {
    mode: 'browser',
    name: 'Mercator',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(dir),
    journal: await openJournal(path.join(dir, '.mercator', 'journal')),
    examplesDir: path.join(repoRoot, 'examples'),
    openExternal: async () => false,
    ...extra,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-catalog-handlers-'));
  session = createCatalogSession({
    dataDir: path.join(repoRoot, 'data'),
    dbPath: path.join(dir, '.mercator', 'catalog.sqlite'),
    onRebuilt: (reason) => rebuilds.push(reason),
  });
  handlers = createHandlers(await context({ catalog: session }));
  bare = createHandlers(await context({}));
});
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (name: string, input: unknown, on = handlers) => dispatch(on, name, input, { checkOutput: true });

describe('catalog handlers', () => {
  it('catalog:stats builds the catalog on first use and reports the counts', async () => {
    const result = await call('catalog:stats', {});
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ tactics: 16, techniques: 170, subtechniques: 69, mitigations: 35, caseStudies: 57, owaspLlm: 10, owaspMl: 10, atlasVersion: '5.6.0', textSource: 'builtin' }),
    });
    expect(rebuilds).toEqual(['missing']);
  });

  it('app:info reports the catalog version', async () => {
    expect(await call('app:info', {})).toMatchObject({ ok: true, value: { catalogVersion: '5.6.0' } });
  });

  it('catalog:search answers valid input and rejects invalid input', async () => {
    const result = await call('catalog:search', { query: 'indirect prompt injection', limit: 3 });
    expect(result.ok && (result.value as { hits: Array<{ id: string }> }).hits[0]!.id).toBe('AML.T0051.001');
    for (const input of [{ query: 1 }, { query: 'x', limit: 0 }, { query: 'x', types: ['spell'] }, { query: 'x', extra: true }, { query: 'x'.repeat(201) }]) {
      const bad = await call('catalog:search', input);
      expect(bad).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    }
  });

  it('catalog:get returns a technique with its cross references', async () => {
    const result = await call('catalog:get', { id: 'T0051.001' });
    expect(result.ok).toBe(true);
    const entry = (result as { value: { entry: Record<string, unknown> } }).value.entry;
    expect(entry).toMatchObject({
      id: 'AML.T0051.001',
      type: 'technique',
      name: 'Indirect',
      parent: { id: 'AML.T0051', name: 'LLM Prompt Injection' },
      tactics: [{ id: 'AML.TA0005', name: 'Execution' }],
      maturity: 'demonstrated',
      url: 'https://atlas.mitre.org/techniques/AML.T0051.001',
    });
    expect(entry.crosswalk).toEqual(expect.arrayContaining([{ id: 'LLM01:2025', name: 'Prompt Injection', provenance: 'owasp' }]));
    expect((entry.mitigations as unknown[]).length).toBeGreaterThan(0);
    expect((entry.caseStudies as unknown[]).length).toBeGreaterThan(0);
  });

  it('catalog:get covers mitigations, case studies, OWASP entries and tactics', async () => {
    const get = async (id: string) => ((await call('catalog:get', { id })) as { value: { entry: Record<string, unknown> } }).value.entry;
    expect((await get('AML.M0018')).techniques).toEqual(expect.arrayContaining([{ id: 'AML.T0052.001', name: 'Phishing: Deepfake-Assisted Phishing' }]));
    const study = await get('AML.CS0000');
    expect((study.procedure as unknown[])[0]).toEqual({
      tactic: { id: 'AML.TA0002', name: 'Reconnaissance' },
      technique: { id: 'AML.T0000.001', name: 'Search Open Technical Databases: Pre-Print Repositories' },
    });
    const owasp = await get('ML05');
    expect(owasp).toMatchObject({ id: 'ML05:2023', list: 'ml-2023', name: 'Model Theft' });
    expect((owasp.prevention as string[]).length).toBeGreaterThan(0);
    expect((owasp.crosswalk as Array<{ provenance: string; reason?: string }>).every((c) => c.provenance === 'owasp' || c.reason)).toBe(true);
    expect(((await get('AML.TA0005')).techniques as Array<{ id: string }>).map((t) => t.id)).toContain('AML.T0051');
  });

  it('catalog:get of an unknown id is E_NOT_FOUND', async () => {
    expect(await call('catalog:get', { id: 'AML.T9999' })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    expect(await call('catalog:get', { id: '' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
  });

  it('catalog:matrix lists tactic columns in matrix order with techniques and sub-techniques', async () => {
    const result = (await call('catalog:matrix', {})) as { ok: true; value: { tactics: Array<{ id: string; techniques: Array<{ id: string; subtechniques: Array<{ id: string }> }> }> } };
    expect(result.ok).toBe(true);
    expect(result.value.tactics.map((t) => t.id).slice(0, 3)).toEqual(['AML.TA0002', 'AML.TA0003', 'AML.TA0004']);
    expect(result.value.tactics).toHaveLength(16);
    const execution = result.value.tactics.find((t) => t.id === 'AML.TA0005')!;
    const injection = execution.techniques.find((t) => t.id === 'AML.T0051')!;
    expect(injection.subtechniques.map((s) => s.id)).toEqual(['AML.T0051.000', 'AML.T0051.001', 'AML.T0051.002']);
    const topLevel = new Set(result.value.tactics.flatMap((t) => t.techniques.map((x) => x.id)));
    expect(topLevel.size).toBe(101);
  });

  it('catalog:list lists one type, and OWASP by list', async () => {
    const list = async (input: unknown) => ((await call('catalog:list', input)) as { value: { entries: Array<{ id: string }> } }).value.entries;
    expect(await list({ type: 'tactic' })).toHaveLength(16);
    expect(await list({ type: 'case-study' })).toHaveLength(57);
    expect((await list({ type: 'owasp', list: 'llm-2025' })).map((e) => e.id)[0]).toBe('LLM01:2025');
    expect(await list({ type: 'owasp', list: 'ml-2023' })).toHaveLength(10);
    expect(await call('catalog:list', { type: 'owasp', list: 'llm-2023' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
  });

  it('catalog:importPreview and catalog:import refuse a broken release with the places', async () => {
    const result = await call('catalog:import', { text: 'id: ATLAS\nname: x\nversion: 5.6.0\nmatrices: []\n' });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_CATALOG' } });
    expect(!result.ok && result.error.message).toMatch(/matrices: the release holds no matrix/);
    expect(!result.ok && result.error.message).toMatch(/case-studies/);
    expect(await call('catalog:importPreview', { text: 'a: [' })).toMatchObject({ ok: false, error: { code: 'E_INVALID_CATALOG' } });
    expect(await call('catalog:stats', {})).toMatchObject({ ok: true, value: { textSource: 'builtin' } });
  });

  it.skipIf(!existsSync(releaseFile))('catalog:import applies the official release and later calls see it', async () => {
    const text = readFileSync(releaseFile, 'utf8');
    const preview = await call('catalog:importPreview', { text });
    expect(preview).toMatchObject({ ok: true, value: { version: '5.6.0', added: [], removed: [] } });
    const imported = await call('catalog:import', { text });
    expect(imported).toMatchObject({ ok: true, value: { version: '5.6.0' } });
    const entry = await call('catalog:get', { id: 'AML.T0051' });
    expect(entry).toMatchObject({ ok: true, value: { entry: { textSource: 'official' } } });
    expect(await call('catalog:stats', {})).toMatchObject({ ok: true, value: { textSource: 'official' } });
  });

  it('a host without a catalog answers E_NO_CATALOG', async () => {
    expect(await call('catalog:stats', {}, bare)).toMatchObject({ ok: false, error: { code: 'E_NO_CATALOG' } });
    expect(await call('app:info', {}, bare)).toMatchObject({ ok: true, value: { catalogVersion: null } });
  });
});
