// Saving that never loses work: write a temp file in the same folder, fsync it, rename it over the
// target, fsync the folder. A crash at any moment leaves either the old or the new file, whole.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';

export const TEMP_SUFFIX = '.mercator-tmp';

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

function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
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

/** Writes `data` to `target` atomically. On failure the target is untouched and the temp file removed. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempNameFor(target);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(path.dirname(target));
}

/** Removes temp files left by a save that was interrupted (a crash or kill between write and rename). */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const stale = names.filter((name) => name.startsWith('.') && name.endsWith(TEMP_SUFFIX));
  await Promise.all(stale.map((name) => fs.rm(path.join(dir, name), { force: true })));
  return stale;
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
