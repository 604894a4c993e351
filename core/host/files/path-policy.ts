// Which files the UI may read and write. In browser mode every path is relative to one workspace
// folder and must stay inside it (no traversal, no symlink escape, no odd names).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiFailure } from '../../api/result';

export const MODEL_EXTENSION = '.mercator.json';

export interface PathPolicy {
  /** A description for app:info (the workspace folder, or null). */
  readonly root: string | null;
  /** Resolves a path the UI sent to an absolute path it may use, or throws ApiFailure. */
  resolve(requested: string, purpose: 'read' | 'write'): Promise<string>;
  /** Turns an absolute path back into what the UI sees. */
  present(absolute: string): string;
}

// Control characters, characters Windows forbids, and names Windows reserves.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const BAD_CHARS = /[\u0000-\u001f\u007f<>:"|?*\\]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function checkRelativePath(requested: string): string[] {
  if (requested.length === 0 || requested.length > 1024) {
    throw new ApiFailure('E_BAD_PATH', 'A file name must be 1 to 1024 characters long.');
  }
  if (path.isAbsolute(requested) || /^[a-zA-Z]:/.test(requested) || requested.startsWith('/')) {
    throw new ApiFailure('E_OUTSIDE_WORKSPACE', `"${requested}" is an absolute path; use a path inside the workspace folder.`);
  }
  const segments = requested.split('/');
  for (const segment of segments) {
    if (segment === '..') {
      throw new ApiFailure('E_OUTSIDE_WORKSPACE', `"${requested}" points outside the workspace folder.`);
    }
    if (segment === '' || segment === '.') {
      throw new ApiFailure('E_BAD_PATH', `"${requested}" has an empty or "." segment.`);
    }
    if (BAD_CHARS.test(segment) || RESERVED.test(segment) || /[. ]$/.test(segment) || segment.length > 255) {
      throw new ApiFailure('E_BAD_PATH', `"${segment}" is not a file name Mercator will use (control or reserved characters, or a reserved name).`);
    }
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export async function createWorkspacePolicy(workspace: string): Promise<PathPolicy> {
  const root = await fs.realpath(workspace);
  return {
    root,
    present: (absolute) => path.relative(root, absolute).split(path.sep).join('/'),
    async resolve(requested, purpose) {
      const segments = checkRelativePath(requested);
      const last = segments[segments.length - 1]!;
      if (purpose === 'write' && !last.endsWith(MODEL_EXTENSION)) {
        throw new ApiFailure('E_BAD_PATH', `Models are saved as "*${MODEL_EXTENSION}" files; "${last}" is not one.`);
      }
      const joined = path.join(root, ...segments);
      // Resolve symlinks of everything that exists: the folder must, the file may not yet.
      let realParent: string;
      try {
        realParent = await fs.realpath(path.dirname(joined));
      } catch {
        throw new ApiFailure('E_NOT_FOUND', `The folder of "${requested}" does not exist in the workspace.`);
      }
      if (!isInside(root, realParent)) {
        throw new ApiFailure('E_OUTSIDE_WORKSPACE', `"${requested}" leads outside the workspace folder (through a link).`);
      }
      const candidate = path.join(realParent, last);
      try {
        const real = await fs.realpath(candidate);
        if (!isInside(root, real)) {
          throw new ApiFailure('E_OUTSIDE_WORKSPACE', `"${requested}" is a link to a file outside the workspace folder.`);
        }
        return real;
      } catch (error) {
        if (error instanceof ApiFailure) throw error;
        if (purpose === 'read') throw new ApiFailure('E_NOT_FOUND', `"${requested}" does not exist in the workspace.`);
        return candidate;
      }
    },
  };
}

/**
 * Electron: the user picks files in the system's dialogs; main grants exactly those absolute paths
 * (and paths under folders the user chose to open).
 */
export function createGrantedPathsPolicy(): PathPolicy & { grant(absolute: string): void } {
  const granted = new Set<string>();
  return {
    root: null,
    grant: (absolute) => void granted.add(path.resolve(absolute)),
    present: (absolute) => absolute,
    async resolve(requested) {
      if (!path.isAbsolute(requested)) throw new ApiFailure('E_BAD_PATH', `"${requested}" is not an absolute path.`);
      const normalized = path.resolve(requested);
      if (!granted.has(normalized)) {
        throw new ApiFailure('E_NOT_PERMITTED', `Mercator may only use files you chose in a file dialog; "${requested}" was not chosen.`);
      }
      return normalized;
    },
  };
}
