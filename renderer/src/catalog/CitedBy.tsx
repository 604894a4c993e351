// On a catalog page: the findings of the open model that cite this entry (as technique, tactic,
// OWASP risk or advised mitigation); a click shows the finding in the findings panel.
import { useMemo } from 'react';
import type { Finding } from '../../../core/engine/types';
import { useFindings } from '../state/findings-store';
import { useSelection } from '../state/selection-store';
import { findingSubjectIds } from '../state/finding-filter';
import { useCatalogNav } from './catalog-nav';

export function citesEntry(f: Finding, id: string): boolean {
  return (
    f.atlas.some((a) => a.technique === id || a.technique.startsWith(`${id}.`) || a.tactics.includes(id)) ||
    f.owasp.includes(id) ||
    f.mitigations.some((m) => m.atlas.includes(id))
  );
}

export function CitedBy({ id }: { id: string }) {
  const result = useFindings((s) => s.result);
  const cited = useMemo(() => (result?.findings ?? []).filter((f) => citesEntry(f, id)), [result, id]);
  if (!result) return null;
  const show = (f: Finding) => {
    useCatalogNav.getState().closeCatalog();
    useSelection.getState().setTab('findings');
    useSelection.getState().focusFinding(f.key, findingSubjectIds(f));
  };
  return (
    <section className="cat-section cited-by" aria-label="Cited by findings in this model" data-testid="cited-by">
      <h4>Cited by findings in this model ({cited.length})</h4>
      {cited.length === 0 ? (
        <p className="muted small">No finding of the open model cites it.</p>
      ) : (
        <ul className="plain-list">
          {cited.slice(0, 50).map((f) => (
            <li key={f.key}>
              <button type="button" className="link" onClick={() => show(f)}>
                {f.title}
              </button>{' '}
              <span className="muted small">on {f.subject.label}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
