// The search box: instant results as you type (debounced), ↑/↓ to move, Enter to open, Escape to clear.
import { useEffect, useId, useRef, useState } from 'react';
import { callOrThrow } from '../api/client';
import { errorText, type CatalogHit } from './catalog-data';
import { useCatalogNav } from './catalog-nav';
import { TypeBadge } from './EntryLink';

const DEBOUNCE_MS = 80;
const LIMIT = 30;

type SearchState = { query: string; hits: CatalogHit[]; error: string | null };

function useSearch(query: string): SearchState | null {
  const [state, setState] = useState<SearchState | null>(null);
  const revision = useCatalogNav((s) => s.revision);
  useEffect(() => {
    const q = query.trim();
    if (q === '') return;
    let current = true;
    const timer = setTimeout(() => {
      callOrThrow('catalog:search', { query: q.slice(0, 200), limit: LIMIT }).then(
        ({ hits }) => current && setState({ query: q, hits, error: null }),
        (error: unknown) => current && setState({ query: q, hits: [], error: errorText(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, revision]);
  return query.trim() === '' ? null : state;
}

export function CatalogSearch() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useSearch(query);
  const open = useCatalogNav((s) => s.openCatalogEntry);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const hits = results?.hits ?? [];
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, results]);

  const choose = (hit: CatalogHit | undefined) => {
    if (!hit) return;
    open(hit.id);
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(hits.length === 0 ? 0 : (activeIndex + 1) % hits.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(hits.length === 0 ? 0 : (activeIndex - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[activeIndex]);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };

  const showList = results !== null;
  return (
    <div className="cat-search">
      <input
        type="search"
        role="combobox"
        aria-label="Search the catalog"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `${listId}-${activeIndex}` : undefined}
        placeholder="Search ATLAS and OWASP (id, name or words)…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        maxLength={200}
      />
      {showList && (
        <ul className="cat-results" role="listbox" id={listId} ref={listRef} aria-label="Search results">
          {results.error && (
            <li className="error" role="presentation">
              {results.error}
            </li>
          )}
          {!results.error && hits.length === 0 && (
            <li className="muted" role="presentation">
              Nothing matches “{results.query}”.
            </li>
          )}
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(hit)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              data-entry={hit.id}
            >
              <div className="cat-hit-head">
                <TypeBadge type={hit.type} />
                <span className="cat-id">{hit.id}</span>
                <span className="cat-hit-name">{hit.name}</span>
              </div>
              {hit.parentName && (
                <div className="cat-hit-parent muted">sub-technique of {hit.parentName}</div>
              )}
              <div className="cat-hit-summary muted">{hit.summary}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
