// What changes between two catalogs, by id: added, changed (any field, text included), removed.
import type { Catalog } from './types';

export interface CatalogDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

type DiffableCatalog = Pick<Catalog, 'tactics' | 'techniques' | 'mitigations' | 'caseStudies'> & Partial<Pick<Catalog, 'owasp' | 'crosswalk'>>;

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function records(catalog: DiffableCatalog): Map<string, string> {
  const out = new Map<string, string>();
  for (const list of [catalog.tactics, catalog.techniques, catalog.mitigations, catalog.caseStudies, catalog.owasp ?? []]) {
    for (const record of list) out.set(record.id, stable(record));
  }
  // Crosswalk links change the OWASP entry they hang from.
  for (const link of catalog.crosswalk ?? []) out.set(link.owasp, `${out.get(link.owasp) ?? ''}|${stable(link)}`);
  return out;
}

export function diffCatalogs(before: DiffableCatalog, after: DiffableCatalog): CatalogDiff {
  const a = records(before);
  const b = records(after);
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [id, value] of b) {
    const old = a.get(id);
    if (old === undefined) added.push(id);
    else if (old !== value) changed.push(id);
  }
  for (const id of a.keys()) if (!b.has(id)) removed.push(id);
  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return { added: added.sort(byId), changed: changed.sort(byId), removed: removed.sort(byId) };
}
