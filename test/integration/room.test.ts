// The workshop room as a participant (or someone on the network) would meet it: `mercator web` runs as
// a real process; raw HTTP requests join with right and wrong codes, estimate blind, and try every
// call a participant must not make (save, export, import, files, catalog), each refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, ROOT, type RunningApp } from '../e2e/browser';
import { createEmptyModel } from '../../core/model/schema';

let app: RunningApp;
let port: number;

interface Reply {
  status: number;
  body: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
}

function post(pathname: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: pathname, headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as Reply['body'] }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

const api = (name: string, input: unknown) => post(`/api/${name}`, input, { 'X-Mercator-Token': app.token });
const asParticipant = (token: string, name: string, input: unknown) => post(`/room/api/${name}`, input, { 'X-Mercator-Room': token });

async function join(code: string, name: string): Promise<string> {
  const reply = await post('/room/join', { code, name });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.value!.token as string;
}

const focus = {
  key: 'prompt-injection@llm',
  title: 'Prompt injection',
  severity: 'high',
  subject: { type: 'component' as const, id: 'llm', label: 'LLM' },
  reasons: ['takes user text'],
  mitigations: [{ label: 'Input filtering', target: 'LLM', effect: 'lowers' as const, present: false }],
  likelihood: 4,
  impact: 4,
};

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'room.html'))) throw new Error('run "node scripts/build.mjs" first');
  app = await startApp();
  port = Number(new URL(app.origin).port);
});
afterAll(async () => app?.stop());

