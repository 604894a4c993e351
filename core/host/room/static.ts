// The participant page's files for a room listener of its own (the Electron app has no HTTP server
// otherwise): a fixed list of the built renderer's files, read once, and the same headers as
// browser mode's pages.
import type http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../../security/csp';
import { RENDERER_MIME_TYPES } from '../../security/mime';

export function roomPageHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connectSelf: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

async function listFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set('/' + path.relative(root, full).split(path.sep).join('/'), full);
    }
  }
  await walk(root);
  return files;
}

/** Serves files of `root` by their path in the list taken at the first request; false when not listed. */
export function serveDirectory(root: string) {
  let files: Promise<Map<string, string>> | null = null;
  return async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> => {
    files ??= listFiles(root);
    const file = (await files).get(pathname);
    if (!file) return false;
    const body = await fs.readFile(file);
    res.writeHead(200, { ...roomPageHeaders(), 'Content-Type': RENDERER_MIME_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
