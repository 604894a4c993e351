// Opening files so that what was checked is what is used: no following a link at the last step
// (O_NOFOLLOW), the opened file compared by device + inode with what the path check saw, the real
// location of the open file read back from the kernel where it can be (/proc/self/fd on Linux),
// and hard-linked files refused (a second name may live outside the workspace).
import { promises as fs, constants as fsConstants, readlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../api/result';

const O_NOFOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = fsConstants.O_NONBLOCK ?? 0;
const O_DIRECTORY = fsConstants.O_DIRECTORY ?? 0;

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function sameFile(a: Pick<Stats, 'dev' | 'ino'>, b: Pick<Stats, 'dev' | 'ino'>): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The path the kernel has for an open file (Linux), or null where the platform cannot say. */
export async function openedPath(handle: fs.FileHandle): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  try {
    const where = readlinkSync(`/proc/self/fd/${handle.fd}`);
    return where.endsWith(' (deleted)') ? null : where;
  } catch {
    return null;
  }
}

function changed(shown: string): ApiFailure {
  return new ApiFailure('E_OUTSIDE_WORKSPACE', `"${shown}" changed (or became a link) while it was being opened; it was not read. Check the file and open it again.`);
}

export function hardLinkedFile(shown: string): ApiFailure {
  return new ApiFailure(
    'E_HARD_LINK',
    `"${shown}" has more than one hard link, so Mercator will not use it (the same file may live outside the workspace). Copy it to a new file and open that.`,
  );
}

/** Pins a folder: its device + inode, after checking (where the platform can say) that it really is `dir`. */
export async function pinFolder(dir: string, root: string | null | undefined, shown: string): Promise<Stats> {
  const handle = await fs.open(dir, fsConstants.O_RDONLY | O_DIRECTORY);
  try {
    const stat = await handle.stat();
    if (!stat.isDirectory()) throw changed(shown);
    const where = await openedPath(handle);
    if (where !== null && where !== dir) throw changed(shown);
    if (where === null) {
      // No kernel answer: the folder's real path must still be itself, and still the same folder.
      const real = await fs.realpath(dir);
      const again = await fs.lstat(dir);
      if (real !== dir || !sameFile(again, stat)) throw changed(shown);
    }
    if (root && !isInside(root, dir)) throw changed(shown);
    return stat;
  } finally {
    await handle.close();
  }
}

/**
 * Reads a regular file at `file` (an absolute path the path policy already resolved), refusing a link,
 * a file swapped between the check and the open, a hard-linked file, and anything outside `root`.
 */
export async function readFileChecked(file: string, shown: string, root: string | null | undefined): Promise<Buffer> {
  const checked = await fs.lstat(file);
  if (checked.isSymbolicLink()) throw changed(shown);
  if (!checked.isFile()) throw new ApiFailure('E_NOT_FOUND', `"${shown}" is not a file.`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw changed(shown);
    throw error;
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || !sameFile(opened, checked)) throw changed(shown);
    if (opened.nlink > 1) throw hardLinkedFile(shown);
    const where = await openedPath(handle);
    if (where !== null) {
      if (where !== file || (root && !isInside(root, where))) throw changed(shown);
    } else {
      // No kernel answer: the path must still lead to the very file we opened.
      const again = await fs.lstat(file);
      const real = await fs.realpath(file);
      if (!sameFile(again, opened) || real !== file || (root && !isInside(root, real))) throw changed(shown);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
