// Browser mode as a real process: an oversized request gets the documented 400 (not a reset
// connection), and neither source maps nor test pages are served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startApp, type RunningApp } from '../e2e/browser';
import { ROOT, scratch } from './helpers';

let app: RunningApp;
let port: number;
beforeAll(async () => {
  app = await startApp(scratch('web'), { MERCATOR_TEST_PAGES: '' });
  port = Number(new URL(app.url).port);
});
afterAll(() => app.stop());

function send(method: string, pathname: string, headers: Record<string, string>, body?: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser mode limits', () => {
  it('answers an 81 MB request with 400 E_TOO_LARGE, not a connection reset', async () => {
    const body = Buffer.alloc(81 * 1024 * 1024, 0x20);
    const reply = await send('POST', '/api/model:validate', { 'Content-Type': 'application/json', 'X-Mercator-Token': app.token, Origin: app.origin, 'Content-Length': String(body.length) }, body);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'E_TOO_LARGE' } });
    // And the server is still there.
    const info = await send('POST', '/api/app:info', { 'Content-Type': 'application/json', 'X-Mercator-Token': app.token, Origin: app.origin }, Buffer.from('{}'));
    expect(info.status).toBe(200);
  });

  it('serves no source maps and no test pages', async () => {
    const built = path.join(ROOT, 'dist', 'renderer');
    const assets = readdirSync(path.join(built, 'assets'));
    const maps = assets.filter((n) => n.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0); // the build has them; the server must not hand them out
    for (const name of [...maps.map((n) => `/assets/${n}`), '/catalog-harness.html', ...assets.filter((n) => n.startsWith('catalog-harness')).map((n) => `/assets/${n}`)]) {
      expect((await send('GET', name, {})).status, name).toBe(404);
    }
    expect((await send('GET', '/', {})).status).toBe(200);
  });
});
