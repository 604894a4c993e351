import { useEffect, useId, useState } from 'react';
import { DECISION_STATUSES, type DecisionStatus } from '../../../core/model/schema';
import { STATUS_LABELS } from '../panels/findings/DecisionEditor';
import { useDocument } from '../state/document-store';
import { useRoom } from '../room/room-store';
import { usePresentation } from './presentation-store';
import { recordDecision } from './record-decision';

/** Records the room's decision on the finding under discussion, with the revealed estimates. */
export function DecisionForm({ findingKey }: { findingKey: string }) {
  const id = useId();
  const decision = useDocument((s) => s.model?.decisions[findingKey]);
  const room = useRoom((s) => s.status);
  const facilitator = usePresentation((s) => s.facilitator);
  const [status, setStatus] = useState<DecisionStatus>('mitigated');
  const [rationale, setRationale] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  useEffect(() => {
    setRationale('');
    setOwner('');
    setDue('');
  }, [findingKey]);
  const revealed = room?.open && room.focus?.key === findingKey && room.phase === 'revealed' ? room.estimates : [];
  const record = () => {
    const at = recordDecision(findingKey, { status, rationale, by: facilitator, owner, due, estimates: revealed });
    usePresentation.getState().noteDiscussed({ key: findingKey, estimates: [...revealed], decision: { status, rationale, by: facilitator, at, owner, due } });
  };
  return (
    <section className="decision-form" aria-label="Decision" data-testid="presentation-decision">
      <div className="status-choices" role="radiogroup" aria-label="Decision status">
        {DECISION_STATUSES.filter((s) => s !== 'open').map((s) => (
          <label key={s} className={status === s ? 'choice on' : 'choice'}>
            <input type="radio" name={`${id}-status`} checked={status === s} onChange={() => setStatus(s)} />
            {STATUS_LABELS[s]}
          </label>
        ))}
      </div>
      <textarea aria-label="Rationale" placeholder="Why (rationale)" value={rationale} onChange={(e) => setRationale(e.target.value)} data-testid="presentation-rationale" rows={2} />
      <div className="row">
        <input aria-label="Action owner" placeholder="Action owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
        <input aria-label="Due date" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        <button className="primary" onClick={record} data-testid="presentation-record">
          Record decision{revealed.length > 0 ? ` (${revealed.length} estimates)` : ''}
        </button>
      </div>
      {decision && decision.history.length > 0 && (
        <p className="muted" data-testid="presentation-decided">
          {STATUS_LABELS[decision.status]} — decided by {decision.decidedBy ?? decision.history.at(-1)!.by} ({decision.history.length} {decision.history.length === 1 ? 'entry' : 'entries'} in its history)
        </p>
      )}
    </section>
  );
}
