// Reads what a catalog database is built from: the built-in catalog files (data/catalog/) and the
// numbered SQL migrations (data/migrations/), and hashes them so a stale database is noticed.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_FILES } from '../../catalog/index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface CatalogSources {
  /** Built-in catalog texts keyed by their path relative to data/catalog/. */
  files: Record<string, string>;
  migrations: Migration[];
  /** sha256 over every file above: the database records it and is rebuilt when it differs. */
  hash: string;
}

const MIGRATION_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = MIGRATION_NAME.exec(name);
      if (!match) throw new Error(`${path.join(dir, name)}: a migration is named NNN-name.sql`);
      return { version: Number(match[1]), name, sql: readFileSync(path.join(dir, name), 'utf8') };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${path.join(dir, m.name)}: expected migration number ${String(i + 1).padStart(3, '0')}`);
  });
  if (migrations.length === 0) throw new Error(`${dir}: no migrations found`);
  return migrations;
}

export function readCatalogSources(dataDir: string): CatalogSources {
  const files: Record<string, string> = {};
  for (const name of BUILTIN_FILES) {
    try {
      files[name] = readFileSync(path.join(dataDir, 'catalog', name), 'utf8');
    } catch (error) {
      throw new Error(`cannot read the built-in catalog file ${path.join(dataDir, 'catalog', name)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
        cause: error,
      });
    }
  }
  const migrations = loadMigrations(path.join(dataDir, 'migrations'));
  const hash = createHash('sha256');
  for (const name of BUILTIN_FILES) hash.update(`catalog/${name}\0${files[name]}\0`);
  for (const m of migrations) hash.update(`migrations/${m.name}\0${m.sql}\0`);
  return { files, migrations, hash: hash.digest('hex') };
}
