// A room with a listener of its own (the Electron app, or an address other than 127.0.0.1 in browser
// mode): it serves the participant page, its assets and /room/… — nothing of the editor or the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRoomHost, type RoomHost } from '../../core/host/room/host';
import { roomPageHeaders, serveDirectory } from '../../core/host/room/static';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let host: RoomHost;
let port = 0;

function request(method: string, pathname: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent: false, host: '127.0.0.1', port, method, path: pathname, headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const rendererDir = path.join(ROOT, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'room.html'))) throw new Error('run "node scripts/build.mjs" first');
  host = createRoomHost({ mainPort: null, serveStatic: serveDirectory(rendererDir), headers: roomPageHeaders });
  await host.start('127.0.0.1', 'Listener test');
  port = Number(new URL(host.joinUrl()!).port);
});
afterAll(async () => host?.end());

describe('a room listener of its own', () => {
  it('serves the participant page with the app’s security headers', async () => {
    const page = await request('GET', '/room.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    expect((await request('GET', script)).status).toBe(200);
  });

  it('serves nothing of the editor and no API', async () => {
    for (const p of ['/', '/index.html', '/catalog-harness.html', '/room.html/../index.html']) expect((await request('GET', p)).status, p).toBe(404);
    for (const name of ['model:save', 'model:list', 'report:export', 'catalog:import', 'room:reveal']) {
      expect((await request('POST', `/api/${name}`, '{}')).status, name).toBe(404);
    }
  });

  it('answers the room calls, to its own host name only', async () => {
    const code = host.current()!.code;
    const joined = await request('POST', '/room/join', JSON.stringify({ code, name: 'Ana' }));
    expect(joined.status).toBe(200);
    expect((await request('GET', '/room.html', undefined, { Host: `evil.example:${port}` })).status).toBe(404);
    expect((await request('POST', '/room/join', JSON.stringify({ code, name: 'Eve' }), { Host: `evil.example:${port}` })).status).toBe(421);
  });

  it('stops listening when the room ends', async () => {
    await host.end();
    await expect(request('GET', '/room.html')).rejects.toThrow(/ECONNREFUSED/);
  });
});
