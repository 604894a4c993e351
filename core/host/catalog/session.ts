// One host's catalog: opened lazily (rebuilt first when missing, corrupt or outdated), shared by
// the catalog handlers and app:info, and reopened after an import replaced the file.
import { ApiFailure } from '../../api/result';
import { openCatalog, type CatalogDb, type OpenedCatalog } from './db';
import { CatalogImportError, importAtlasRelease, previewAtlasImport, type ImportPlan } from './import';

export interface CatalogSession {
  readonly dbPath: string;
  /** The open read-only connection; throws E_NO_CATALOG when the catalog cannot be opened or built. */
  db(): CatalogDb;
  /** The ATLAS data version, or null when the catalog is unavailable. */
  version(): string | null;
  /** What happened when it was last opened (rebuilt or not, and why). */
  lastOpened(): Omit<OpenedCatalog, 'db'> | null;
  previewImport(text: string): ImportPlan;
  importRelease(text: string): ImportPlan;
  close(): void;
}

export interface CatalogSessionOptions {
  dataDir: string;
  dbPath: string;
  /** Told when the catalog had to be rebuilt, and why. */
  onRebuilt?: (reason: string) => void;
}

export function createCatalogSession({ dataDir, dbPath, onRebuilt }: CatalogSessionOptions): CatalogSession {
  let opened: OpenedCatalog | null = null;
  const open = (): OpenedCatalog => {
    if (opened) return opened;
    try {
      opened = openCatalog({ dataDir, dbPath });
    } catch (error) {
      throw new ApiFailure('E_NO_CATALOG', `The catalog could not be opened or rebuilt: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (opened.rebuilt) onRebuilt?.(opened.reason ?? 'rebuilt');
    return opened;
  };
  const close = () => {
    opened?.db.close();
    opened = null;
  };
  const unwrap = (outcome: ReturnType<typeof importAtlasRelease>): ImportPlan => {
    if (!outcome.ok) {
      const failure = new CatalogImportError(outcome.errors);
      throw new ApiFailure('E_INVALID_CATALOG', failure.message, outcome.errors);
    }
    const { ok: _ok, ...plan } = outcome;
    return plan;
  };
  return {
    dbPath,
    db: () => open().db,
    version() {
      try {
        return open().atlasVersion;
      } catch {
        return null;
      }
    },
    lastOpened() {
      if (!opened) return null;
      const { db: _db, ...rest } = opened;
      return rest;
    },
    previewImport(text) {
      open();
      return unwrap(previewAtlasImport(dbPath, text));
    },
    importRelease(text) {
      open();
      close();
      try {
        return unwrap(importAtlasRelease(dbPath, text));
      } catch (error) {
        if (error instanceof ApiFailure) throw error;
        throw new ApiFailure('E_IMPORT_FAILED', `The ATLAS release was not imported; the catalog is unchanged: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        open();
      }
    },
    close,
  };
}
