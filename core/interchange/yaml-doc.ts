// YAML for imports (Open Threat Model files may be YAML). Aliases are capped so an "anchor bomb" (a
// few lines that expand to billions of nodes) is refused; duplicate keys are errors; merge keys
// (<<) are not expanded. The same depth and prototype-key guards as JSON apply to the result.
import { parseDocument } from 'yaml';
import { findForbiddenKey, MAX_NESTING_DEPTH } from '../model/json-guard';
import type { ImportProblem } from './types';

export const MAX_YAML_ALIASES = 1000;

/** Depth of nested objects and lists, counted without recursion; stops at limit + 1. */
export function valueDepth(value: unknown, limit = MAX_NESTING_DEPTH): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [v, d] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const item of Array.isArray(v) ? v : Object.values(v)) if (item !== null && typeof item === 'object') pending.push([item, d + 1]);
  }
  return deepest;
}

export function parseImportYaml(text: string): { ok: true; value: unknown } | { ok: false; error: ImportProblem } {
  let value: unknown;
  try {
    const doc = parseDocument(text, { uniqueKeys: true, merge: false, prettyErrors: false, strict: true });
    const first = doc.errors[0];
    if (first && /call stack/i.test(first.message)) return { ok: false, error: { code: 'E_TOO_DEEP', pointer: '', message: `the YAML is nested too deeply (Mercator reads at most ${MAX_NESTING_DEPTH} levels)` } };
    if (first) {
      const at = first.linePos?.[0];
      return {
        ok: false,
        error: { code: 'E_YAML_SYNTAX', pointer: '', ...(at ? { line: at.line, column: at.col } : {}), message: `the YAML is not valid: ${first.message.split('\n')[0]}` },
      };
    }
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { ok: false, error: { code: 'E_YAML_ALIASES', pointer: '', message: `the YAML's anchors and aliases expand too far (more than ${MAX_YAML_ALIASES} alias uses, or aliases of aliases); Mercator refuses such files` } };
    }
    if (error instanceof RangeError) return { ok: false, error: { code: 'E_TOO_DEEP', pointer: '', message: `the YAML is nested too deeply (Mercator reads at most ${MAX_NESTING_DEPTH} levels)` } };
    throw error;
  }
  if (valueDepth(value) > MAX_NESTING_DEPTH) return { ok: false, error: { code: 'E_TOO_DEEP', pointer: '', message: `the YAML is nested more than ${MAX_NESTING_DEPTH} levels deep` } };
  const forbidden = findForbiddenKey(value);
  if (forbidden) return { ok: false, error: { ...forbidden, code: 'E_FORBIDDEN_KEY', message: forbidden.message.replace('a model file', 'an imported file') } };
  return { ok: true, value };
}
