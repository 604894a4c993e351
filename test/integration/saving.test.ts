// Saving through model:save with real files: conflicts are detected, and a failed write (disk full
// on a real 256 KB tmpfs, a read-only remount) leaves the file on disk byte-identical, no temp file
// behind, and the edits still in the caller's hands to save again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';
import { dispatch, type Handlers } from '../../core/host/dispatch';
import { hashBytes, TEMP_SUFFIX } from '../../core/host/files/atomic-file';
import { createEmptyModel, type Model } from '../../core/model/schema';
import { serializeModel } from '../../core/model/canonical';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mercator-saving-'));

async function host(workspace: string): Promise<Handlers> {
  return createHandlers({
    mode: 'browser',
    name: 'Mercator',
    version: 'test',
    policy: await createWorkspacePolicy(workspace),
    journal: await openJournal(path.join(scratch, 'journal-' + path.basename(workspace))),
    examplesDir: path.join(ROOT, 'examples'),
    openExternal: async () => false,
  });
}

function sampleModel(title = 'Saving test', components = 3): Model {
  const model = createEmptyModel(title);
  for (let i = 0; i < components; i++) {
    model.components.push({ id: `c${i}`, kind: 'llm', label: `LLM ${i}`, facts: {}, controls: {} });
  }
  return model;
}

