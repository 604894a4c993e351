import { useMemo, useState } from 'react';
import type { Finding } from '../../../../core/engine/types';
import { useDocument } from '../../state/document-store';
import { useFindings } from '../../state/findings-store';
import { useSelection } from '../../state/selection-store';
import { findingSubjectIds, matchesFilter, type FindingFilter } from '../../state/finding-filter';
import { FindingFilters, type GroupBy } from './FindingFilters';
import { FindingItem } from './FindingItem';
import { StaleDecisions } from './StaleDecisions';
import { ClosedFindings } from './ClosedFindings';
import { ActiveFilters } from './ActiveFilters';
import { OutOfScopeFindings } from './OutOfScopeFindings';
import { useAllCatalogNames, withName } from '../../catalog/catalog-names';
import { openInScope, outOfScopeReason, scopeIndex } from '../../state/finding-scope';

const LIST_LIMIT = 300;

function groupFindings(findings: readonly Finding[], by: GroupBy, labelOf: (id: string) => string, names: Readonly<Record<string, string>>): Array<[string, Finding[]]> {
  if (by === 'none') return [['', [...findings]]];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const keys = by === 'technique' ? f.atlas.map((a) => withName(a.technique, names)) : [f.subject.type === 'path' ? `Path to ${labelOf(f.path?.at(-1) ?? f.subject.id)}` : f.subject.label];
    for (const k of keys.length ? keys : ['(no ATLAS technique)']) (groups.get(k) ?? groups.set(k, []).get(k)!).push(f);
  }
  return [...groups.entries()];
}

/** Findings of the selection or the whole model, filtered and grouped; decisions edited inline. */
export function FindingsPanel() {
  const result = useFindings((s) => s.result);
  const status = useFindings((s) => s.status);
  const message = useFindings((s) => s.message);
  const packErrors = useFindings((s) => s.packErrors);
  const model = useDocument((s) => s.model);
  const selected = useSelection((s) => s.selected);
  const filter = useSelection((s) => s.filter);
  const setFilter = useSelection((s) => s.setFilter);
  const [scope, setScope] = useState<'selection' | 'model'>('selection');
  const [groupBy, setGroupBy] = useState<GroupBy>('component');

  const labelOf = useMemo(() => {
    const labels = new Map<string, string>();
    for (const c of model?.components ?? []) labels.set(c.id, c.label);
    for (const f of model?.flows ?? []) labels.set(f.id, f.label || f.id);
    return (id: string) => labels.get(id) ?? id;
  }, [model]);

  const names = useAllCatalogNames();
  const index = useMemo(() => scopeIndex(model), [model]);
  const useSelectionScope = scope === 'selection' && selected.size > 0;
  const { shown, apart } = useMemo(() => {
    const all = result?.findings ?? [];
    const passing = all.filter((f) => matchesFilter(f, filter) && (!useSelectionScope || findingSubjectIds(f).some((id) => selected.has(id))));
    return { shown: passing.filter((f) => !outOfScopeReason(f, index)), apart: passing.filter((f) => !!outOfScopeReason(f, index)) };
  }, [result, filter, selected, useSelectionScope, index]);
  const openCount = useMemo(() => openInScope(result?.findings ?? [], index), [result, index]);
  const inScopeTotal = useMemo(() => (result?.findings ?? []).filter((f) => !outOfScopeReason(f, index)).length, [result, index]);
  const groups = useMemo(() => groupFindings(shown.slice(0, LIST_LIMIT), groupBy, labelOf, names), [shown, groupBy, labelOf, names]);
  const filterActive = Object.values(filter).some((v) => v !== undefined);

  return (
    <div className="findings-panel" data-testid="findings-panel">
      <div className="scope" role="radiogroup" aria-label="Scope">
        <button type="button" role="radio" aria-checked={useSelectionScope} className={useSelectionScope ? 'on' : ''} disabled={selected.size === 0} title={selected.size === 0 ? 'Select components or flows on the canvas first' : undefined} onClick={() => setScope('selection')}>
          Selection
        </button>
        <button type="button" role="radio" aria-checked={!useSelectionScope} className={!useSelectionScope ? 'on' : ''} onClick={() => setScope('model')}>
          Whole model
        </button>
        <span className="muted small" data-testid="findings-count" aria-live="polite">
          {shown.length} of {inScopeTotal} findings{status === 'running' ? ' (updating…)' : ''}
        </span>
        <span className="muted small" data-testid="open-count" title="Open findings of in-scope elements in the whole model: the number on the Findings tab">
          · {openCount} open
        </span>
      </div>
      <FindingFilters findings={result?.findings ?? []} filter={filter} onFilter={setFilter as (f: FindingFilter) => void} groupBy={groupBy} onGroupBy={setGroupBy} />
      <ActiveFilters filter={filter} onFilter={setFilter as (f: FindingFilter) => void} names={names} labelOf={labelOf} />
      {status === 'unavailable' && <p className="muted">Live analysis is not available: {message}</p>}
      {status === 'error' && <p className="error">Analysis failed: {message}</p>}
      {packErrors.map((e, i) => (
        <p key={i} className="error small">
          {e}
        </p>
      ))}
      {groups.map(([group, items]) => (
        <section key={group || 'all'} className="finding-group" aria-label={group || 'Findings'}>
          {group && (
            <h3>
              {group} <span className="muted">({items.length})</span>
            </h3>
          )}
          <ul className="finding-list">
            {items.map((f) => (
              <FindingItem key={f.key} finding={f} labelOf={labelOf} />
            ))}
          </ul>
        </section>
      ))}
      {shown.length > LIST_LIMIT && <p className="muted small">Showing the first {LIST_LIMIT}; narrow the filter to see the rest.</p>}
      {result && shown.length === 0 && <p className="muted">No findings{useSelectionScope ? ' on the selection' : ''}{filterActive ? ' match the filter' : ''}.</p>}
      <ClosedFindings findings={result?.closed ?? []} labelOf={labelOf} scopeIds={useSelectionScope ? selected : null} />
      <OutOfScopeFindings findings={apart} index={index} labelOf={labelOf} />
      <StaleDecisions stale={result?.stale ?? []} labelOf={labelOf} />
    </div>
  );
}
