// One writer per model file at a time, from the conflict check through the rename: an in-process
// queue per path, and across processes a lock file (created exclusively, holding the owner's pid and
// start time) in the user's lock folder, named by a hash of the model's real path. The lock does not
// live next to the model, so a folder swapped for a link cannot make it land somewhere else. A lock whose owner is gone, or that
// is older than STALE_LOCK_MS, is taken over; a live one is waited for up to LOCK_WAIT_MS.
import { promises as fs } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { ApiFailure } from '../../api/result';

export const LOCK_SUFFIX = '.mercator-lock';
export const STALE_LOCK_MS = 60_000;
export const LOCK_WAIT_MS = 10_000;

const queues = new Map<string, Promise<unknown>>();

/** The folder holding this user's lock files (private to the user). */
export function lockFolder(): string {
  const who = typeof process.getuid === 'function' ? String(process.getuid()) : createHash('sha256').update(userInfo().username).digest('hex').slice(0, 12);
  return path.join(tmpdir(), `mercator-locks-${who}`);
}

export function lockFileFor(target: string): string {
  const key = createHash('sha256').update(path.resolve(target)).digest('hex').slice(0, 40);
  return path.join(lockFolder(), `${key}${LOCK_SUFFIX}`);
}

async function ensureLockFolder(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const stat = await fs.lstat(dir);
  if (!stat.isDirectory() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) {
    throw new Error(`the lock folder ${dir} is not a folder of this user`);
  }
}

/** True when a process with this pid exists on this machine (a signal-0 probe). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  at: number;
}

async function readOwner(lock: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(lock, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.at === 'number') return { pid: parsed.pid, host: String(parsed.host ?? ''), at: parsed.at };
  } catch {
    // unreadable or half-written: judged by its age below
  }
  return null;
}

async function isStale(lock: string, now: number): Promise<boolean> {
  const owner = await readOwner(lock);
  if (owner) {
    if (owner.host === hostname() && !processAlive(owner.pid)) return true;
    return now - owner.at > STALE_LOCK_MS;
  }
  try {
    const stat = await fs.stat(lock);
    // A lock file just being written has no content yet: give its owner a moment.
    return now - stat.mtimeMs > 2_000;
  } catch {
    return true; // gone already
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLockFile(lock: string, shown: string, waitMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), nonce: randomBytes(6).toString('hex') });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lock, 'wx', 0o600);
      try {
        await handle.writeFile(mine);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await fs.rm(lock, { force: true }).catch(() => undefined);
        throw error;
      }
      await handle.close();
      return async () => {
        // Remove it only while it is still ours (a stale-lock takeover may have replaced it).
        if ((await fs.readFile(lock, 'utf8').catch(() => '')) === mine) await fs.rm(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lock, Date.now())) {
      // Move the stale lock aside under a unique name: of several processes taking it over at once,
      // exactly one rename succeeds; the others find no lock (or a fresh one) and try again.
      const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
      if (await fs.rename(lock, aside).then(() => true, () => false)) {
        await fs.rm(aside, { force: true });
        continue;
      }
    }
    if (Date.now() >= deadline) {
      throw new ApiFailure('E_BUSY', `"${shown}" is being saved by another Mercator process; try again in a moment.`);
    }
    await sleep(Math.min(100, 5 + attempt * 5));
  }
}

/**
 * Runs `work` holding the write lock of `target` (absolute path): calls for the same file, in this
 * process or another, never overlap.
 */
export async function withFileLock<T>(target: string, shown: string, work: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const previous = queues.get(target) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  queues.set(target, tail);
  await previous;
  try {
    await ensureLockFolder(lockFolder());
    const unlock = await acquireLockFile(lockFileFor(target), shown, waitMs);
    try {
      return await work();
    } finally {
      await unlock().catch(() => undefined);
    }
  } finally {
    release();
    if (queues.get(target) === tail) queues.delete(target);
  }
}
