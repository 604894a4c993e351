// Browser mode as a person attacking it would: `mercator web` runs as a real process and gets raw
// HTTP requests (token, Origin, Host / DNS rebinding, methods, content types, static-file traversal)
// and API calls that try to leave the workspace folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, ROOT, type RunningApp } from '../e2e/browser';
import { createEmptyModel } from '../../core/model/schema';
import { serializeModel } from '../../core/model/canonical';

let app: RunningApp;
let port: number;
let outside: string;
const secret = serializeModel(createEmptyModel('Outside the workspace'));

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(name: string, input: unknown, headers: Record<string, string> = {}) {
  return request({
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'Content-Type': 'application/json', 'X-Mercator-Token': app.token, ...headers },
    body: JSON.stringify(input),
  });
}

async function apiError(name: string, input: unknown): Promise<string> {
  const reply = await api(name, input);
  expect(reply.status).toBe(200);
  const result = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
  expect(result.ok, reply.body).toBe(false);
  return result.error!.code;
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('run "node scripts/build.mjs" first');
  outside = mkdtempSync(path.join(os.tmpdir(), 'mercator-outside-'));
  writeFileSync(path.join(outside, 'secret.mercator.json'), secret);
  app = await startApp();
  port = Number(new URL(app.origin).port);
  const ws = app.workspace;
  writeFileSync(path.join(ws, 'inside.mercator.json'), serializeModel(createEmptyModel('Inside')));
  mkdirSync(path.join(ws, 'sub'));
  symlinkSync(path.join(outside, 'secret.mercator.json'), path.join(ws, 'link-out.mercator.json'));
  symlinkSync(outside, path.join(ws, 'dir-out'));
  symlinkSync(path.join(ws, 'sub'), path.join(ws, 'dir-in'));
  symlinkSync(path.join(outside, 'missing.mercator.json'), path.join(ws, 'dangling-out.mercator.json'));
});

afterAll(async () => {
  await app?.stop();
  rmSync(outside, { recursive: true, force: true });
  if (app) rmSync(app.workspace, { recursive: true, force: true });
});

