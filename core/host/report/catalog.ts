// The catalog a report cites, read from the built-in catalog files (data/catalog/*.yaml). Parsed once
// per data folder and kept; a broken catalog is an error that names the file, never a silent gap.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_FILES, parseBuiltinCatalog, formatProblem, type Catalog } from '../../catalog/index';
import { catalogLookupFrom, type CatalogLookup } from '../../report/catalog-lookup';

const cache = new Map<string, { catalog: Catalog; lookup: CatalogLookup }>();

export function loadReportCatalog(dataDir: string): { catalog: Catalog; lookup: CatalogLookup } {
  const key = path.resolve(dataDir);
  const hit = cache.get(key);
  if (hit) return hit;
  const files: Record<string, string> = {};
  for (const name of BUILTIN_FILES) files[name] = readFileSync(path.join(key, 'catalog', name), 'utf8');
  const parsed = parseBuiltinCatalog(files);
  if (!parsed.ok) throw new Error(`the built-in catalog is invalid: ${parsed.errors.slice(0, 3).map(formatProblem).join('; ')}`);
  const value = { catalog: parsed.value, lookup: catalogLookupFrom(parsed.value) };
  cache.set(key, value);
  return value;
}

/** Technique id → tactic ids, as analyze() wants them (sub-techniques carry their parent's). */
export function techniqueTactics(catalog: Catalog): Record<string, string[]> {
  const byId = new Map(catalog.techniques.map((t) => [t.id, t]));
  const out: Record<string, string[]> = {};
  for (const t of catalog.techniques) out[t.id] = t.tactics.length ? t.tactics : (t.parent ? byId.get(t.parent)?.tactics : undefined) ?? [];
  return out;
}
