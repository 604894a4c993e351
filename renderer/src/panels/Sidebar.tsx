import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { Inspector } from './inspector/Inspector';
import { FindingsPanel } from './findings/FindingsPanel';
import { RiskViews } from '../risk/RiskViews';
import { CatalogBrowser } from '../catalog/CatalogBrowser';
import { ChangesPanel } from '../review/ChangesPanel';
import { useCatalogNav } from '../catalog/catalog-nav';
import { useSelection, type SidebarTab } from '../state/selection-store';
import { useFindings } from '../state/findings-store';
import type { FindingFilter } from '../state/finding-filter';
import { useDocument } from '../state/document-store';
import { openInScope, scopeIndex } from '../state/finding-scope';

const TABS: Array<[SidebarTab, string]> = [
  ['inspector', 'Inspector'],
  ['findings', 'Findings'],
  ['risk', 'Risk'],
  ['changes', 'Changes'],
  ['catalog', 'Catalog'],
];

function showFiltered(filter: FindingFilter) {
  const selection = useSelection.getState();
  selection.setFilter(filter);
  selection.setTab('findings');
}

function RiskTab() {
  const findings = useFindings((s) => s.result?.findings);
  return <RiskViews findings={findings ?? []} onFilter={showFiltered} />;
}

/** The right sidebar: Inspector | Findings | Risk | Catalog. */
export function Sidebar() {
  const tab = useSelection((s) => s.tab);
  const catalogOpen = useCatalogNav((s) => s.open);
  const model = useDocument((s) => s.model);
  const result = useFindings((s) => s.result);
  // The same number as the panel's "open" count: open findings of in-scope elements.
  const count = useMemo(() => (result ? openInScope(result.findings, scopeIndex(model)) : undefined), [result, model]);

  useEffect(() => {
    // A chip elsewhere called openCatalogEntry(): show the catalog tab.
    if (catalogOpen) useSelection.getState().setTab('catalog');
    else if (useSelection.getState().tab === 'catalog') useSelection.getState().setTab('findings');
  }, [catalogOpen]);

  const choose = (next: SidebarTab) => {
    if (next === 'catalog') useCatalogNav.getState().openCatalog();
    else if (useCatalogNav.getState().open) useCatalogNav.getState().closeCatalog();
    useSelection.getState().setTab(next);
  };
  /** Arrow keys, Home and End choose a tab and move focus with it (the ARIA tabs pattern). */
  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.findIndex(([id]) => id === tab);
    const keys: Record<string, number> = {
      ArrowRight: i + 1,
      ArrowLeft: i + TABS.length - 1,
      Home: 0,
      End: TABS.length - 1,
    };
    const to = keys[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = TABS[to % TABS.length]![0];
    choose(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <aside className="sidebar" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Sidebar" onKeyDown={onKeyDown}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'on' : ''}
            data-testid={`tab-${id}`}
            onClick={() => choose(id)}
          >
            {label}
            {id === 'findings' && count !== undefined && <span className="tab-count" data-testid="tab-open-count" title={`${count} open findings in scope`}>{count}</span>}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'inspector' && <Inspector />}
        {tab === 'findings' && <FindingsPanel />}
        {tab === 'risk' && <RiskTab />}
        {tab === 'changes' && <ChangesPanel />}
        {tab === 'catalog' && <CatalogBrowser />}
      </div>
    </aside>
  );
}
