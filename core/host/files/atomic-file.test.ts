// Unit checks of the atomic writer beyond the kill -9 and tmpfs integration tests.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWriteError, hashBytes, hashFile, removeStaleTempFiles, TEMP_SUFFIX, writeFileAtomic } from './atomic-file';

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

  it('removes only its own temp files', async () => {
    writeFileSync(path.join(dir, `.a.mercator.json.0123456789ab${TEMP_SUFFIX}`), 'half');
    writeFileSync(path.join(dir, '.gitignore'), 'keep');
    writeFileSync(path.join(dir, `visible${TEMP_SUFFIX}`), 'keep: not a dot file');
    expect(await removeStaleTempFiles(dir)).toEqual([`.a.mercator.json.0123456789ab${TEMP_SUFFIX}`]);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'a.mercator.json', `visible${TEMP_SUFFIX}`]);
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
