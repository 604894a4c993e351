// Full-text search over the catalog: typed ids first ("T0051", "AML.T0051.001", "LLM01", "ML05"),
// then FTS5 matches (prefix, stemmed) in tiers, each ranked by bm25 weighted by entry type.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { normalizeIdQuery } from '../../catalog/index';
import type { CatalogEntryTypeSchema, CatalogSearchHitSchema } from '../../api/calls/catalog';
import type { CatalogDb } from './db';
import { synonymIds } from './synonyms';

export type CatalogSearchHit = z.infer<typeof CatalogSearchHitSchema>;
export type CatalogEntryType = z.infer<typeof CatalogEntryTypeSchema>;

export interface SearchOptions {
  limit?: number;
  types?: readonly CatalogEntryType[];
}

interface HitRow {
  id: string;
  type: CatalogEntryType;
  name: string;
  summary: string;
  parent_name: string | null;
}

/**
 * bm25 column weights (id, name, parent name, summary, keywords), scaled by entry type so that
 * techniques and OWASP risks come before the case studies that merely mention them.
 */
const RANKING = `bm25(entries_fts, 12.0, 8.0, 3.0, 1.0, 2.0) * CASE e.type
  WHEN 'technique' THEN 1.0 WHEN 'owasp' THEN 1.0 WHEN 'tactic' THEN 0.8 WHEN 'mitigation' THEN 0.7 ELSE 0.5 END`;
const HIT_COLUMNS = 'e.id, e.type, e.name, e.summary, e.parent_name';
const MAX_TERMS = 12;

const statements = new WeakMap<CatalogDb, Map<string, Database.Statement<unknown[]>>>();
function prepared(db: CatalogDb, sql: string) {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
  return statement;
}

function toHit(row: HitRow): CatalogSearchHit {
  return { id: row.id, type: row.type, name: row.name, summary: row.summary, ...(row.parent_name ? { parentName: row.parent_name } : {}) };
}

/** The words of a query as safe FTS5 prefix terms: letters and digits only, each quoted. */
export function queryTerms(query: string): string[] {
  return queryWords(query).map((w) => `"${w}"*`);
}

function queryWords(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export function searchCatalog(db: CatalogDb, query: string, options: SearchOptions = {}): CatalogSearchHit[] {
  const limit = Math.max(1, Math.min(options.limit ?? 20, 200));
  const types = options.types && options.types.length > 0 ? new Set(options.types) : null;
  const hits = new Map<string, CatalogSearchHit>();
  const add = (rows: HitRow[]) => {
    for (const row of rows) {
      if (hits.size >= limit) return;
      if (types && !types.has(row.type)) continue;
      if (!hits.has(row.id)) hits.set(row.id, toHit(row));
    }
  };

  const id = normalizeIdQuery(query);
  if (id && 'exact' in id) {
    add(prepared(db, `SELECT ${HIT_COLUMNS} FROM entries e WHERE e.id = ?`).all(id.exact) as HitRow[]);
    // A technique's sub-techniques follow it, in id order.
    add(prepared(db, `SELECT ${HIT_COLUMNS} FROM entries e WHERE e.id >= ? AND e.id < ? ORDER BY e.id`).all(`${id.exact}.`, `${id.exact}.\uffff`) as HitRow[]);
  }
  else if (id) add(prepared(db, `SELECT ${HIT_COLUMNS} FROM entries e WHERE e.id >= ? AND e.id < ? ORDER BY e.id`).all(id.owaspPrefix, id.owaspPrefix + '\uffff') as HitRow[]);

  const terms = queryTerms(query);
  if (terms.length === 0) return [...hits.values()];
  const typeFilter = types ? ` AND e.type IN (${[...types].map(() => '?').join(', ')})` : '';
  const sql = `SELECT ${HIT_COLUMNS} FROM entries_fts JOIN entries e ON e.n = entries_fts.rowid
    WHERE entries_fts MATCH ?${typeFilter} ORDER BY ${RANKING}, e.n LIMIT ?`;
  const run = (match: string) => prepared(db, sql).all(match, ...(types ?? []), limit + hits.size) as HitRow[];
  // Tiers: every word in the entry's name (or its parent technique's), then every word anywhere,
  // then any word. bm25 normalizes by the whole row's length, so the name tier keeps a short,
  // exactly named entry ahead of a long one that only mentions the words in passing.
  // Synonyms ("evasion" → Evade AI Model) come first when the query is nothing but such words, else
  // right after the entries named by every word; both tiers come before entries that only mention
  // the words in their summary.
  const synonyms = synonymIds(queryWords(query));
  const bySynonym = () => {
    for (const id of synonyms.ids) add(prepared(db, `SELECT ${HIT_COLUMNS} FROM entries e WHERE e.id = ?`).all(id) as HitRow[]);
  };
  if (synonyms.allWordsAreSynonyms) bySynonym();
  add(run(`{id name parent} : (${terms.join(' AND ')})`));
  if (!synonyms.allWordsAreSynonyms) bySynonym();
  if (terms.length > 1 && hits.size < limit) add(run(`{id name parent} : (${terms.join(' OR ')})`));
  if (hits.size < limit) add(run(terms.join(' AND ')));
  if (terms.length > 1 && hits.size < limit) add(run(terms.join(' OR ')));
  return [...hits.values()];
}
