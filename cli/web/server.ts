// Browser mode: a small HTTP server on 127.0.0.1 that serves the built renderer and the API
// handlers. Every API request needs the per-launch token and the app's own Host/Origin.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch, type Handlers } from '../../core/host/dispatch';
import { checkApiRequest, checkHost } from '../../core/security/http-guard';
import { RENDERER_MIME_TYPES } from '../../core/security/mime';
import { createRoomHost, type RoomHost } from '../../core/host/room/host';
import { roomPageHeaders } from '../../core/host/room/static';

export const MAX_BODY_BYTES = 80 * 1024 * 1024;

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** The workshop room (none open until the facilitator starts one). */
  room: RoomHost;
  close(): Promise<void>;
}

export interface WebServerOptions {
  handlers: Handlers;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
  /** Serve the test pages too (the catalog harness, for the end-to-end tests); off by default. */
  serveTestPages?: boolean;
}

/** Files of the build never served: source maps, and (unless asked for) the test pages and their assets. */
export function isServable(relative: string, serveTestPages = false): boolean {
  if (relative.endsWith('.map')) return false;
  const name = relative.split('/').pop() ?? '';
  if (!serveTestPages && /^catalog-harness([-.]|$)/.test(name)) return false;
  return true;
}

/** Lists the built renderer's files once, so requests can only ever reach those. */
async function indexStaticFiles(root: string, serveTestPages: boolean): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const relative = path.relative(root, full).split(path.sep).join('/');
        if (isServable(relative, serveTestPages)) files.set('/' + relative, full);
      }
    }
  }
  await walk(root);
  return files;
}

/** The same headers as the room's own listener sends: one policy for every page browser mode serves. */
const securityHeaders = roomPageHeaders;

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

class BodyTooLarge extends Error {}

/**
 * Reads the request body. One larger than MAX_BODY_BYTES is read to its end and dropped (not kept in
 * memory), so the client gets the documented 400 answer rather than a reset connection; past twice
 * the limit the connection is closed.
 */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > 2 * MAX_BODY_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 2 * MAX_BODY_BYTES) {
        req.destroy();
        reject(new BodyTooLarge());
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const files = await indexStaticFiles(options.rendererDir, options.serveTestPages ?? false);
  let port = options.port ?? 0;

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> {
    const file = files.get(pathname === '/' ? '/index.html' : pathname);
    if (!file) return false;
    const body = await fs.readFile(file);
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': RENDERER_MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  const room = createRoomHost({ mainPort: () => port, serveStatic, headers: securityHeaders, log: options.log });

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        const verdict = checkApiRequest(
          {
            method: req.method ?? 'GET',
            host: req.headers.host,
            origin: req.headers.origin,
            token: req.headers['x-mercator-token'] as string | undefined,
            contentType: req.headers['content-type'],
          },
          port,
          token,
        );
        if (!verdict.allowed) {
          sendJson(res, verdict.status, { ok: false, error: { code: verdict.code, message: verdict.message } });
          return;
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body === '' ? {} : JSON.parse(body);
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            res.setHeader('Connection', 'close');
            sendJson(res, 400, { ok: false, error: { code: 'E_TOO_LARGE', message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } });
            return;
          }
          sendJson(res, 400, { ok: false, error: { code: 'E_BAD_REQUEST', message: 'The request body is not JSON.' } });
          return;
        }
        let name: string;
        try {
          name = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          name = url.pathname.slice('/api/'.length); // malformed %-escapes: not a call name, dispatch says so
        }
        const result = await dispatch(options.handlers, name, input, {
          onUnexpectedError: (call, error) => options.log?.(`error in ${call}: ${String(error)}`),
        });
        sendJson(res, 200, result);
        return;
      }
      if (url.pathname.startsWith('/room/')) {
        await room.handleMain(req, res, securityHeaders());
        return;
      }
      const host = checkHost(req.headers.host, port);
      if (!host.allowed) {
        res.writeHead(host.status, { 'Content-Type': 'text/plain' });
        res.end(host.message);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      if (!(await serveStatic(req, res, url.pathname))) {
        res.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain' });
        res.end('Not found');
      }
    } catch (error) {
      options.log?.(`request failed: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'E_INTERNAL', message: 'Internal error.' } });
      else res.end();
    }
  });
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    room,
    close: async () => {
      await room.end();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
