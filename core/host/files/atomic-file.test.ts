// Unit checks of the atomic writer beyond the kill -9 and tmpfs integration tests.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWriteError, hashBytes, hashFile, removeStaleTempFiles, STALE_TEMP_MS, TEMP_SUFFIX, writeFileAtomic } from './atomic-file';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic-file', () => {
  it('writes and replaces a file, leaving no temp file', async () => {
    const file = path.join(dir, 'a.mercator.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.mercator.json']);
    expect(await hashFile(file)).toBe(hashBytes('two'));
    expect(await hashFile(path.join(dir, 'missing'))).toBeNull();
  });

  it('fails cleanly when the folder does not exist', async () => {
    const error = await writeFileAtomic(path.join(dir, 'nope', 'x.mercator.json'), 'x').catch((e: unknown) => e);
    expect(describeWriteError(error, 'nope/x.mercator.json').code).toBe('E_NOT_FOUND');
  });

  it('removes only its own temp files, and only stale ones', async () => {
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
    const gone = `.a.mercator.json.${deadPid}-0123456789ab${TEMP_SUFFIX}`;
    const live = `.a.mercator.json.${process.pid}-0123456789ab${TEMP_SUFFIX}`;
    const oldLive = `.b.mercator.json.${process.pid}-ba9876543210${TEMP_SUFFIX}`;
    const legacy = `.c.mercator.json.0123456789ab${TEMP_SUFFIX}`;
    for (const name of [gone, live, oldLive, legacy]) writeFileSync(path.join(dir, name), 'half');
    const longAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    utimesSync(path.join(dir, oldLive), longAgo, longAgo);
    writeFileSync(path.join(dir, '.gitignore'), 'keep');
    writeFileSync(path.join(dir, `visible${TEMP_SUFFIX}`), 'keep: not a dot file');
    // The dead writer's temp file and the one past the age limit go; a live writer's fresh one stays,
    // as does a fresh one whose writer is unknown.
    expect(await removeStaleTempFiles(dir)).toEqual([gone, oldLive].sort());
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', legacy, live, 'a.mercator.json', `visible${TEMP_SUFFIX}`].sort());
    expect(await removeStaleTempFiles(dir, Date.now() + STALE_TEMP_MS + 1000)).toEqual([legacy, live].sort());
    expect(await removeStaleTempFiles(path.join(dir, 'missing'))).toEqual([]);
  });

  it.each([
    ['ENOSPC', 'E_DISK_FULL'],
    ['EDQUOT', 'E_DISK_FULL'],
    ['EROFS', 'E_READ_ONLY'],
    ['EACCES', 'E_READ_ONLY'],
    ['EPERM', 'E_READ_ONLY'],
    ['EIO', 'E_WRITE_FAILED'],
  ])('describes %s as %s, saying the file on disk is unchanged', (errno, code) => {
    const described = describeWriteError(Object.assign(new Error(errno), { code: errno }), 'm.mercator.json');
    expect(described.code).toBe(code);
    expect(described.message).toContain('"m.mercator.json"');
    expect(described.message).toMatch(/unchanged/);
  });
});
