// Importing an official ATLAS release into the user's catalog database: validate, diff against the
// current catalog, then apply in one transaction on a copy that replaces the file only when
// complete. The OWASP entries and the crosswalk are kept; data/ is never touched.
import { diffCatalogs, formatProblem, parseAtlasRelease, type Catalog, type CatalogDiff, type CatalogProblem } from '../../catalog/index';
import { openCatalogReadOnly, readMeta, writeCatalogFileAtomically } from './db';
import { readCatalog } from './read';
import { writeCatalog } from './write';

export interface ImportPlan extends CatalogDiff {
  version: string;
  /** Quirks the importer repaired and crosswalk links it had to drop, with their places. */
  notes: CatalogProblem[];
}

export type ImportOutcome = ({ ok: true } & ImportPlan) | { ok: false; errors: CatalogProblem[] };

/** A failed import: what was wrong, each problem named by its place in the file. */
export class CatalogImportError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    const shown = problems.slice(0, 5).map(formatProblem).join('; ');
    super(`The ATLAS release was not imported: ${shown}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}.`);
  }
}

function planImport(current: Catalog, text: string): { ok: true; merged: Catalog; plan: ImportPlan } | { ok: false; errors: CatalogProblem[] } {
  const parsed = parseAtlasRelease(text);
  if (!parsed.ok) return parsed;
  const release = parsed.value;
  const notes = [...parsed.notes];
  const techniqueIds = new Set(release.techniques.map((t) => t.id));
  const crosswalk = current.crosswalk.filter((link) => {
    if (techniqueIds.has(link.atlas)) return true;
    notes.push({ path: 'crosswalk', message: `link ${link.owasp} → ${link.atlas} dropped: the release has no technique ${link.atlas}` });
    return false;
  });
  const merged: Catalog = {
    meta: { atlasVersion: release.version, textSource: 'official' },
    tactics: release.tactics,
    techniques: release.techniques,
    mitigations: release.mitigations,
    caseStudies: release.caseStudies,
    owasp: current.owasp,
    crosswalk,
  };
  return { ok: true, merged, plan: { version: release.version, ...diffCatalogs(current, merged), notes } };
}

/** What importing `text` would change, without changing anything. */
export function previewAtlasImport(dbPath: string, text: string): ImportOutcome {
  const db = openCatalogReadOnly(dbPath);
  let current: Catalog;
  try {
    current = readCatalog(db);
  } finally {
    db.close();
  }
  const planned = planImport(current, text);
  return planned.ok ? { ok: true, ...planned.plan } : planned;
}

/** Imports an official ATLAS release into the catalog at `dbPath`; on any failure the file is unchanged. */
export function importAtlasRelease(dbPath: string, text: string): ImportOutcome {
  const db = openCatalogReadOnly(dbPath);
  let current: Catalog;
  let sourceHash: string;
  try {
    current = readCatalog(db);
    sourceHash = readMeta(db).source_hash ?? '';
  } finally {
    db.close();
  }
  const planned = planImport(current, text);
  if (!planned.ok) return planned;
  writeCatalogFileAtomically(
    dbPath,
    (copy) => writeCatalog(copy, planned.merged, { sourceHash, source: `official ATLAS release ${planned.plan.version}` }),
    dbPath,
  );
  return { ok: true, ...planned.plan };
}
