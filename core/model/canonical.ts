// The canonical serializer: the same model always gives the same bytes, with a stable order of keys
// and of elements, so a saved file diffs cleanly in git.
import type { Model } from './schema';

/** Keys that come first, in this order, wherever they appear; all others follow alphabetically. */
const KEY_ORDER = [
  'schemaVersion', 'meta', 'zones', 'components', 'flows', 'threats', 'decisions', 'overrides', 'comments', 'baselines', 'views', 'layout',
  'id', 'kind', 'label', 'title', 'source', 'target', 'zone', 'parent', 'status', 'description',
];
type KeyRank = ReadonlyMap<string, number>;
const rankOf = (order: readonly string[]): KeyRank => new Map(order.map((key, index) => [key, index]));
const KEY_RANK = rankOf(KEY_ORDER);
/**
 * In `meta` only, the model's version follows its title (format 2). Elsewhere "version" is an ordinary
 * key (imported components have a "version" fact) and keeps its alphabetical place.
 */
const META_KEY_RANK = rankOf(KEY_ORDER.flatMap((key) => (key === 'title' ? [key, 'version'] : [key])));

function compareKeys(rank: KeyRank, a: string, b: string): number {
  const ra = rank.get(a) ?? Infinity;
  const rb = rank.get(b) ?? Infinity;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sortValue(value: unknown, rank: KeyRank = KEY_RANK): unknown {
  if (Array.isArray(value)) return value.map((item) => sortValue(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort((a, b) => compareKeys(rank, a, b))) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortValue(v);
  }
  return out;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/**
 * Fields added in formats 4–6 are written only when they say something, so a file that does not use
 * them keeps its old bytes (apart from the version line) and its git diffs stay small.
 */
const OMIT_WHEN_EMPTY = ['comments', 'baselines', 'threats', 'overrides', 'views'] as const;
const META_OMIT_WHEN_EMPTY = ['reviewers', 'scope', 'assumptions', 'exclusions', 'methodology'] as const;

function withoutEmpty<T extends object>(object: T, keys: readonly string[]): T {
  let copy: Record<string, unknown> | null = null;
  for (const key of keys) {
    if (Object.hasOwn(object, key) && isEmpty((object as Record<string, unknown>)[key])) {
      copy ??= { ...(object as Record<string, unknown>) };
      delete copy[key];
    }
  }
  return (copy ?? object) as T;
}

function compactMeta(meta: Model['meta']): Model['meta'] {
  const compact = withoutEmpty(meta, META_OMIT_WHEN_EMPTY);
  if (compact.reviewStatus !== 'draft') return compact; // undefined too: nothing to drop
  const { reviewStatus: _draft, ...rest } = compact;
  return rest as Model['meta'];
}

function compactDecisions(decisions: Model['decisions']): Model['decisions'] {
  let out: Model['decisions'] | null = null;
  for (const [key, decision] of Object.entries(decisions)) {
    if (decision.history === undefined || decision.history.length > 0) continue;
    out ??= { ...decisions };
    out[key] = withoutEmpty(decision, ['history']);
  }
  return out ?? decisions;
}

/** Elements sorted by id; every object's keys in canonical order; 2-space indent; final newline. */
export function serializeModel(model: Model): string {
  const ordered = {
    ...withoutEmpty(model, OMIT_WHEN_EMPTY),
    decisions: compactDecisions(model.decisions),
    ...(model.layout ? { layout: withoutEmpty(model.layout, ['labels']) } : {}),
    zones: byId(model.zones),
    components: byId(model.components),
    flows: byId(model.flows),
    ...(model.threats?.length ? { threats: byId(model.threats) } : {}),
    ...(model.comments?.length ? { comments: byId(model.comments) } : {}),
    ...(model.views?.length ? { views: byId(model.views) } : {}),
  };
  const sorted = sortValue(ordered) as Record<string, unknown>;
  sorted.meta = sortValue(compactMeta(model.meta), META_KEY_RANK);
  return JSON.stringify(sorted, null, 2) + '\n';
}
