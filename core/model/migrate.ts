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
  {
    from: 2,
    // Format 3 records each control as "present" or "absent"; a control not listed is "not recorded".
    // A format-2 `true` said the control is in place, a `false` that the user switched it off.
    describe: 'controls: true → "present", false → "absent" (tri-state controls)',
    migrate: (document) => mapElements(document, ['components', 'flows'], (element) => {
      const controls = element.controls;
      if (!isObject(controls)) return element;
      const next: JsonObject = {};
      for (const [name, value] of Object.entries(controls)) {
        next[name] = value === true ? 'present' : value === false ? 'absent' : value;
      }
      return { ...element, controls: next };
    }),
  },
  {
    from: 3,
    // Format 4 adds the review record: meta owner/reviewers/reviewStatus, decision history and decidedBy,
    // comment threads and signed-off baselines. A format-3 file has none: a draft with no history.
    describe: 'review record: meta.owner/reviewers/reviewStatus, decision history, comments, baselines (no change needed)',
    migrate: (document) => ({ ...document }),
  },
  {
    from: 4,
    // Format 5 adds the report's written sections (scope, assumptions, exclusions, methodology) and a
    // classification marking to meta; a format-4 file has none.
    describe: 'meta: scope, assumptions, exclusions, methodology, classification (no change needed)',
    migrate: (document) => ({ ...document }),
  },
  {
    from: 5,
    // Format 6 adds user-authored threats, score overrides, out-of-scope reasons, views and moved flow
    // labels, and gives flows one meaning per checkbox: the facts "authenticated" and "encrypted" become
    // the controls "authentication" and "encryptionInTransit" (a true fact or a true control → present;
    // an explicit false fact with no control recorded → absent).
    describe: 'flows: facts authenticated/encrypted → controls authentication/encryptionInTransit',
    migrate: (document) => mapElements(document, ['flows'], (flow) => {
      const facts = isObject(flow.facts) ? { ...flow.facts } : undefined;
      if (!facts) return flow;
      const controls: JsonObject = isObject(flow.controls) ? { ...flow.controls } : {};
      for (const [fact, control] of FLOW_FACTS_MERGED) {
        const value = facts[fact];
        // Only the values format 5 meant (booleans) move; anything else stays for validation to name.
        if (typeof value !== 'boolean') continue;
        delete facts[fact];
        if (value === true) controls[control] = 'present';
        else if (value === false && !Object.hasOwn(controls, control)) controls[control] = 'absent';
      }
      return { ...flow, facts, controls };
    }),
  },
];

/** Flow facts that format 6 merged into the control of the same meaning. */
export const FLOW_FACTS_MERGED = [
  ['authenticated', 'authentication'],
  ['encrypted', 'encryptionInTransit'],
] as const;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The document with each object of the named arrays passed through `change` (other entries kept as they are). */
function mapElements(document: JsonObject, keys: readonly string[], change: (element: JsonObject) => JsonObject): JsonObject {
  const next: JsonObject = { ...document };
  for (const key of keys) {
    const list = document[key];
    if (Array.isArray(list)) next[key] = list.map((item: unknown) => (isObject(item) ? change(item) : item));
  }
  return next;
}

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
