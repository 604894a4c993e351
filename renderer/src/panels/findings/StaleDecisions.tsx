import type { StaleDecision } from '../../../../core/engine/types';
import { useDocument } from '../../state/document-store';
import { STATUS_LABELS } from './DecisionEditor';

/** Decisions whose finding no longer appears: kept in the model until someone removes them. */
export function StaleDecisions({ stale }: { stale: readonly StaleDecision[] }) {
  if (stale.length === 0) return null;
  const remove = (key: string) =>
    useDocument.getState().edit((m) => {
      const decisions = { ...m.decisions };
      delete decisions[key];
      return { ...m, decisions };
    });
  return (
    <section className="stale" aria-label="Stale decisions" data-testid="stale-decisions">
      <h3>Stale decisions ({stale.length})</h3>
      <p className="muted small">These findings no longer appear (the model or the rules changed). Their decisions are kept.</p>
      <ul className="plain-list">
        {stale.map((d) => (
          <li key={d.key}>
            <code>{d.key}</code> — {STATUS_LABELS[d.status]}
            {d.rationale && `: ${d.rationale}`}{' '}
            <button type="button" className="link" onClick={() => remove(d.key)} aria-label={`Remove stale decision ${d.key}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
