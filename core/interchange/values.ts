// Reading loosely typed parsed documents (JSON, YAML) with errors that name the place.
import { invalid } from './types';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A list at `pointer`: absent or null is empty, anything else but a list is an error. */
export function list(v: unknown, pointer: string, what: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalid(pointer, `${what} must be a list (found ${typeof v})`);
  return v;
}

/** An object entry of a list, or an error naming it. */
export function entry(v: unknown, pointer: string, what: string): Obj {
  if (!isObj(v)) throw invalid(pointer, `each ${what} must be an object`);
  return v;
}

/** Required text at `pointer`. */
export function text(o: Obj, key: string, pointer: string, what: string): string {
  const v = o[key];
  if (typeof v === 'string' && v.trim()) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw invalid(`${pointer}/${key}`, `${what} needs a "${key}" (text)${v === undefined ? '' : `, not ${JSON.stringify(v).slice(0, 40)}`}`);
}

export const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();
