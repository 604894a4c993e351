// Fetching catalog data for the views: one small hook per call, refetched after a catalog update.
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../core/api/contract';
import { callOrThrow } from '../api/client';
import { useCatalogNav } from './catalog-nav';

export type CatalogMatrix = ApiOutput<'catalog:matrix'>;
export type CatalogEntryData = ApiOutput<'catalog:get'>['entry'];
export type CatalogHit = ApiOutput<'catalog:search'>['hits'][number];

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `load` whenever `key` or the catalog revision changes; drops answers that arrive too late. */
export function useLoaded<T>(key: string | null, load: (key: string) => Promise<T>): Loaded<T> {
  const revision = useCatalogNav((s) => s.revision);
  const [result, setResult] = useState<{ for: string; loaded: Loaded<T> } | null>(null);
  const tag = `${revision}\u0000${key ?? ''}`;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    load(key).then(
      (value) => current && setResult({ for: tag, loaded: { state: 'ready', value } }),
      (error: unknown) =>
        current && setResult({ for: tag, loaded: { state: 'error', message: errorText(error) } }),
    );
    return () => {
      current = false;
    };
    // `load` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tag]);
  return result && result.for === tag ? result.loaded : { state: 'loading' };
}

const loadMatrix = () => callOrThrow('catalog:matrix', {});
const loadEntry = (id: string) => callOrThrow('catalog:get', { id }).then((r) => r.entry);
const loadList = (list: string) =>
  callOrThrow('catalog:list', { type: 'owasp', list: list as 'llm-2025' | 'ml-2023' }).then((r) => r.entries);
const loadStats = () => callOrThrow('catalog:stats', {});

export const useMatrix = () => useLoaded<CatalogMatrix>('matrix', loadMatrix);
export const useEntry = (id: string | null) => useLoaded<CatalogEntryData>(id, loadEntry);
export const useOwaspList = (list: 'llm-2025' | 'ml-2023') => useLoaded<CatalogHit[]>(list, loadList);
export const useStats = () => useLoaded<ApiOutput<'catalog:stats'>>('stats', loadStats);
