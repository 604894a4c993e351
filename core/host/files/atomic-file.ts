// Saving that never loses work: write a temp file in the same folder, fsync it, rename it over the
// target, fsync the folder. A crash at any moment leaves either the old or the new file, whole.
// The folder is pinned by device + inode when the save starts and checked again right before the
// rename, so a folder swapped for a link mid-save cannot redirect the write.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants, lstatSync, readFileSync, renameSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../api/result';
import { processAlive } from './file-lock';
import { hardLinkedFile, isInside, openedPath, pinFolder, sameFile } from './safe-open';

export const TEMP_SUFFIX = '.mercator-tmp';
/** A temp file whose writer is still running is left alone unless it is older than this. */
export const STALE_TEMP_MS = 10 * 60_000;

const O_NOFOLLOW = fsConstants.O_NOFOLLOW ?? 0;

export function hashBytes(bytes: Uint8Array | string): string {
  return 'sha256:' + createHash('sha256').update(bytes).digest('hex');
}

export async function hashFile(file: string): Promise<string | null> {
  try {
    return hashBytes(await fs.readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function hashFileSync(file: string): string | null {
  try {
    return hashBytes(readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** `.<name>.<pid>-<random>.mercator-tmp`: the pid tells a later start whether the writer is gone. */
function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

async function fsyncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, fsConstants.O_RDONLY);
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot fsync a directory; the rename is still atomic there.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

export interface AtomicWriteOptions {
  /** The folder the target must stay inside (browser mode's workspace); null or absent: no boundary. */
  root?: string | null;
  /** The name shown in errors (defaults to the path). */
  shown?: string;
  /** Runs synchronously right before the rename (nothing else in this process runs in between); throw to abort. */
  beforeRename?: () => void;
}

function moved(shown: string): ApiFailure {
  return new ApiFailure('E_OUTSIDE_WORKSPACE', `The folder of "${shown}" changed (or became a link) while saving; nothing was written. Check the folder and save again.`);
}

function checkFolder(dir: string, pinned: Stats, root: string | null | undefined, shown: string): void {
  let now: Stats;
  try {
    now = lstatSync(dir);
  } catch {
    throw moved(shown);
  }
  if (!now.isDirectory() || !sameFile(now, pinned)) throw moved(shown);
  if (root && !isInside(root, dir)) throw moved(shown);
}

/** Writes `data` to `target` atomically. On failure the target is untouched and the temp file removed. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const shown = options.shown ?? target;
  const dir = path.dirname(target);
  const pinned = await pinFolder(dir, options.root, shown); // ENOENT: the folder does not exist (described by the caller)
  const existing = await fs.lstat(target).catch(() => null);
  if (existing && existing.isSymbolicLink()) {
    throw new ApiFailure('E_OUTSIDE_WORKSPACE', `"${shown}" is a link; Mercator saves only to regular files.`);
  }
  if (existing && existing.isFile() && existing.nlink > 1) throw hardLinkedFile(shown);
  const temp = tempNameFor(target);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | O_NOFOLLOW, 0o644);
    // Where did the temp file really land? Checked before a single byte is written.
    const where = await openedPath(handle);
    if (where !== null && path.dirname(where) !== dir) {
      // It landed elsewhere (the folder was swapped for a link): remove that empty file by its real path.
      await fs.rm(where, { force: true }).catch(() => undefined);
      throw moved(shown);
    }
    checkFolder(dir, pinned, options.root, shown);
    const tempStat = await handle.stat();
    await handle.writeFile(data);
    await handle.sync();
    // From here to the rename nothing else in this process runs: the last checks and the rename are one step.
    options.beforeRename?.();
    checkFolder(dir, pinned, options.root, shown);
    let placed: Stats;
    try {
      placed = lstatSync(temp);
    } catch {
      throw moved(shown);
    }
    if (!sameFile(placed, tempStat)) throw moved(shown);
    renameSync(temp, target);
    await handle.close();
    handle = undefined;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

const TEMP_NAME = /^\.(.+)\.(?:(\d+)-)?[0-9a-f]{8,}\.mercator-tmp$/;

/**
 * Removes temp files left by a save that was interrupted (a crash or kill between write and rename):
 * only stale ones, whose writer process is gone or which are older than STALE_TEMP_MS. A save in
 * flight in this or another process keeps its temp file.
 */
export async function removeStaleTempFiles(dir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith(TEMP_SUFFIX)) continue;
    const full = path.join(dir, name);
    const stat = await fs.lstat(full).catch(() => null);
    if (!stat || !stat.isFile()) continue;
    const pid = TEMP_NAME.exec(name)?.[2];
    const ownerGone = pid !== undefined && !processAlive(Number(pid));
    if (!ownerGone && now - stat.mtimeMs < STALE_TEMP_MS) continue;
    await fs.rm(full, { force: true });
    removed.push(name);
  }
  return removed.sort();
}

/** A message a person can act on for a failed write. */
export function describeWriteError(error: unknown, target: string): { code: string; message: string } {
  const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
  const where = `"${target}"`;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'E_DISK_FULL', message: `The disk is full, so ${where} was not saved. Your file on disk is unchanged and your edits are still open: free some space, or save elsewhere.` };
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return { code: 'E_READ_ONLY', message: `${where} cannot be written (the folder is read-only or you lack permission). The file on disk is unchanged and your edits are still open: save elsewhere.` };
    case 'ENOENT':
      return { code: 'E_NOT_FOUND', message: `The folder for ${where} does not exist.` };
    default:
      return { code: 'E_WRITE_FAILED', message: `Saving ${where} failed (${code}). The file on disk is unchanged and your edits are still open.` };
  }
}
