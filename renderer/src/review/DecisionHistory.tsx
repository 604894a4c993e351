// "Decided by" and the append-only history of one finding's decision, under the decision editor.
import { useDocument } from '../state/document-store';
import { STATUS_LABELS } from '../panels/findings/DecisionEditor';

export function DecisionHistory({ findingKey }: { findingKey: string }) {
  const decision = useDocument((s) => s.model?.decisions[findingKey]);
  if (!decision) return null;
  const history = decision.history ?? [];
  return (
    <div className="decision-history" data-testid="decision-history">
      {decision.decidedBy && (
        <p className="small">
          Decided by <strong data-testid="decided-by">{decision.decidedBy}</strong>
        </p>
      )}
      {history.length > 0 && (
        <details open={history.length <= 3}>
          <summary className="small">History ({history.length})</summary>
          <ol className="history small">
            {[...history].reverse().map((h, i) => (
              <li key={i} data-testid="history-entry">
                <span className="muted">{h.at.slice(0, 16).replace('T', ' ')}</span> {h.by || 'someone'} → {STATUS_LABELS[h.status]}
                {h.rationale && <div className="muted">“{h.rationale}”</div>}
                {h.estimates && h.estimates.length > 0 && <div className="muted">estimates: {h.estimates.map((e) => `${e.by} ${e.likelihood}×${e.impact}`).join(', ')}</div>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
