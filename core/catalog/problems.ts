// Turning parser and schema failures into problems that name the place: `file[3].name`, `matrices[0].techniques[12].tactics`.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { CatalogProblem } from './types';

/** Joins a path as a person reads it: keys with dots, indexes in brackets. */
export function formatPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function zodProblems(base: string, error: z.ZodError, limit = 50): CatalogProblem[] {
  return error.issues.slice(0, limit).map((issue) => ({ path: formatPath(base, issue.path), message: issue.message }));
}

/** Parses YAML text; a syntax error becomes a problem with its line and column. */
export function parseYamlText(text: string, where: string): { ok: true; value: unknown } | { ok: false; errors: CatalogProblem[] } {
  try {
    // The default YAML 1.2 core schema keeps unquoted dates as strings; aliases are capped against blow-ups.
    return { ok: true, value: parseYaml(text, { maxAliasCount: 100 }) as unknown };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      const at = pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere';
      return { ok: false, errors: [{ path: where, message: `not valid YAML at ${at}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` }] };
    }
    return { ok: false, errors: [{ path: where, message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** YAML dates may arrive as strings ("2022-01-24") or, under a YAML 1.1 schema, as Date objects. */
export function normalizeDate(value: string | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.trim();
}

/** Each id once, first occurrence kept, order preserved. */
export function uniqueInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
