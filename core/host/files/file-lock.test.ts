// The per-file write lock: calls in one process queue up, a lock file held by another live process
// is waited for (and reported as E_BUSY past the wait), and a lock left by a dead process is taken over.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { lockFileFor, withFileLock } from './file-lock';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withFileLock', () => {
  it('never lets two calls for the same file overlap in one process', async () => {
    const target = path.join(dir, 'a.mercator.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withFileLock(target, 'a', async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(lockFileFor(target))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const target = path.join(dir, 'b.mercator.json');
    writeFileSync(lockFileFor(target), JSON.stringify({ pid: 2 ** 22 + 99, host: hostname(), at: Date.now() }));
    expect(await withFileLock(target, 'b', async () => 'ran', 200)).toBe('ran');
    expect(existsSync(lockFileFor(target))).toBe(false);
  });

  it('waits for a lock held by another live process, and says E_BUSY when it is held too long', async () => {
    const target = path.join(dir, 'c.mercator.json');
    const lock = lockFileFor(target);
    // Another process takes the lock (the same file format), holds it 400 ms, then releases it.
    const child = spawn(
      process.execPath,
      ['-e', `const fs=require('fs');fs.writeFileSync(${JSON.stringify(lock)},JSON.stringify({pid:process.pid,host:require('os').hostname(),at:Date.now()}),{flag:'wx'});console.log('held');setTimeout(()=>fs.rmSync(${JSON.stringify(lock)}),400)`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const busy = await withFileLock(target, 'c', async () => 'ran', 100).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'E_BUSY' });
    const started = Date.now();
    expect(await withFileLock(target, 'c', async () => 'ran', 5_000)).toBe('ran');
    expect(Date.now() - started).toBeGreaterThan(150);
    await exited;
  });
});
