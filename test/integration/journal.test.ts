// The autosave journal on real files: write, list, read, discard; model:open offers recovery when
// the journal holds edits the file does not have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openJournal, type Journal } from '../../core/host/files/journal';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { dispatch, type Handlers } from '../../core/host/dispatch';
import { TEMP_SUFFIX } from '../../core/host/files/atomic-file';
import { CURRENT_SCHEMA_VERSION, createEmptyModel } from '../../core/model/schema';
import { serializeModel } from '../../core/model/canonical';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let journalDir: string;
let journal: Journal;
let handlers: Handlers;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-journal-'));
  journalDir = path.join(dir, '.mercator', 'journal');
  journal = await openJournal(journalDir);
  handlers = createHandlers({
    mode: 'browser',
    name: 'Mercator',
    version: 'test',
    policy: await createWorkspacePolicy(dir),
    journal,
    examplesDir: path.join(ROOT, 'examples'),
    openExternal: async () => false,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('journal', () => {
  it('writes, lists newest first, reads and discards entries', async () => {
    const a = createEmptyModel('A');
    const b = createEmptyModel('B');
    await journal.write({ key: 'untitled:1', path: null, baseHash: null }, a, new Date('2026-01-01T10:00:00Z'));
    await journal.write({ key: 'x/b.mercator.json', path: 'x/b.mercator.json', baseHash: 'sha256:00' }, b, new Date('2026-01-01T11:00:00Z'));
    expect((await journal.list()).map((e) => [e.key, e.title, e.savedAt])).toEqual([
      ['x/b.mercator.json', 'B', '2026-01-01T11:00:00.000Z'],
      ['untitled:1', 'A', '2026-01-01T10:00:00.000Z'],
    ]);
    expect(await journal.read('untitled:1')).toEqual({
      entry: { key: 'untitled:1', path: null, title: 'A', savedAt: '2026-01-01T10:00:00.000Z', baseHash: null },
      model: a,
    });
    expect(await journal.read('nothing')).toBeNull();
    expect(await journal.discard('untitled:1')).toBe(true);
    expect(await journal.discard('untitled:1')).toBe(false);
    expect((await journal.list()).map((e) => e.key)).toEqual(['x/b.mercator.json']);
    await journal.discard('x/b.mercator.json');
  });

  it('overwrites the entry of the same key', async () => {
    await journal.write({ key: 'k', path: null, baseHash: null }, createEmptyModel('first'));
    await journal.write({ key: 'k', path: null, baseHash: null }, createEmptyModel('second'));
    expect((await journal.list()).filter((e) => e.key === 'k').map((e) => e.title)).toEqual(['second']);
    await journal.discard('k');
  });

  it('ignores corrupt journal files and cleans stale temp files when opened', async () => {
    writeFileSync(path.join(journalDir, 'garbage.journal.json'), '{ not json');
    writeFileSync(path.join(journalDir, 'wrong.journal.json'), JSON.stringify({ key: 'w', model: { schemaVersion: 1 } }));
    // A temp file whose writer is gone (a pid above Linux's pid_max never runs).
    writeFileSync(path.join(journalDir, `.x.journal.json.${2 ** 22 + 7}-0123456789ab${TEMP_SUFFIX}`), 'half');
    const reopened = await openJournal(journalDir);
    expect(await reopened.list()).toEqual([]);
    expect(readdirSync(journalDir).some((n) => n.endsWith(TEMP_SUFFIX))).toBe(false);
  });

  it('offers back edits journaled by a Mercator that wrote an older format, migrated', async () => {
    // What the previous format's build left in the journal before a crash (and an upgrade).
    const old = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'migrations', 'format-1.mercator.json'), 'utf8'));
    const key = 'old/format-1.mercator.json';
    const file = path.join(journalDir, createHash('sha256').update(key).digest('hex').slice(0, 32) + '.journal.json');
    writeFileSync(file, JSON.stringify({ key, path: key, title: old.meta.title, savedAt: '2026-11-20T10:00:00.000Z', baseHash: null, model: old }));
    expect((await journal.list()).map((e) => e.key)).toContain(key);
    const read = await journal.read(key);
    expect(read?.model.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(read?.model.meta.title).toBe(old.meta.title);
    expect(read?.model.decisions).toMatchObject(old.decisions);
    await journal.discard(key);
  });

  it('model:open reports recovery when the journal holds other edits of that file, and not otherwise', async () => {
    const onDisk = createEmptyModel('On disk');
    writeFileSync(path.join(dir, 'r.mercator.json'), serializeModel(onDisk));
    const clean = await dispatch(handlers, 'model:open', { path: 'r.mercator.json' }, { checkOutput: true });
    expect(clean).toMatchObject({ ok: true, value: { recovery: null } });
    const hash = clean.ok ? (clean.value as { hash: string }).hash : '';

    const edited = { ...onDisk, meta: { ...onDisk.meta, title: 'Edited, not saved' } };
    const written = await dispatch(handlers, 'journal:write', { key: 'r.mercator.json', path: 'r.mercator.json', baseHash: hash, model: edited });
    expect(written.ok).toBe(true);
    const opened = await dispatch(handlers, 'model:open', { path: 'r.mercator.json' }, { checkOutput: true });
    expect(opened).toMatchObject({
      ok: true,
      value: { model: { meta: { title: 'On disk' } }, recovery: { key: 'r.mercator.json', path: 'r.mercator.json', title: 'Edited, not saved', baseHash: hash } },
    });
    const read = await dispatch(handlers, 'journal:read', { key: 'r.mercator.json' }, { checkOutput: true });
    expect(read).toMatchObject({ ok: true, value: { model: { meta: { title: 'Edited, not saved' } } } });

    // The journal holding exactly what is on disk is nothing to recover.
    await dispatch(handlers, 'journal:write', { key: 'r.mercator.json', path: 'r.mercator.json', baseHash: hash, model: onDisk });
    expect(await dispatch(handlers, 'model:open', { path: 'r.mercator.json' })).toMatchObject({ ok: true, value: { recovery: null } });

    expect(await dispatch(handlers, 'journal:discard', { key: 'r.mercator.json' })).toEqual({ ok: true, value: { discarded: true } });
    expect(await dispatch(handlers, 'journal:list', {})).toEqual({ ok: true, value: { entries: [] } });
  });
});
