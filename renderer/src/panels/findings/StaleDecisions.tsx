import type { StaleDecision } from '../../../../core/engine/types';
import { useDocument } from '../../state/document-store';
import { useFindings } from '../../state/findings-store';
import { STATUS_LABELS } from './DecisionEditor';

/** Decisions whose finding no longer appears: kept in the model until someone removes them. */
export function StaleDecisions({ stale, labelOf }: { stale: readonly StaleDecision[]; labelOf: (id: string) => string }) {
  const titles = useFindings((s) => s.ruleTitles);
  if (stale.length === 0) return null;
  // A key is `rule@subject` (or `threat:<id>` for a threat the user wrote and later deleted).
  const describe = (key: string) => {
    if (key.startsWith('threat:')) return { title: 'A threat you wrote (since deleted)', on: '' };
    const at = key.indexOf('@');
    const ruleId = at < 0 ? key : key.slice(0, at);
    const subject = at < 0 ? '' : key.slice(at + 1);
    return { title: titles[ruleId] ?? ruleId, on: subject ? labelOf(subject) : '' };
  };
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
          <li key={d.key} data-testid="stale-decision">
            <strong>{describe(d.key).title}</strong>
            {describe(d.key).on && ` on ${describe(d.key).on}`} — {STATUS_LABELS[d.status]}
            {d.rationale && `: ${d.rationale}`}{' '}
            <button type="button" className="link" onClick={() => remove(d.key)} aria-label={`Remove stale decision ${d.key}`}>
              Remove
            </button>
            <br />
            <code className="muted small" title="The finding key this decision is stored under">
              {d.key}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
