// `mercator catalog`: the local MITRE ATLAS + OWASP catalog (stats, search, show, import, build).
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { CATALOG_ENTRY_TYPES, type CatalogEntryTypeSchema } from '../../core/api/calls/catalog';
import { formatProblem } from '../../core/catalog/index';
import { appDataDir, catalogFileIn } from '../data-dir';
import { buildCatalogFile, openCatalog, type OpenedCatalog } from '../../core/host/catalog/db';
import { importAtlasRelease, previewAtlasImport } from '../../core/host/catalog/import';
import { catalogStats, getCatalogEntry } from '../../core/host/catalog/queries';
import { searchCatalog } from '../../core/host/catalog/search';
import { EXIT, UsageError, parseOptions, type CliCommand, type CliContext } from '../context';
import { formatEntry, formatHits, formatPlan, formatStats } from './catalog-format';
import type { z } from 'zod';

const USAGE =
  'mercator catalog stats|search QUERY|show ID|import FILE [--yes]|build [--out FILE] [--format text|json] [--db FILE]';
const OPTIONS = { format: 'string', db: 'string', yes: 'boolean', out: 'string', limit: 'string', type: 'string' } as const;

function catalogPath(ctx: CliContext, options: Record<string, string | boolean>): string {
  if (typeof options.db === 'string') return path.resolve(ctx.cwd, options.db);
  // The same catalog `mercator web` uses: in the app's data folder (MERCATOR_DATA_DIR), never in a workspace.
  return catalogFileIn(appDataDir());
}

function open(ctx: CliContext, dbPath: string): OpenedCatalog {
  const opened = openCatalog({ dataDir: path.join(ctx.appRoot, 'data'), dbPath });
  if (opened.rebuilt) ctx.err(`Catalog rebuilt (${opened.reason}): ${dbPath}`);
  return opened;
}

function withCatalog<T>(ctx: CliContext, dbPath: string, use: (opened: OpenedCatalog) => T): T {
  const opened = open(ctx, dbPath);
  try {
    return use(opened);
  } finally {
    opened.db.close();
  }
}

export const catalogCommand: CliCommand = {
  name: 'catalog',
  summary: 'search and show the MITRE ATLAS + OWASP catalog, import an official ATLAS release',
  usage: USAGE,
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, OPTIONS);
    const format = (options.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const print = (json: unknown, text: string) => ctx.out(format === 'json' ? JSON.stringify(json, null, 2) : text);
    const [sub, ...args] = positional;
    const arg = (what: string) => {
      if (args.length !== 1) throw new UsageError(`catalog ${sub} takes one ${what}`);
      return args[0]!;
    };
    const dbPath = catalogPath(ctx, options);

    switch (sub) {
      case 'stats':
        if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
        return withCatalog(ctx, dbPath, ({ db }) => {
          const stats = catalogStats(db);
          print(stats, formatStats(stats));
          return EXIT.ok;
        });
      case 'search': {
        const query = args.join(' ').trim();
        if (query === '') throw new UsageError('catalog search needs a QUERY');
        const limit = options.limit === undefined ? 20 : Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit takes a number from 1 to 200');
        const types = typeof options.type === 'string' ? options.type.split(',') : undefined;
        for (const t of types ?? []) {
          if (!(CATALOG_ENTRY_TYPES as readonly string[]).includes(t)) throw new UsageError(`--type must be one of ${CATALOG_ENTRY_TYPES.join(', ')}, not "${t}"`);
        }
        return withCatalog(ctx, dbPath, ({ db }) => {
          const hits = searchCatalog(db, query, { limit, ...(types ? { types: types as Array<z.infer<typeof CatalogEntryTypeSchema>> } : {}) });
          print({ hits }, formatHits(hits));
          return EXIT.ok;
        });
      }
      case 'show': {
        const id = arg('ID');
        return withCatalog(ctx, dbPath, ({ db }) => {
          const entry = getCatalogEntry(db, id);
          if (!entry) {
            ctx.err(`mercator catalog: no entry "${id}" in the catalog`);
            return EXIT.failed;
          }
          print({ entry }, formatEntry(entry));
          return EXIT.ok;
        });
      }
      case 'import': {
        const file = path.resolve(ctx.cwd, arg('FILE'));
        let text: string;
        try {
          text = await fs.readFile(file, 'utf8');
        } catch (error) {
          ctx.err(`mercator catalog: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
          return EXIT.failed;
        }
        withCatalog(ctx, dbPath, () => undefined); // make sure a sound catalog exists first
        const apply = options.yes === true;
        const outcome = apply ? importAtlasRelease(dbPath, text) : previewAtlasImport(dbPath, text);
        if (!outcome.ok) {
          if (format === 'json') ctx.out(JSON.stringify({ imported: false, errors: outcome.errors }, null, 2));
          ctx.err(`mercator catalog: ${file} was not imported; the catalog is unchanged:`);
          for (const problem of outcome.errors.slice(0, 50)) ctx.err(`  ${formatProblem(problem)}`);
          if (outcome.errors.length > 50) ctx.err(`  … and ${outcome.errors.length - 50} more`);
          return EXIT.failed;
        }
        const { ok: _ok, ...plan } = outcome;
        print({ imported: apply, ...plan }, formatPlan(plan, apply));
        return EXIT.ok;
      }
      case 'build': {
        if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}"`);
        const out = typeof options.out === 'string' ? path.resolve(ctx.cwd, options.out) : path.join(ctx.appRoot, 'dist', 'catalog.sqlite');
        const started = performance.now();
        buildCatalogFile(path.join(ctx.appRoot, 'data'), out);
        const ms = Math.round(performance.now() - started);
        const opened = openCatalog({ dataDir: path.join(ctx.appRoot, 'data'), dbPath: out });
        try {
          const stats = catalogStats(opened.db);
          print({ path: out, ms, ...stats }, `Built ${out} in ${ms} ms.\n${formatStats(stats)}`);
        } finally {
          opened.db.close();
        }
        return EXIT.ok;
      }
      case undefined:
        throw new UsageError('name a catalog command: stats, search, show, import or build');
      default:
        throw new UsageError(`unknown catalog command "${sub}"`);
    }
  },
};
