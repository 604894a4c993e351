// JSON parsing for imports. Strict JSON, with one tolerance real files need: trailing commas before
// } or ] (CycloneDX's own MLBOM/Dataset example has them). They are removed outside strings and each
// one is reported as a note; every other syntax error is E_JSON_SYNTAX with line and column.
import { checkNestingDepth, describeSyntaxError, findForbiddenKey, lineAndColumn } from '../model/json-guard';
import type { ImportNote, ImportProblem } from './types';

export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** Offsets of commas that are followed (after whitespace) by } or ], outside strings. */
export function findTrailingCommas(text: string): number[] {
  const found: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') found.push(i);
    }
  }
  return found;
}

export function parseImportJson(text: string): { ok: true; value: unknown; notes: ImportNote[] } | { ok: false; error: ImportProblem } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: { code: 'E_TOO_LARGE', pointer: '', message: `the file is ${(text.length / 1048576).toFixed(1)} MB; an import may be at most ${MAX_IMPORT_BYTES / 1048576} MB` } };
  }
  const deep = checkNestingDepth(text);
  if (deep) return { ok: false, error: { ...deep, code: 'E_TOO_DEEP' } };
  const notes: ImportNote[] = [];
  let source = text;
  try {
    return { ok: true, value: checked(JSON.parse(source)), notes };
  } catch (error) {
    if (error instanceof ForbiddenKey) return { ok: false, error: error.problem };
    const commas = findTrailingCommas(text);
    if (commas.length === 0) return { ok: false, error: { ...describeSyntaxError(text, error), code: 'E_JSON_SYNTAX' } };
    // Replace each with a space so that line and column numbers of later errors stay right.
    for (const at of [...commas].reverse()) source = source.slice(0, at) + ' ' + source.slice(at + 1);
    try {
      const value = checked(JSON.parse(source));
      for (const at of commas) {
        const { line, column } = lineAndColumn(text, at);
        notes.push({ level: 'warning', pointer: '', message: `a trailing comma at line ${line}, column ${column} is not valid JSON; it was ignored` });
      }
      return { ok: true, value, notes };
    } catch (second) {
      if (second instanceof ForbiddenKey) return { ok: false, error: second.problem };
      return { ok: false, error: { ...describeSyntaxError(source, second), code: 'E_JSON_SYNTAX' } };
    }
  }
}

class ForbiddenKey extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

function checked(value: unknown): unknown {
  const forbidden = findForbiddenKey(value);
  if (forbidden) throw new ForbiddenKey({ ...forbidden, code: 'E_FORBIDDEN_KEY', message: forbidden.message.replace('a model file', 'an imported file') });
  return value;
}
