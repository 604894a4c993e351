// A small page that mounts the catalog browser and the risk views on their own (for end-to-end tests
// and screenshots while the main app wires them): ?findings=N generates N fixture findings over the
// catalog's real techniques; ?theme=dark switches the theme.
import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles.css';
import './harness.css';
import { CatalogBrowser } from './CatalogBrowser';
import { useCatalogNav } from './catalog-nav';
import { useMatrix } from './catalog-data';
import { RiskViews } from '../risk/RiskViews';
import { fixtureFindings } from '../risk/findings-fixture';
import { matchesFilter, type FindingFilter } from '../state/finding-filter';

const params = new URLSearchParams(window.location.search);
const findingCount = Math.max(0, Math.min(20000, Number(params.get('findings') ?? '60') || 0));
if (params.get('theme') === 'dark') document.documentElement.dataset.theme = 'dark';

function Harness() {
  const matrix = useMatrix();
  const catalogOpen = useCatalogNav((s) => s.open);
  const [filter, setFilter] = useState<FindingFilter | null>(null);
  useEffect(() => useCatalogNav.getState().openCatalog(), []);
  const findings = useMemo(() => {
    if (matrix.state !== 'ready') return [];
    const techniques = matrix.value.tactics.flatMap((tactic) =>
      tactic.techniques.flatMap((t) =>
        [t, ...t.subtechniques].map((x) => ({ id: x.id, tactics: [tactic.id] })),
      ),
    );
    return fixtureFindings(findingCount, techniques);
  }, [matrix]);
  const onFilter = useCallback((f: FindingFilter) => setFilter(f), []);
  const matching = useMemo(
    () => (filter ? findings.filter((f) => matchesFilter(f, filter)).length : null),
    [findings, filter],
  );

  return (
    <div className="harness">
      <main className="harness-main">
        <div className="harness-bar">
          <button type="button" onClick={() => useCatalogNav.getState().openCatalogEntry('AML.T0051.001')}>
            Open AML.T0051.001
          </button>
          <button type="button" onClick={() => useCatalogNav.getState().openCatalogEntry('LLM01:2025')}>
            Open LLM01:2025
          </button>
          <button
            type="button"
            onClick={() => {
              const root = document.documentElement;
              if (root.dataset.theme === 'dark') delete root.dataset.theme;
              else root.dataset.theme = 'dark';
            }}
          >
            Toggle theme
          </button>
          <span data-testid="filter">
            {filter ? `${JSON.stringify(filter)} → ${matching} findings` : 'no filter'}
          </span>
        </div>
        {matrix.state === 'ready' && <RiskViews findings={findings} onFilter={onFilter} />}
      </main>
      {catalogOpen && (
        <div className="harness-side">
          <CatalogBrowser />
        </div>
      )}
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
