import { useId } from 'react';
import { DECISION_STATUSES, type Decision, type DecisionStatus } from '../../../../core/model/schema';
import { useDocument } from '../../state/document-store';
import { useReview } from '../../review/review-store';
import { changeDecision } from '../../review/review-edits';
import { DecisionHistory } from '../../review/DecisionHistory';

export const STATUS_LABELS: Record<DecisionStatus, string> = {
  open: 'Open',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
  'not-applicable': 'Not applicable',
};

/** Status changes append to the decision's history under the user's display name (review/review-edits). */
function setDecision(key: string, change: Partial<Decision>, coalesce?: string) {
  const by = useReview.getState().displayName;
  useDocument.getState().edit((m) => changeDecision(m, key, change, by), coalesce ? { coalesce: `decision:${key}:${coalesce}` } : undefined);
}

/** What the team decided about one finding, stored in the model under the finding's key. */
export function DecisionEditor({ findingKey }: { findingKey: string }) {
  const decision = useDocument((s) => s.model?.decisions[findingKey]);
  const id = useId();
  const status = decision?.status ?? 'open';
  return (
    <div className="decision" data-testid="decision-editor">
      <label htmlFor={`${id}-status`}>Status</label>
      <select id={`${id}-status`} value={status} data-testid="decision-status" onChange={(e) => setDecision(findingKey, { status: e.target.value as DecisionStatus })}>
        {DECISION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-rationale`}>Rationale</label>
      <textarea
        id={`${id}-rationale`}
        rows={2}
        maxLength={20000}
        value={decision?.rationale ?? ''}
        data-testid="decision-rationale"
        onChange={(e) => setDecision(findingKey, { rationale: e.target.value }, 'rationale')}
      />
      <label htmlFor={`${id}-owner`}>Owner</label>
      <input id={`${id}-owner`} maxLength={200} value={decision?.owner ?? ''} data-testid="decision-owner" onChange={(e) => setDecision(findingKey, { owner: e.target.value }, 'owner')} />
      <label htmlFor={`${id}-due`}>Due date</label>
      <input id={`${id}-due`} type="date" value={decision?.due?.slice(0, 10) ?? ''} onChange={(e) => setDecision(findingKey, { due: e.target.value })} />
      <label htmlFor={`${id}-ticket`}>Ticket</label>
      <input id={`${id}-ticket`} maxLength={200} value={decision?.ticket ?? ''} onChange={(e) => setDecision(findingKey, { ticket: e.target.value }, 'ticket')} />
      <DecisionHistory findingKey={findingKey} />
    </div>
  );
}
