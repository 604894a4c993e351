// The canonical serializer: the same model always gives the same bytes, with a stable order of keys
// and of elements, so a saved file diffs cleanly in git.
import type { Model } from './schema';

/** Keys that come first, in this order, wherever they appear; all others follow alphabetically. */
const KEY_ORDER = [
  'schemaVersion', 'meta', 'zones', 'components', 'flows', 'decisions', 'layout',
  'id', 'kind', 'label', 'title', 'source', 'target', 'zone', 'parent', 'status', 'description',
];
const KEY_RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = KEY_RANK.get(a) ?? Infinity;
  const rb = KEY_RANK.get(b) ?? Infinity;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sortValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortValue);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortValue(v);
  }
  return out;
}

/** Elements sorted by id; every object's keys in canonical order; 2-space indent; final newline. */
export function serializeModel(model: Model): string {
  const ordered = {
    ...model,
    zones: byId(model.zones),
    components: byId(model.components),
    flows: byId(model.flows),
  };
  return JSON.stringify(sortValue(ordered), null, 2) + '\n';
}
