// What a report needs from the catalog: names and links of the ids findings cite. Built from a parsed
// Catalog (data/catalog/*.yaml) or from anything else that can answer these questions (the SQLite
// catalog). Unknown ids are reported with their id only, never dropped.
import type { Catalog } from '../catalog/types';

export interface CatalogRef {
  id: string;
  name: string;
  url: string;
}

export interface TechniqueRef extends CatalogRef {
  /** Tactic ids (AML.TA…) from the catalog; sub-techniques inherit their parent's. */
  tactics: string[];
  parent?: string;
}

export interface CatalogLookup {
  /** The ATLAS data version, e.g. "5.6.0", or null when no catalog was available. */
  version: string | null;
  technique(id: string): TechniqueRef | undefined;
  tactic(id: string): CatalogRef | undefined;
  mitigation(id: string): CatalogRef | undefined;
  owasp(id: string): CatalogRef | undefined;
  /** Every tactic in matrix order (for the coverage matrix). */
  tactics(): CatalogRef[];
}

export function catalogLookupFrom(catalog: Catalog): CatalogLookup {
  const tactics = new Map(catalog.tactics.map((t) => [t.id, { id: t.id, name: t.name, url: t.url }]));
  const techniqueById = new Map(catalog.techniques.map((t) => [t.id, t]));
  const techniques = new Map<string, TechniqueRef>();
  for (const t of catalog.techniques) {
    const tacticIds = t.tactics.length > 0 ? t.tactics : (t.parent ? techniqueById.get(t.parent)?.tactics : undefined) ?? [];
    techniques.set(t.id, { id: t.id, name: t.name, url: t.url, tactics: [...tacticIds], ...(t.parent ? { parent: t.parent } : {}) });
  }
  const mitigations = new Map(catalog.mitigations.map((m) => [m.id, { id: m.id, name: m.name, url: m.url }]));
  const owasp = new Map(catalog.owasp.map((o) => [o.id, { id: o.id, name: o.name, url: o.url }]));
  return {
    version: catalog.meta.atlasVersion,
    technique: (id) => techniques.get(id),
    tactic: (id) => tactics.get(id),
    mitigation: (id) => mitigations.get(id),
    owasp: (id) => owasp.get(id),
    tactics: () => [...tactics.values()],
  };
}

/** A lookup that knows nothing: reports still work and show bare ids. */
export const EMPTY_CATALOG_LOOKUP: CatalogLookup = {
  version: null,
  technique: () => undefined,
  tactic: () => undefined,
  mitigation: () => undefined,
  owasp: () => undefined,
  tactics: () => [],
};

/** The Navigator's tactic short name: "AI Attack Staging" → "ai-attack-staging". */
export function tacticShortName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