describe('browser mode: request checks', () => {
  it('answers a well-formed API call', async () => {
    const reply = await api('app:info', {}, { Origin: app.origin });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'browser', workspace: expect.any(String) } });
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a request without the token (401)', async () => {
    const reply = await request({ method: 'POST', path: '/api/app:info', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'E_BAD_TOKEN' } });
  });

  it('refuses a wrong token, one of the same length, and the token in the query string (401)', async () => {
    const same = app.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    for (const token of ['nope', same, app.token + 'x', '']) {
      expect((await api('app:info', {}, { 'X-Mercator-Token': token })).status).toBe(401);
    }
    const reply = await request({ method: 'POST', path: `/api/app:info?token=${app.token}`, headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(reply.status).toBe(401);
  });

  it('refuses foreign origins (403), even with the token', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`, `http://127.0.0.1:${port}.evil.example`, `https://127.0.0.1:${port}`]) {
      const reply = await api('app:info', {}, { Origin: origin });
      expect(reply.status, origin).toBe(403);
      expect(JSON.parse(reply.body).error.code).toBe('E_BAD_ORIGIN');
    }
  });

  it('refuses foreign Host headers, the DNS-rebinding case (421), on the API and on pages', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1:${port}.evil.example`]) {
      expect((await api('app:info', {}, { Host: host })).status, host).toBe(421);
      expect((await request({ path: '/', headers: { Host: host } })).status, host).toBe(421);
    }
    expect((await request({ path: '/', headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses GET and other methods on the API (405)', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const reply = await request({ method, path: '/api/app:info', headers: { 'X-Mercator-Token': app.token, 'Content-Type': 'application/json' } });
      expect(reply.status, method).toBe(405);
    }
    expect((await request({ method: 'POST', path: '/' })).status).toBe(405);
  });

  it('refuses bodies that are not application/json (415)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json']) {
      expect((await api('app:info', {}, { 'Content-Type': type })).status, type).toBe(415);
    }
    expect((await api('app:info', {}, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answers malformed bodies and call names with errors, not crashes', async () => {
    const bad = await request({ method: 'POST', path: '/api/app:info', headers: { 'Content-Type': 'application/json', 'X-Mercator-Token': app.token }, body: '{"a":' });
    expect(bad.status).toBe(400);
    for (const name of ['%E0%A4%A', 'nope', '..%2F..%2Fetc', '__proto__']) {
      const reply = await api(name, {});
      expect(reply.status, name).toBe(200);
      expect(JSON.parse(reply.body), name).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CALL' } });
    }
    expect((await api('app:info', {})).status).toBe(200); // still alive
  });

  it('serves only the built renderer: traversal and encoded paths are 404', async () => {
    expect((await request({ path: '/' })).body).toContain('<div id="root">');
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/%2e%2e%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/..\\package.json', '/%5c..%5cpackage.json', '/package.json', '//etc/passwd', '/index.html%00.js', '/examples/rag-support-chatbot.mercator.json']) {
      const reply = await request({ path: p });
      expect(reply.status, p).toBe(404);
      expect(reply.body, p).not.toContain('"name": "mercator"');
    }
  });

  it('listens on 127.0.0.1 only', () => {
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(':' + hexPort) && f[3] === '0A');
    expect(listening.map((f) => f[1])).toEqual([`0100007F:${hexPort}`]);
    const v6 = existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '';
    expect(v6.split('\n').some((l) => l.includes(':' + hexPort + ' ') && l.includes(' 0A '))).toBe(false);
  });
});

describe('browser mode: workspace confinement through the API', () => {
  it('opens and saves inside the workspace, also through a link that stays inside', async () => {
    expect(JSON.parse((await api('model:open', { path: 'inside.mercator.json' })).body).ok).toBe(true);
    const saved = JSON.parse((await api('model:save', { path: 'dir-in/new.mercator.json', model: createEmptyModel('x'), baseHash: null })).body);
    expect(saved).toMatchObject({ ok: true, value: { path: 'sub/new.mercator.json' } });
  });

  it.each([
    ['../x.mercator.json', 'E_OUTSIDE_WORKSPACE'],
    ['sub/../../x.mercator.json', 'E_OUTSIDE_WORKSPACE'],
    ['/etc/passwd', 'E_OUTSIDE_WORKSPACE'],
    ['C:/Windows/x.mercator.json', 'E_OUTSIDE_WORKSPACE'],
    ['link-out.mercator.json', 'E_OUTSIDE_WORKSPACE'],
    ['dir-out/secret.mercator.json', 'E_OUTSIDE_WORKSPACE'],
    ['a\u0001b.mercator.json', 'E_BAD_PATH'],
    ['a\u007fb.mercator.json', 'E_BAD_PATH'],
    ['CON', 'E_BAD_PATH'],
    ['con.mercator.json', 'E_BAD_PATH'],
    ['sub/LPT1.mercator.json', 'E_BAD_PATH'],
    ['x.mercator.json.', 'E_BAD_PATH'],
    ['x.mercator.json ', 'E_BAD_PATH'],
    ['x'.repeat(300) + '.mercator.json', 'E_BAD_PATH'],
    [('a/'.repeat(600)) + 'x.mercator.json', 'E_BAD_PATH'],
    ['sub//x.mercator.json', 'E_BAD_PATH'],
    ['./inside.mercator.json', 'E_BAD_PATH'],
    ['..\\x.mercator.json', 'E_BAD_PATH'],
    ['sub\\..\\..\\x.mercator.json', 'E_BAD_PATH'],
    ['a:b.mercator.json', 'E_OUTSIDE_WORKSPACE'], // a Windows drive-relative path
    ['ab:c.mercator.json', 'E_BAD_PATH'],
    ['sub/x<y>.mercator.json', 'E_BAD_PATH'],
  ])('refuses %j for reading and writing (%s)', async (requested, code) => {
    expect(await apiError('model:open', { path: requested })).toBe(code);
    expect(await apiError('model:save', { path: requested, model: createEmptyModel('attack'), baseHash: null, force: true })).toBe(code);
  });

  it('refuses NUL in a path already at the contract (E_INVALID_INPUT)', async () => {
    expect(await apiError('model:open', { path: 'inside.mercator.json\u0000.txt' })).toBe('E_INVALID_INPUT');
  });

  it('does not write through a dangling link to the outside, and never touches the outside files', async () => {
    const result = JSON.parse((await api('model:save', { path: 'dangling-out.mercator.json', model: createEmptyModel('x'), baseHash: null })).body);
    // Either refused, or the link itself replaced by a file inside the workspace: never a file outside.
    if (result.ok) expect(result.value.path).toBe('dangling-out.mercator.json');
    expect(existsSync(path.join(outside, 'missing.mercator.json'))).toBe(false);
    expect(readFileSync(path.join(outside, 'secret.mercator.json'), 'utf8')).toBe(secret);
  });

  it('lists no file outside the workspace', async () => {
    const listed = JSON.parse((await api('model:list', {})).body) as { value: { files: Array<{ path: string }> } };
    const paths = listed.value.files.map((f) => f.path);
    expect(paths).toContain('inside.mercator.json');
    expect(paths.some((p) => p.includes('secret'))).toBe(false);
  });
});
