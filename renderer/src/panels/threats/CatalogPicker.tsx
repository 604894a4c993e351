// Picks catalog ids (ATLAS techniques or OWASP risks) by searching the local catalog: type a word,
// click a hit to add it; chosen ids show with their names and can be removed.
import { useEffect, useId, useState } from 'react';
import { callOrThrow } from '../../api/client';
import type { CatalogHit } from '../../catalog/catalog-data';
import { useAllCatalogNames } from '../../catalog/catalog-names';

export function CatalogPicker({
  label,
  types,
  value,
  onChange,
  testId,
}: {
  label: string;
  types: Array<'technique' | 'owasp'>;
  value: string[];
  onChange: (ids: string[]) => void;
  testId: string;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CatalogHit[]>([]);
  const names = useAllCatalogNames();
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      callOrThrow('catalog:search', { query: q.slice(0, 200), limit: 8, types }).then(
        (r) => current && setHits(r.hits),
        () => current && setHits([]),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `types` is a literal at each call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);
  return (
    <div className="field catalog-picker" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <ul className="picked">
        {value.map((v) => (
          <li key={v} className="chip-picked">
            <span title={names[v] ?? v}>
              {v}
              {names[v] ? ` ${names[v]}` : ''}
            </span>
            <button type="button" className="icon" aria-label={`Remove ${v}`} onClick={() => onChange(value.filter((x) => x !== v))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input id={id} type="search" placeholder="Search the catalog" value={query} onChange={(e) => setQuery(e.target.value)} data-testid={`${testId}-search`} />
      {hits.length > 0 && (
        <ul className="picker-hits" role="listbox" aria-label={`${label}: search results`}>
          {hits.map((h) => (
            <li key={h.id}>
              <button
                type="button"
                role="option"
                aria-selected={value.includes(h.id)}
                disabled={value.includes(h.id)}
                onClick={() => {
                  onChange([...value, h.id]);
                  setQuery('');
                }}
              >
                <strong>{h.id}</strong> {h.parentName ? `${h.parentName}: ` : ''}
                {h.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
