// Forward-only migrations of the model file format. Each step takes a document of version N and
// returns one of version N+1; a file is migrated step by step up to CURRENT_SCHEMA_VERSION.
// To change the format: bump CURRENT_SCHEMA_VERSION, append one step here, add its test.
import { CURRENT_SCHEMA_VERSION } from './schema';
import type { ModelError } from './errors';

export type JsonObject = Record<string, unknown>;

export interface MigrationStep {
  from: number;
  describe: string;
  migrate: (document: JsonObject) => JsonObject;
}

/** The format's migration steps, in order. Version 1 is the first released format. Never edit a released step. */
export const MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    // Format 2 adds the optional free-text meta.version; a version-1 file has none and means the same.
    describe: 'meta: optional free-text "version" (a version-1 file needs no change)',
    migrate: (document) => ({ ...document }),
  },
];

export type MigrationResult = { ok: true; document: JsonObject; from: number } | { ok: false; error: ModelError };

export function migrateModel(
  document: JsonObject,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      error: {
        code: 'E_NOT_A_MODEL',
        pointer: '/schemaVersion',
        message: 'a Mercator model starts with "schemaVersion": a whole number (this build writes ' + target + ')',
      },
    };
  }
  if (version > target) {
    return {
      ok: false,
      error: {
        code: 'E_UNSUPPORTED_VERSION',
        pointer: '/schemaVersion',
        message: `the file was written by a newer Mercator (format ${version}); this build reads up to ${target}. Update Mercator to open it`,
      },
    };
  }
  let current = document;
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) {
      return {
        ok: false,
        error: { code: 'E_UNSUPPORTED_VERSION', pointer: '/schemaVersion', message: `no migration from format ${v}` },
      };
    }
    current = { ...step.migrate(current), schemaVersion: v + 1 };
  }
  return { ok: true, document: current, from: version };
}