async function call(handlers: Handlers, name: string, input: unknown) {
  return dispatch(handlers, name, input, { checkOutput: true });
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('model:save conflicts', () => {
  let ws: string;
  let handlers: Handlers;
  beforeAll(async () => {
    ws = mkdtempSync(path.join(scratch, 'ws-'));
    handlers = await host(ws);
  });

  it('saves a new file canonically and returns its hash', async () => {
    const model = sampleModel();
    const saved = await call(handlers, 'model:save', { path: 'a.mercator.json', model, baseHash: null });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const bytes = readFileSync(path.join(ws, 'a.mercator.json'));
    expect(bytes.toString()).toBe(serializeModel(model));
    expect(saved.ok && saved.value).toEqual({ path: 'a.mercator.json', hash: hashBytes(bytes), bytes: bytes.length });
  });

  it('refuses to overwrite a file changed on disk (E_CONFLICT), and overwrites it with force', async () => {
    const opened = await call(handlers, 'model:open', { path: 'a.mercator.json' });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const { hash, model } = opened.value as { hash: string; model: Model };
    const theirs = serializeModel(sampleModel('Changed by a colleague', 1));
    writeFileSync(path.join(ws, 'a.mercator.json'), theirs);

    const mine = { ...model, meta: { ...model.meta, title: 'My edits' } };
    const conflict = await call(handlers, 'model:save', { path: 'a.mercator.json', model: mine, baseHash: hash });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'E_CONFLICT', details: { diskHash: hashBytes(theirs) } } });
    expect(!conflict.ok && conflict.error.message).toContain('changed on disk');
    expect(readFileSync(path.join(ws, 'a.mercator.json'), 'utf8')).toBe(theirs);

    const forced = await call(handlers, 'model:save', { path: 'a.mercator.json', model: mine, baseHash: hash, force: true });
    expect(forced.ok).toBe(true);
    expect(readFileSync(path.join(ws, 'a.mercator.json'), 'utf8')).toBe(serializeModel(mine));
  });

  it('treats "save as" onto an existing file (baseHash null) as a conflict', async () => {
    const result = await call(handlers, 'model:save', { path: 'a.mercator.json', model: sampleModel('other'), baseHash: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_CONFLICT' } });
  });

  it('saves again with the hash it returned, without a conflict', async () => {
    const first = await call(handlers, 'model:save', { path: 'b.mercator.json', model: sampleModel('b'), baseHash: null });
    if (!first.ok) throw new Error(JSON.stringify(first));
    const second = await call(handlers, 'model:save', { path: 'b.mercator.json', model: sampleModel('b2'), baseHash: (first.value as { hash: string }).hash });
    expect(second.ok, JSON.stringify(second)).toBe(true);
  });

  it('never writes a model it could not read back', async () => {
    const model = sampleModel('dangling');
    model.flows.push({ id: 'f', source: 'c0', target: 'nowhere', label: '', facts: {}, controls: {} });
    const result = await call(handlers, 'model:save', { path: 'dangling.mercator.json', model, baseHash: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_MODEL', details: [{ code: 'E_DANGLING_FLOW', pointer: '/flows/0/target' }] } });
    expect(readdirSync(ws)).not.toContain('dangling.mercator.json');
  });

  it('only writes *.mercator.json files', async () => {
    const result = await call(handlers, 'model:save', { path: 'notes.txt', model: sampleModel(), baseHash: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_PATH' } });
  });

  it('discards the journal of a model once it is saved', async () => {
    const model = sampleModel('journaled');
    const written = await call(handlers, 'journal:write', { key: 'j.mercator.json', path: 'j.mercator.json', baseHash: null, model });
    expect(written.ok).toBe(true);
    expect(await call(handlers, 'journal:read', { key: 'j.mercator.json' })).toMatchObject({ ok: true });
    expect((await call(handlers, 'model:save', { path: 'j.mercator.json', model, baseHash: null })).ok).toBe(true);
    expect(await call(handlers, 'journal:read', { key: 'j.mercator.json' })).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });
});

function tryMount(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  }
}

const mountPoint = mkdtempSync(path.join(scratch, 'tmpfs-'));
const mountFailure = tryMount(mountPoint);
if (mountFailure) console.warn(`saving.test.ts: SKIPPED disk-full and read-only tests: cannot mount a tmpfs (needs root): ${mountFailure}`);

describe.skipIf(mountFailure !== null)('failed writes on a real small tmpfs', () => {
  let handlers: Handlers;
  const file = path.join(mountPoint, 'm.mercator.json');
  let hash: string;
  let original: Buffer;

  beforeAll(async () => {
    handlers = await host(mountPoint);
    const saved = await call(handlers, 'model:save', { path: 'm.mercator.json', model: sampleModel('on tmpfs', 5), baseHash: null });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    hash = (saved.value as { hash: string }).hash;
    original = readFileSync(file);
  });

  afterAll(() => {
    try {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
    } catch (error) {
      console.warn(`could not unmount ${mountPoint}: ${String(error)}`);
    }
  });

  it('disk full: E_DISK_FULL, the file is unchanged, no temp file, and the same edits save once there is room', async () => {
    // Fill the file system to the last byte.
    const filler = path.join(mountPoint, 'filler.bin');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(4096, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(fd);
    }
    const edits = sampleModel('edited while the disk is full', 40);
    const failed = await call(handlers, 'model:save', { path: 'm.mercator.json', model: edits, baseHash: hash });
    expect(failed).toMatchObject({ ok: false, error: { code: 'E_DISK_FULL' } });
    expect(!failed.ok && failed.error.message).toMatch(/disk is full.*unchanged.*edits are still open/s);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(readdirSync(mountPoint).filter((n) => n.endsWith(TEMP_SUFFIX))).toEqual([]);

    rmSync(filler);
    const retried = await call(handlers, 'model:save', { path: 'm.mercator.json', model: edits, baseHash: hash });
    expect(retried.ok, JSON.stringify(retried)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(serializeModel(edits));
    hash = (retried.ok && (retried.value as { hash: string }).hash) || '';
    original = readFileSync(file);
  });

  it('read-only: E_READ_ONLY and the file is unchanged', async () => {
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const failed = await call(handlers, 'model:save', { path: 'm.mercator.json', model: sampleModel('read-only edits'), baseHash: hash });
      expect(failed).toMatchObject({ ok: false, error: { code: 'E_READ_ONLY' } });
      expect(!failed.ok && failed.error.message).toContain('unchanged');
      expect(readFileSync(file).equals(original)).toBe(true);
      // Opening still works on a read-only disk (stale temp-file cleanup must not break it).
      const opened = await call(handlers, 'model:open', { path: 'm.mercator.json' });
      expect(opened.ok, JSON.stringify(opened)).toBe(true);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });
});
