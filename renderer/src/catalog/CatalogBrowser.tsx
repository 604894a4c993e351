// The catalog browser (right sidebar): search, the ATLAS matrix, the OWASP lists, entry details with
// Back, and "Update catalog…".
import { useState } from 'react';
import './catalog.css';
import { useCatalogNav, type CatalogHome } from './catalog-nav';
import { useStats } from './catalog-data';
import { CatalogSearch } from './CatalogSearch';
import { AtlasMatrix } from './AtlasMatrix';
import { OwaspList } from './OwaspLists';
import { CatalogDetail } from './CatalogDetail';
import { CatalogImport } from './CatalogImport';

const HOMES: Array<{ id: CatalogHome; label: string }> = [
  { id: 'matrix', label: 'ATLAS matrix' },
  { id: 'llm-2025', label: 'OWASP LLM 2025' },
  { id: 'ml-2023', label: 'OWASP ML 2023' },
];

function CatalogStatus() {
  const stats = useStats();
  if (stats.state !== 'ready') return null;
  const s = stats.value;
  return (
    <p className="cat-status muted" data-testid="catalog-status">
      ATLAS {s.atlasVersion} · {s.techniques} techniques, {s.subtechniques} sub-techniques, {s.mitigations}{' '}
      mitigations, {s.caseStudies} case studies · OWASP {s.owaspLlm + s.owaspMl} ·{' '}
      {s.textSource === 'official' ? 'official text' : 'built-in summaries'}
    </p>
  );
}

export function CatalogBrowser() {
  const entryId = useCatalogNav((s) => s.entryId);
  const home = useCatalogNav((s) => s.home);
  const canGoBack = useCatalogNav((s) => s.entryId !== null || s.history.length > 0);
  const { back, showHome, closeCatalog } = useCatalogNav.getState();
  const [importing, setImporting] = useState(false);

  return (
    <aside
      className="cat-browser"
      aria-label="Catalog"
      onKeyDown={(event) => {
        if (event.altKey && event.key === 'ArrowLeft' && canGoBack) {
          event.preventDefault();
          back();
        }
      }}
    >
      <header className="cat-head">
        <button type="button" onClick={back} disabled={!canGoBack} aria-label="Back" title="Back (Alt+←)">
          ← Back
        </button>
        <h2>Catalog</h2>
        <button type="button" onClick={() => setImporting(!importing)} aria-expanded={importing}>
          Update catalog…
        </button>
        <button type="button" className="icon" aria-label="Close catalog" onClick={closeCatalog}>
          ×
        </button>
      </header>
      <CatalogSearch />
      <nav className="cat-tabs" aria-label="Catalog lists">
        {HOMES.map((h) => (
          <button
            key={h.id}
            type="button"
            aria-current={entryId === null && home === h.id ? 'page' : undefined}
            onClick={() => showHome(h.id)}
          >
            {h.label}
          </button>
        ))}
      </nav>
      {importing && <CatalogImport onClose={() => setImporting(false)} />}
      <div className="cat-body">
        {entryId !== null ? (
          <CatalogDetail id={entryId} />
        ) : home === 'matrix' ? (
          <AtlasMatrix />
        ) : (
          <OwaspList list={home} />
        )}
      </div>
      <CatalogStatus />
    </aside>
  );
}
