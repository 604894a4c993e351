// The one restore step every model passes through, from a file, the API or an import: bytes in,
// a valid current-version model (or precise errors) out. Nothing is ever half-loaded.
import type { ZodError } from 'zod';
import { ModelSchema, type Model } from './schema';
import type { ModelError, ModelWarning } from './errors';
import { toPointer } from './errors';
import {
  MAX_MODEL_BYTES,
  checkNestingDepth,
  describeSyntaxError,
  findForbiddenKey,
  findInvalidUtf8,
  lineAndColumn,
} from './json-guard';
import { migrateModel } from './migrate';
import { checkIntegrity, type IntegrityOptions } from './integrity';

export type LoadResult =
  | { ok: true; model: Model; warnings: ModelWarning[]; migratedFrom?: number }
  | { ok: false; errors: ModelError[] };

const MAX_REPORTED = 50;

export function zodIssuesToErrors(error: ZodError, prefix: PropertyKey[] = []): ModelError[] {
  return error.issues.slice(0, MAX_REPORTED).map((issue) => {
    const pointer = toPointer([...prefix, ...issue.path]);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return { code: 'E_SCHEMA', pointer, message };
  });
}

/** Validates an already-parsed document (API input, importers). */
export function loadModelValue(value: unknown, options: IntegrityOptions = {}): LoadResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      errors: [{ code: 'E_NOT_A_MODEL', pointer: '', message: 'a model file holds one JSON object' }],
    };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) return { ok: false, errors: [forbidden] };
  const migrated = migrateModel(value as Record<string, unknown>);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const parsed = ModelSchema.safeParse(migrated.document);
  if (!parsed.success) return { ok: false, errors: zodIssuesToErrors(parsed.error) };
  const { errors, warnings } = checkIntegrity(parsed.data, options);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED) };
  const model = warnings.length > 0 ? dropOrphanLayout(parsed.data) : parsed.data;
  return {
    ok: true,
    model,
    warnings,
    ...(migrated.from !== model.schemaVersion ? { migratedFrom: migrated.from } : {}),
  };
}

/** Validates model text (already decoded). */
export function loadModelText(text: string, options: IntegrityOptions = {}): LoadResult {
  const warnings: ModelWarning[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    warnings.push({ code: 'W_BOM', pointer: '', message: 'a UTF-8 byte-order mark at the start was ignored' });
  }
  if (text.length > MAX_MODEL_BYTES) return { ok: false, errors: [tooLarge(text.length)] };
  const deep = checkNestingDepth(text);
  if (deep) return { ok: false, errors: [deep] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [describeSyntaxError(text, error)] };
  }
  const result = loadModelValue(value, options);
  return result.ok ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}

/** Validates the raw bytes of a model file. */
export function loadModelBytes(bytes: Uint8Array, options: IntegrityOptions = {}): LoadResult {
  if (bytes.byteLength > MAX_MODEL_BYTES) return { ok: false, errors: [tooLarge(bytes.byteLength)] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = findInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.max(0, offset)));
    return {
      ok: false,
      errors: [
        {
          code: 'E_ENCODING',
          pointer: '',
          message: `byte ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}) is not valid UTF-8; save the file as UTF-8`,
          ...lineAndColumn(prefix, prefix.length),
        },
      ],
    };
  }
  return loadModelText(text, options);
}

function tooLarge(size: number): ModelError {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    code: 'E_TOO_LARGE',
    pointer: '',
    message: `the file is ${mb(size)} MB; a model file may be at most ${mb(MAX_MODEL_BYTES)} MB`,
  };
}

function dropOrphanLayout(model: Model): Model {
  const ids = new Set([...model.components.map((c) => c.id), ...model.zones.map((z) => z.id)]);
  const flowIds = new Set(model.flows.map((f) => f.id));
  return {
    ...model,
    layout: {
      ...model.layout,
      boxes: Object.fromEntries(Object.entries(model.layout.boxes).filter(([id]) => ids.has(id))),
      flowPoints: Object.fromEntries(Object.entries(model.layout.flowPoints).filter(([id]) => flowIds.has(id))),
    },
  };
}
