// One entry point for imports: parse (strict JSON, trailing commas tolerated with a note), detect the
// format (or take the one asked for), convert, and return a model that passed loadModelValue.
import { parseImportJson } from './lenient-json';
import { importThreatDragon } from './threat-dragon';
import { importCycloneDx } from './cyclonedx';
import type { ImportFormat, ImportResult } from './types';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['threat-dragon', 'cyclonedx'];

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The format a parsed document looks like, or null. */
export function detectImportFormat(doc: unknown): ImportFormat | null {
  if (!isObj(doc)) return null;
  if (doc.bomFormat === 'CycloneDX' || (typeof doc.specVersion === 'string' && ('components' in doc || 'metadata' in doc))) return 'cyclonedx';
  if ('summary' in doc || 'detail' in doc || ('version' in doc && !('schemaVersion' in doc))) return 'threat-dragon';
  return null;
}

export function importModel(text: string, options: { from?: ImportFormat } = {}): ImportResult {
  const parsed = parseImportJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const format = options.from ?? detectImportFormat(parsed.value);
  if (!format) {
    const keys = isObj(parsed.value) ? Object.keys(parsed.value).slice(0, 8).join(', ') : Array.isArray(parsed.value) ? 'a list' : typeof parsed.value;
    return {
      ok: false,
      errors: [{ code: 'E_IMPORT_FORMAT', pointer: '', message: `this is neither a Threat Dragon model (summary, detail) nor a CycloneDX BOM (bomFormat) — the file has: ${keys || 'nothing'}` }],
    };
  }
  const result = format === 'cyclonedx' ? importCycloneDx(parsed.value) : importThreatDragon(parsed.value);
  return result.ok ? { ...result, notes: [...parsed.notes, ...result.notes] } : result;
}

export type { ImportFormat, ImportResult, ImportNote, KindGuess, ImportProblem } from './types';