describe('workshop room', () => {
  let code = '';
  const tokens: string[] = [];

  it('is off until the facilitator starts it', async () => {
    expect((await api('room:status', {})).body.value).toMatchObject({ open: false, code: null });
    const reply = await post('/room/join', { code: 'ABCDEF', name: 'Eve' });
    expect(reply.status).toBe(410);
    expect(reply.body.error!.code).toBe('E_ROOM_CLOSED');
  });

  it('listens only on an interface of this machine', async () => {
    const reply = await api('room:start', { host: '203.0.113.7' });
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    expect(reply.body.error!.message).toContain('203.0.113.7');
  });

  it('starts on 127.0.0.1 with a join address and a short code', async () => {
    const reply = await api('room:start', { host: '127.0.0.1', title: 'Design review' });
    expect(reply.body.ok).toBe(true);
    code = reply.body.value!.code as string;
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(reply.body.value!.joinUrl).toBe(`http://127.0.0.1:${port}/room.html`);
    const page = await fetch(`http://127.0.0.1:${port}/room.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('workshop room');
  });

  it('lets participants in with the code (any case, with a dash) and keeps names apart', async () => {
    tokens.push(await join(code, 'Ana'));
    tokens.push(await join(code.toLowerCase(), 'Ben'));
    tokens.push(await join(`${code.slice(0, 3)}-${code.slice(3)}`, 'Ana'));
    const status = (await api('room:status', {})).body.value!;
    expect((status.participants as Array<{ name: string }>).map((p) => p.name)).toEqual(['Ana', 'Ben', 'Ana (2)']);
    expect(new Set(tokens).size).toBe(3);
    expect(tokens).not.toContain(app.token);
  });

  it('keeps estimates blind until the facilitator reveals them', async () => {
    const early = await asParticipant(tokens[0]!, 'estimate', { likelihood: 3, impact: 4 });
    expect(early.status).toBe(409);
    await api('room:share', { model: createEmptyModel('Design review') });
    await api('room:focus', { focus });
    expect((await asParticipant(tokens[0]!, 'estimate', { likelihood: 3, impact: 4 })).status).toBe(200);
    expect((await asParticipant(tokens[1]!, 'estimate', { likelihood: 3, impact: 5 })).status).toBe(200);
    expect((await asParticipant(tokens[2]!, 'estimate', { likelihood: 1, impact: 1 })).status).toBe(200);
    expect((await asParticipant(tokens[2]!, 'estimate', { likelihood: 9, impact: 1 })).status).toBe(400);
    const before = (await api('room:status', {})).body.value!;
    expect(before.estimated).toEqual(['Ana', 'Ben', 'Ana (2)']);
    expect(before.estimates).toEqual([]);
    const seen = await asParticipant(tokens[1]!, 'view', {});
    expect(seen.body.value!.estimates).toEqual([]);
    expect(JSON.stringify(seen.body.value)).not.toContain('"likelihood":1,');
    const revealed = (await api('room:reveal', {})).body.value!.estimates;
    expect(revealed).toEqual([
      { by: 'Ana', likelihood: 3, impact: 4 },
      { by: 'Ben', likelihood: 3, impact: 5 },
      { by: 'Ana (2)', likelihood: 1, impact: 1 },
    ]);
    expect((await asParticipant(tokens[1]!, 'view', {})).body.value!.estimates).toEqual(revealed);
    expect((await asParticipant(tokens[0]!, 'estimate', { likelihood: 5, impact: 5 })).status).toBe(409);
  });

  it('takes comments on the finding under discussion', async () => {
    expect((await asParticipant(tokens[1]!, 'comment', { text: 'The filter is in the backlog.' })).status).toBe(200);
    const view = (await asParticipant(tokens[0]!, 'view', {})).body.value!;
    expect(view.comments).toMatchObject([{ author: 'Ben', text: 'The filter is in the backlog.', findingKey: focus.key }]);
  });

  it('wakes a waiting participant when the room changes', async () => {
    const since = (await asParticipant(tokens[0]!, 'view', {})).body.value!.version as number;
    const waiting = asParticipant(tokens[0]!, 'view', { since });
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 200));
    await api('room:focus', { focus: { ...focus, key: 'other@llm', title: 'Other' } });
    const reply = await waiting;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(reply.body.value!.focus).toMatchObject({ key: 'other@llm' });
  });

  // Each call a participant must not make, tried with the participant's capability every way it could
  // be sent: as the room's own call, and on the facilitator's API in either header.
  const forbidden: Array<[string, unknown]> = [
    ['model:save', { path: 'x.mercator.json', model: createEmptyModel('x'), baseHash: null }],
    ['report:export', { model: createEmptyModel('x'), format: 'pdf' }],
    ['import:convert', { text: '{}', fileName: 'bom.json' }],
    ['model:open', { path: 'x.mercator.json' }],
    ['model:list', {}],
    ['journal:write', { key: 'untitled:1', path: null, baseHash: null, model: createEmptyModel('x') }],
    ['journal:read', { key: 'untitled:1' }],
    ['catalog:import', { text: 'id: ATLAS\nversion: 9.9.9\nmatrices: []\n' }],
    ['catalog:importPreview', { text: 'id: ATLAS\nversion: 9.9.9\nmatrices: []\n' }],
    ['room:reveal', {}],
    ['room:end', {}],
  ];
  for (const [name, input] of forbidden) {
    it(`refuses a participant's ${name}`, async () => {
      const token = tokens[0]!;
      const asRoomCall = await asParticipant(token, name, input);
      expect(asRoomCall.status).toBe(403);
      expect(asRoomCall.body.error!.code).toBe('E_FORBIDDEN');
      const onApi = await post(`/api/${name}`, input, { 'X-Mercator-Token': token });
      expect(onApi.status).toBe(401);
      const onApiRoomHeader = await post(`/api/${name}`, input, { 'X-Mercator-Room': token });
      expect(onApiRoomHeader.status).toBe(401);
    });
  }
  it('refuses the room calls without a token, from another site or to another host name', async () => {
    expect((await post('/room/api/view', {})).status).toBe(401);
    expect((await post('/room/api/view', {}, { 'X-Mercator-Room': app.token })).status).toBe(401);
    expect((await post('/room/api/view', {}, { 'X-Mercator-Room': tokens[0]!, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/room/api/view', {}, { 'X-Mercator-Room': tokens[0]!, Host: `evil.example:${port}` })).status).toBe(421);
    expect((await post('/room/api/view', {}, { 'X-Mercator-Room': tokens[0]!, 'Content-Type': 'text/plain' })).status).toBe(415);
  });

  it('closes when the facilitator ends it: capabilities stop working', async () => {
    const since = (await asParticipant(tokens[0]!, 'view', {})).body.value!.version as number;
    const waiting = asParticipant(tokens[0]!, 'view', { since });
    expect((await api('room:end', {})).body.value).toEqual({ closed: true });
    expect((await waiting).body.value ?? (await waiting).body.error).toBeDefined();
    const after = await asParticipant(tokens[0]!, 'view', {});
    expect(after.status).toBe(410);
    expect((await api('room:status', {})).body.value).toMatchObject({ open: false, code: null, joinUrl: null });
  });

  it('rate-limits wrong join codes (five a minute from one address)', async () => {
    const fresh = (await api('room:start', { host: '127.0.0.1' })).body.value!.code as string;
    expect(fresh).not.toBe(code);
    for (let i = 0; i < 5; i++) {
      const wrong = await post('/room/join', { code: 'WRONG1', name: 'Mallory' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error!.code).toBe('E_BAD_CODE');
    }
    const limited = await post('/room/join', { code: fresh, name: 'Mallory' });
    expect(limited.status).toBe(429);
    expect(limited.body.error!.code).toBe('E_RATE_LIMITED');
    await api('room:end', {});
  });
});

describe('minutes', () => {
  const minutes = {
    title: 'Support bot review',
    date: '2026-12-02T15:00:00.000Z',
    facilitator: 'Dana',
    attendees: ['Dana', 'Ana', 'Ben'],
    agenda: [{ title: 'What can go wrong?', minutes: 25, spentSeconds: 1320 }],
    findings: [
      {
        key: 'k1',
        title: 'Prompt injection | via tickets',
        severity: 'high',
        subject: 'LLM',
        estimates: [
          { by: 'Ana', likelihood: 3, impact: 4 },
          { by: 'Ben', likelihood: 3, impact: 4 },
          { by: 'Cy', likelihood: 5, impact: 1 },
        ],
        decision: { status: 'mitigated', rationale: 'Add an input filter', by: 'Dana', at: '2026-12-02T15:20:00.000Z', owner: 'Ben', due: '2027-01-15' },
      },
    ],
    comments: [{ author: 'Ben', at: '2026-12-02T15:10:00.000Z', text: 'Filter is in the backlog', finding: 'k1' }],
  };
  it('writes Markdown with attendees, agenda, estimates and spread, decisions, action items and comments', async () => {
    const reply = await api('minutes:export', { minutes, format: 'md' });
    const md = reply.body.value!.data as string;
    expect(reply.body.value!.fileName).toBe('minutes-support-bot-review-2026-12-02.md');
    for (const heading of ['Attendees', 'Agenda', 'Findings discussed', 'Decisions', 'Action items', 'Comments']) expect(md).toContain(`## ${heading}`);
    expect(md).toContain('| Prompt injection \\| via tickets | high | LLM | Ana 3x4, Ben 3x4, Cy 5x1 | likelihood 3–5 (median 3) · impact 1–4 (median 4) | Cy |');
    expect(md).toContain('| Prompt injection \\| via tickets | Add an input filter | Ben | 2027-01-15 |');
    expect(md).toContain('| What can go wrong? | 25 min | 22 min |');
  });
  it('writes a PDF that reads back with the same content', async () => {
    const reply = await api('minutes:export', { minutes, format: 'pdf' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-minutes-'));
    const file = path.join(dir, 'minutes.pdf');
    writeFileSync(file, Buffer.from(reply.body.value!.data as string, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const s of ['Minutes: Support bot review', 'Attendees', 'Action items', 'Add an input filter', '2027-01-15', 'Filter is in the backlog', 'Cy 5x1']) expect(text).toContain(s);
  });
});

describe('mercator web --room', () => {
  it('opens a room at launch and prints the join address and code', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'mercator-ws-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'mercator.mjs'), 'web', '--workspace', workspace, '--room'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(out)), 30_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /Workshop room: participants open (http:\/\/127\.0\.0\.1:\d+\/room\.html) and enter the code ([A-Z2-9]{6})/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        });
      });
      const url = /(http:\S+)/.exec(line)![1]!;
      expect((await fetch(url)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
  const usage = (args: string[]) => {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'mercator.mjs'), 'web', ...args], { cwd: ROOT, stdio: 'pipe' });
      return { status: 0, stderr: '' };
    } catch (error) {
      return { status: (error as { status: number }).status, stderr: String((error as { stderr: Buffer }).stderr) };
    }
  };
  it('refuses --room-host without --room', () => {
    expect(usage(['--room-host', '127.0.0.1']).status).toBe(2);
  });
  it('refuses a room address that is not this machine’s, before serving anything', () => {
    const { status, stderr } = usage(['--room', '--room-host', '203.0.113.7', '--workspace', mkdtempSync(path.join(os.tmpdir(), 'mercator-ws-'))]);
    expect(status).toBe(2);
    expect(stderr).toContain('203.0.113.7 is not an IPv4 address of this machine; the room can listen on 127.0.0.1');
  });
});
