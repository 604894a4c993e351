// Field definitions shared by facts and controls: the UI builds inspector forms from them and the
// engine reads values through them (defaults included). Each one turns into a zod schema.
import { z } from 'zod';

export interface FieldOption {
  value: string;
  label: string;
}

interface FieldBase {
  label: string;
  help: string;
}

export type FieldDef =
  | (FieldBase & { type: 'boolean'; default: boolean })
  | (FieldBase & { type: 'enum'; options: readonly FieldOption[]; default: string })
  | (FieldBase & { type: 'list'; options: readonly FieldOption[]; default: readonly string[] });

export type FieldValue = boolean | string | readonly string[];

export function options(...pairs: Array<[string, string]>): FieldOption[] {
  return pairs.map(([value, label]) => ({ value, label }));
}

/** The zod schema of one field (unknown options are rejected so that typos surface). */
export function fieldSchema(def: FieldDef): z.ZodType {
  switch (def.type) {
    case 'boolean':
      return z.boolean().default(def.default);
    case 'enum':
      return z.enum(def.options.map((o) => o.value) as [string, ...string[]]).default(def.default);
    case 'list':
      return z.array(z.enum(def.options.map((o) => o.value) as [string, ...string[]])).default([...def.default]);
  }
}

/** A strict-ish object schema: the listed fields are typed with defaults; other keys pass through. */
export function fieldsSchema(defs: Readonly<Record<string, FieldDef>>): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [id, def] of Object.entries(defs)) shape[id] = fieldSchema(def);
  return z.looseObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** True when `value` (a fact value) satisfies `wanted` (scalar equality, list membership, any-of). */
export function factMatches(value: unknown, wanted: boolean | string | readonly string[]): boolean {
  if (Array.isArray(wanted)) {
    if (Array.isArray(value)) return value.some((v) => wanted.includes(v as string));
    return typeof value === 'string' && wanted.includes(value);
  }
  if (Array.isArray(value)) return typeof wanted === 'string' && value.includes(wanted);
  return value === wanted;
}
