// openCatalog on real files: a missing, truncated, random-bytes or outdated catalog is rebuilt and
// says so; a sound one is used as it is; broken built-in data fails loudly, naming the place.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../../core/host/catalog/db';
import { loadMigrations } from '../../core/host/catalog/sources';
import { applyMigrations } from '../../core/host/catalog/write';
import { catalogStats, getCatalogEntry } from '../../core/host/catalog/queries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;
let dataDir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-catalog-rebuild-'));
  dataDir = path.join(dir, 'data');
  cpSync(path.join(repoRoot, 'data', 'catalog'), path.join(dataDir, 'catalog'), { recursive: true });
  cpSync(path.join(repoRoot, 'data', 'migrations'), path.join(dataDir, 'migrations'), { recursive: true });
  dbPath = path.join(dir, 'user', 'catalog.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function open() {
  const opened = openCatalog({ dataDir, dbPath });
  const stats = catalogStats(opened.db);
  opened.db.close();
  return { rebuilt: opened.rebuilt, reason: opened.reason, stats };
}

const leftovers = () => (existsSync(path.dirname(dbPath)) ? readdirSync(path.dirname(dbPath)).filter((f) => f !== 'catalog.sqlite') : []);

describe('openCatalog', () => {
  it('builds a missing catalog and says so, then reuses it', () => {
    const first = open();
    expect(first).toMatchObject({ rebuilt: true, reason: 'missing' });
    expect(first.stats).toMatchObject({ tactics: 16, techniques: 170, subtechniques: 69, mitigations: 35, caseStudies: 57, owaspLlm: 10, owaspMl: 10, atlasVersion: '5.6.0' });
    const second = open();
    expect(second.rebuilt).toBe(false);
    expect(second.reason).toBeUndefined();
    expect(leftovers()).toEqual([]);
  });

  it('opens the catalog read-only with trusted_schema off and foreign keys on', () => {
    const opened = openCatalog({ dataDir, dbPath });
    try {
      expect(opened.db.readonly).toBe(true);
      expect(opened.db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(opened.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => opened.db.prepare("DELETE FROM tactics").run()).toThrow(/readonly/);
    } finally {
      opened.db.close();
    }
  });

  it('rebuilds a truncated catalog', () => {
    open();
    truncateSync(dbPath, Math.floor(statSync(dbPath).size / 3));
    const again = open();
    expect(again.rebuilt).toBe(true);
    expect(again.reason).toMatch(/^corrupt/);
    expect(again.stats.techniques).toBe(170);
    expect(leftovers()).toEqual([]);
  });

  it('rebuilds a file of random bytes', () => {
    open();
    writeFileSync(dbPath, randomBytes(statSync(dbPath).size));
    const again = open();
    expect(again).toMatchObject({ rebuilt: true });
    expect(again.reason).toMatch(/^corrupt/);
    expect(again.stats.tactics).toBe(16);
  });

  it('rebuilds a catalog whose pages were damaged', () => {
    open();
    const bytes = readFileSync(dbPath);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6); // scribble over a few pages, keep the header
    writeFileSync(dbPath, bytes);
    const again = open();
    expect(again.rebuilt).toBe(true);
    expect(again.reason).toMatch(/^corrupt/);
  });

  it('rebuilds an outdated catalog when the built-in sources changed', () => {
    open();
    const file = path.join(dataDir, 'catalog', 'atlas', 'tactics.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Before attacking, the adversary', 'First of all, the adversary'));
    const again = openCatalog({ dataDir, dbPath });
    try {
      expect(again.rebuilt).toBe(true);
      expect(again.reason).toMatch(/^outdated/);
      expect(getCatalogEntry(again.db, 'AML.TA0002')!.summary).toMatch(/^First of all, the adversary/);
    } finally {
      again.db.close();
    }
  });

  it('rebuilds a catalog with another schema version', () => {
    open();
    const db = new Database(dbPath);
    db.pragma('user_version = 7');
    db.close();
    const again = open();
    expect(again.rebuilt).toBe(true);
    expect(again.reason).toMatch(/schema version 7/);
  });

  it('fails loudly, naming file and place, when the built-in data is broken', () => {
    const file = path.join(dataDir, 'catalog', 'atlas', 'techniques.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('tactics: [AML.TA0002]', 'tactics: [AML.TA9999]'));
    expect(() => openCatalog({ dataDir, dbPath })).toThrow(/atlas\/techniques\.yaml\[0\]\.tactics: unknown tactic id "AML\.TA9999"/);
    expect(existsSync(dbPath)).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe('catalog migrations', () => {
  it('apply forward once and refuse a database from a newer schema', () => {
    const migrations = loadMigrations(path.join(repoRoot, 'data', 'migrations'));
    const file = path.join(dir, 'm.sqlite');
    const db = new Database(file);
    try {
      applyMigrations(db, migrations);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      applyMigrations(db, migrations); // a second run changes nothing (and does not fail on existing tables)
      db.pragma(`user_version = ${migrations.length + 1}`);
      expect(() => applyMigrations(db, migrations)).toThrow(/newer than this app knows/);
    } finally {
      db.close();
    }
  });

  it('must be numbered NNN-name.sql without gaps', () => {
    const mdir = path.join(dir, 'migrations-bad');
    cpSync(path.join(repoRoot, 'data', 'migrations'), mdir, { recursive: true });
    writeFileSync(path.join(mdir, '003-later.sql'), 'SELECT 1;');
    expect(() => loadMigrations(mdir)).toThrow(/expected migration number 002/);
    writeFileSync(path.join(mdir, 'oops.sql'), 'SELECT 1;');
    expect(() => loadMigrations(mdir)).toThrow(/NNN-name\.sql/);
  });
});
