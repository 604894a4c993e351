// The catalog database: one SQLite file compiled from data/ (or from an imported official ATLAS
// release). The app opens it read-only; a missing, corrupt or outdated file is rebuilt from the
// sources — atomically, built in a temp file then renamed — and the caller is told so.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { formatProblem, parseBuiltinCatalog, type TextSource } from '../../catalog/index';
import { readCatalogSources, type CatalogSources } from './sources';
import { applyMigrations, writeCatalog } from './write';

export type CatalogDb = Database.Database;

export interface OpenCatalogOptions {
  /** The app's data/ folder (catalog/ and migrations/). */
  dataDir: string;
  /** Where the compiled catalog lives. */
  dbPath: string;
}

export interface OpenedCatalog {
  db: CatalogDb;
  rebuilt: boolean;
  /** Why it was rebuilt: "missing", "corrupt (…)", "outdated (…)". */
  reason?: string;
  atlasVersion: string;
  textSource: TextSource;
}

/** Connection settings every catalog connection gets. */
export function configureConnection(db: CatalogDb): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('foreign_keys = ON');
}

export function openCatalogReadOnly(dbPath: string): CatalogDb {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    configureConnection(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function readMeta(db: CatalogDb): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** A catalog file larger than this is not one this app built (the built-in one is a few MB). */
export const MAX_CATALOG_BYTES = 256 * 1024 * 1024;

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const SCHEMA_SQL = 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name';
const expectedSchemas = new Map<string, SchemaObject[]>();

/** Every table, index, view and trigger the migrations create, taken from a scratch in-memory database. */
export function expectedSchema(migrations: CatalogSources['migrations']): SchemaObject[] {
  const key = createHash('sha256').update(migrations.map((m) => m.sql).join('\0')).digest('hex');
  let schema = expectedSchemas.get(key);
  if (!schema) {
    const scratch = new Database(':memory:');
    try {
      applyMigrations(scratch, migrations);
      schema = scratch.prepare(SCHEMA_SQL).all() as SchemaObject[];
    } finally {
      scratch.close();
    }
    expectedSchemas.set(key, schema);
  }
  return schema;
}

/**
 * Why the file's schema is not exactly the one the migrations create (an extra table, a view or
 * trigger, a table replaced by a view, a changed definition), or null when it is. Reading the schema
 * table runs none of its objects.
 */
export function schemaMismatch(db: CatalogDb, migrations: CatalogSources['migrations']): string | null {
  const expected = new Map(expectedSchema(migrations).map((o) => [`${o.type} ${o.name}`, o]));
  const found = db.prepare(SCHEMA_SQL).all() as SchemaObject[];
  for (const object of found) {
    const want = expected.get(`${object.type} ${object.name}`);
    if (!want) return `unexpected ${object.type} "${object.name.slice(0, 80)}"`;
    if (want.sql !== object.sql || want.tbl_name !== object.tbl_name) return `${object.type} "${object.name}" is not defined as this app defines it`;
    expected.delete(`${object.type} ${object.name}`);
  }
  const missing = [...expected.keys()][0];
  return missing ? `missing ${missing}` : null;
}

/** Why this file cannot be used as it is, or null when it is sound and built from these sources. */
export function inspectCatalogFile(dbPath: string, sources: Pick<CatalogSources, 'hash' | 'migrations'>): string | null {
  if (!existsSync(dbPath)) return 'missing';
  const size = statSync(dbPath).size;
  if (size > MAX_CATALOG_BYTES) return `unexpected (the file is ${Math.round(size / 1024 / 1024)} MB, more than a catalog can be)`;
  let db: CatalogDb | undefined;
  try {
    db = openCatalogReadOnly(dbPath);
    // The schema first: nothing in the file is queried before it is known to hold only our tables.
    const mismatch = schemaMismatch(db, sources.migrations);
    if (mismatch !== null) return `unexpected schema (${mismatch})`;
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') return `corrupt (quick check: ${String(quick).slice(0, 200)})`;
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `corrupt (integrity check: ${String(integrity).slice(0, 200)})`;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== sources.migrations.length) return `outdated (schema version ${version}, expected ${sources.migrations.length})`;
    const meta = readMeta(db);
    if (meta.source_hash !== sources.hash) return 'outdated (built from different catalog sources)';
    const tactics = db.prepare('SELECT count(*) AS n FROM tactics').get() as { n: number };
    if (tactics.n === 0) return 'corrupt (no tactics)';
    db.prepare("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'technique' LIMIT 1").all();
    return null;
  } catch (error) {
    return `corrupt (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    db?.close();
  }
}

function removeSidecars(dbPath: string) {
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
}

/** Writes `build(db)` into a fresh temp file next to `dbPath`, checks it, then renames it into place. */
export function writeCatalogFileAtomically(dbPath: string, build: (db: CatalogDb) => void, startFrom?: string): void {
  mkdirSync(path.dirname(dbPath), { recursive: true });
  const temp = `${dbPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    if (startFrom) {
      const source = openCatalogReadOnly(startFrom);
      try {
        // A consistent copy of the current catalog, taken through SQLite rather than by copying bytes.
        source.prepare('VACUUM INTO ?').run(temp);
      } finally {
        source.close();
      }
    }
    const db = new Database(temp);
    try {
      configureConnection(db);
      build(db);
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new Error(`the new catalog failed its integrity check: ${String(integrity)}`);
    } finally {
      db.close();
    }
    removeSidecars(dbPath);
    renameSync(temp, dbPath);
  } catch (error) {
    rmSync(temp, { force: true });
    removeSidecars(temp);
    throw error;
  }
}

/** Compiles the built-in catalog (data/) into `dbPath`; returns the entry counts. */
export function buildCatalogFile(dataDir: string, dbPath: string, sources = readCatalogSources(dataDir)): void {
  const parsed = parseBuiltinCatalog(sources.files);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 10).map((p) => `  ${formatProblem(p)}`).join('\n');
    throw new Error(`the built-in catalog in ${path.join(dataDir, 'catalog')} is invalid:\n${shown}`);
  }
  writeCatalogFileAtomically(dbPath, (db) => {
    applyMigrations(db, sources.migrations);
    writeCatalog(db, parsed.value, { sourceHash: sources.hash, source: 'built-in data' });
  });
}

/** Opens the catalog read-only, rebuilding it first when it is missing, corrupt or outdated. */
export function openCatalog({ dataDir, dbPath }: OpenCatalogOptions): OpenedCatalog {
  const sources = readCatalogSources(dataDir);
  const reason = inspectCatalogFile(dbPath, sources);
  if (reason !== null) {
    buildCatalogFile(dataDir, dbPath, sources);
    const again = inspectCatalogFile(dbPath, sources);
    if (again !== null) throw new Error(`the rebuilt catalog ${dbPath} is still unusable: ${again}`);
  }
  const db = openCatalogReadOnly(dbPath);
  const meta = readMeta(db);
  return {
    db,
    rebuilt: reason !== null,
    ...(reason !== null ? { reason } : {}),
    atlasVersion: meta.atlas_version ?? 'unknown',
    textSource: meta.text_source === 'official' ? 'official' : 'builtin',
  };
}
