// Checks that run on the raw text before JSON.parse and schema validation, so that hostile input
// (huge, deeply nested, not UTF-8, prototype keys) is refused cheaply and precisely.
import type { ModelError } from './errors';
import { toPointer } from './errors';

export const MAX_MODEL_BYTES = 64 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

interface Frame {
  array: boolean;
  index: number;
  key: string;
}

/**
 * Scans JSON text for nesting deeper than `maxDepth` without parsing it (parsers and validators
 * recurse and overflow the stack on very deep input). Returns an error with the pointer of the
 * place where the limit was crossed, or null.
 */
export function checkNestingDepth(text: string, maxDepth = MAX_NESTING_DEPTH): ModelError | null {
  // A fast pass counts depth only; the slow pass below, which tracks keys and indexes for the
  // pointer, runs only on text that is too deep.
  return exceedsDepth(text, maxDepth) ? locateTooDeep(text, maxDepth) : null;
}

/** End of the string whose opening quote is at `start` (the closing quote), or -1. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return -1;
    let backslashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q;
    j = q + 1;
  }
}

function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end === -1) return false; // unterminated string: JSON.parse reports it
      i = end;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

function locateTooDeep(text: string, maxDepth: number): ModelError | null {
  const stack: Frame[] = [];
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (end === -1) return null;
      lastString = text.slice(i + 1, end);
      i = end;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      stack.push({ array: ch === 0x5b, index: 0, key: '' });
      if (stack.length > maxDepth) {
        const path = stack.slice(0, -1).map((f) => (f.array ? f.index : f.key));
        return {
          code: 'E_TOO_DEEP',
          pointer: toPointer(path),
          message: `values are nested more than ${maxDepth} levels deep here; a model never needs that`,
          ...lineAndColumn(text, i),
        };
      }
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
    } else if (ch === 0x3a /* : */) {
      const top = stack[stack.length - 1];
      if (top && !top.array) top.key = lastString;
    } else if (ch === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
    }
  }
  return null;
}

/** Finds keys that could pollute prototypes when the data is later merged or spread. */
export function findForbiddenKey(value: unknown): ModelError | null {
  // Walks values only (no paths: a big model has hundreds of thousands of them); the path to a
  // forbidden key is rebuilt only when there is one.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') pending.push(item);
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) return forbiddenKeyError(value);
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return null;
}

function forbiddenKeyError(value: unknown): ModelError | null {
  const pending: Array<{ value: unknown; path: PropertyKey[] }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          code: 'E_FORBIDDEN_KEY',
          pointer: toPointer([...path, key]),
          message: `the key "${key}" is not allowed in a model file (it could alter JavaScript objects); rename or remove it`,
        };
      }
      pending.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/** Turns a JSON.parse failure into an error with line, column and a short quote of the place. */
export function describeSyntaxError(text: string, error: unknown): ModelError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let place: { line: number; column: number } | undefined;
  if (lineCol) place = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (match) place = lineAndColumn(text, Number(match[1]));
  else if (text.trim() === '') place = { line: 1, column: 1 };
  const reason = message.replace(/^JSON\.parse: /, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return {
    code: 'E_JSON_SYNTAX',
    pointer: '',
    message: text.trim() === '' ? 'the file is empty' : `malformed JSON: ${reason}`,
    ...place,
  };
}
