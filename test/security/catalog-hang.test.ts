// Hostile catalog files: a table replaced by an endlessly recursive view, a trigger, an extra table,
// a huge blob. Each is found before any query touches it and the catalog is rebuilt (and the log
// says so), while browser mode keeps answering other requests within a second. A catalog planted in
// the workspace is never used, and a catalog call that runs too long is stopped.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import http from 'node:http';
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openCatalog, inspectCatalogFile } from '../../core/host/catalog/db';
import { readCatalogSources } from '../../core/host/catalog/sources';
import { startCatalogWorker } from '../../core/host/catalog/worker-client';
import { startApp } from '../e2e/browser';
import { ROOT, report, scratch } from './helpers';

const work = scratch('catalog');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dataDir = path.join(ROOT, 'data');

const HOSTILE: Record<string, string> = {
  'recursive view in place of a table': `DROP TABLE case_study_steps; DROP TABLE technique_tactics; DROP TABLE mitigation_techniques; DROP TABLE crosswalk;
    DROP TABLE techniques; CREATE VIEW techniques AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
    SELECT 'x' || n AS id, n AS ord, 'x' AS name, 'x' AS summary, 'x' AS url, NULL AS maturity, NULL AS parent_id FROM r;`,
  trigger: `CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END;`,
  'extra table': `CREATE TABLE extra (x TEXT);`,
  'huge blob': `CREATE TABLE blob (b BLOB); INSERT INTO blob VALUES (zeroblob(40 * 1024 * 1024));`,
};

function plant(dbPath: string, sql: string) {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  openCatalog({ dataDir, dbPath }).db.close();
  const db = new Database(dbPath);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
}

function get(port: number, pathname: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ms: Date.now() - started }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile catalog files', () => {
  const sources = readCatalogSources(dataDir);

  it.each(Object.entries(HOSTILE))('%s: found by the start-up check and rebuilt', (_name, sql) => {
    const dbPath = path.join(work, `check-${_name.replace(/\W+/g, '-')}`, 'catalog.sqlite');
    plant(dbPath, sql);
    const reason = inspectCatalogFile(dbPath, sources);
    expect(reason).toMatch(/^unexpected schema/);
    const opened = openCatalog({ dataDir, dbPath });
    try {
      expect(opened.rebuilt).toBe(true);
      expect(opened.reason).toBe(reason);
      expect((opened.db.prepare('SELECT count(*) AS n FROM techniques').get() as { n: number }).n).toBeGreaterThan(100);
    } finally {
      opened.db.close();
    }
    expect(inspectCatalogFile(dbPath, sources)).toBeNull();
  });

  it('browser mode rebuilds each hostile catalog and answers other requests within a second throughout', async () => {
    let slowest = 0;
    let requests = 0;
    for (const [name, sql] of Object.entries(HOSTILE)) {
      const dataHome = path.join(work, `web-${name.replace(/\W+/g, '-')}`);
      plant(path.join(dataHome, 'catalog.sqlite'), sql);
      const ws = path.join(dataHome, 'ws');
      mkdirSync(ws);
      // The old place of browser mode's catalog: planted there too, and never to be used.
      plant(path.join(ws, '.mercator', 'catalog.sqlite'), HOSTILE['recursive view in place of a table']!);
      const planted = readFileSync(path.join(ws, '.mercator', 'catalog.sqlite'));
      const app = await startApp(ws, { MERCATOR_DATA_DIR: dataHome });
      const port = Number(new URL(app.url).port);
      const headers = { 'Content-Type': 'application/json', 'X-Mercator-Token': app.token, Origin: app.origin };
      try {
        let done = false;
        const catalogCalls = (async () => {
          const results = [];
          for (const call of ['catalog:stats', 'catalog:matrix', 'catalog:list']) {
            results.push(await get(port, `/api/${call}`, headers, 'POST', JSON.stringify(call === 'catalog:list' ? { type: 'technique' } : {})));
          }
          done = true;
          return results;
        })();
        while (!done) {
          for (const probe of [get(port, '/'), get(port, '/api/app:info', headers, 'POST', '{}')]) {
            const reply = await probe;
            expect(reply.status).toBe(200);
            slowest = Math.max(slowest, reply.ms);
            requests++;
          }
        }
        for (const reply of await catalogCalls) expect(JSON.parse(reply.body), reply.body.slice(0, 300)).toMatchObject({ ok: true });
        expect(app.output()).toMatch(/Catalog rebuilt \(unexpected schema/);
        expect(readFileSync(path.join(ws, '.mercator', 'catalog.sqlite')).equals(planted)).toBe(true);
      } finally {
        await app.stop();
      }
    }
    report('hostile catalog files in browser mode', Object.keys(HOSTILE).length, slowest < 1000 ? 0 : 1, `${requests} other requests, slowest ${slowest} ms`);
    expect(slowest).toBeLessThan(1000);
  }, 300_000);

  it('a catalog call that runs too long is stopped, and the event loop stays free meanwhile', async () => {
    const script = path.join(work, 'hanging-worker.mjs');
    // A catalog thread that opens, then never answers (what an endless query looks like from outside).
    writeFileSync(script, `import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ type: 'opened', atlasVersion: 'x', rebuilt: false });
      parentPort.on('message', () => { for (;;) {} });`);
    const worker = startCatalogWorker({ script, dataDir, dbPath: path.join(work, 'unused.sqlite'), timeoutMs: 400 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const result = await worker.call('catalog:stats', {});
    clearInterval(ticker);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_TIMEOUT' } });
    expect(Date.now() - started).toBeLessThan(10_000); // thread start-up (slow on a busy machine) + the 400 ms limit
    expect(ticks).toBeGreaterThan(5); // timers ran while the query hung
    // The next call starts a fresh thread (which hangs again here, and is stopped again).
    expect(await worker.call('catalog:stats', {})).toMatchObject({ ok: false, error: { code: 'E_TIMEOUT' } });
    await worker.close();
    expect(existsSync(path.join(work, 'unused.sqlite'))).toBe(false);
  }, 60_000);
});
