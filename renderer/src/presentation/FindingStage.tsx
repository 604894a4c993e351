import type { Finding } from '../../../core/engine/types';
import { useDocument } from '../state/document-store';
import { RoomRound } from '../room/RoomRound';
import { DecisionForm } from './DecisionForm';

/** The finding under discussion, large: what, why, what would close or lower it, and the decision. */
export function FindingStage({ finding, position, total }: { finding: Finding | undefined; position: number; total: number }) {
  if (!finding) {
    return (
      <section className="stage-empty" data-testid="presentation-empty">
        <h2>Nothing in the queue</h2>
        <p>Every finding has a decision. Switch the queue or end the presentation.</p>
      </section>
    );
  }
  const closing = finding.mitigations.filter((m) => !m.present);
  const model = useDocument.getState().model;
  const labelOf = (t: { type: 'component' | 'flow'; id: string }) =>
    (t.type === 'component' ? model?.components.find((c) => c.id === t.id)?.label : model?.flows.find((f) => f.id === t.id)?.label) || t.id;
  return (
    <article className="stage-finding" data-testid="presentation-finding" data-key={finding.key}>
      <p className="stage-pos muted">
        Finding {position + 1} of {total}
      </p>
      <h2>
        <span className={`sev sev-${finding.residual.severity}`}>{finding.residual.severity}</span> {finding.title}
      </h2>
      <p className="stage-subject">
        on <strong>{finding.subject.label || finding.subject.id}</strong> · likelihood {finding.residual.likelihood} × impact {finding.residual.impact} = {finding.residual.score}
      </p>
      <h3>Why</h3>
      <ul className="stage-reasons">
        {finding.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {closing.length > 0 && (
        <>
          <h3>What would close or lower it</h3>
          <ul className="stage-controls">
            {closing.map((m, i) => (
              <li key={i}>
                {m.label ?? m.control} <span className="muted">on {labelOf(m.target)}</span> <span className={`effect effect-${m.effect ?? 'lowers'}`}>{m.effect === 'closes' ? 'closes' : 'lowers'}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <RoomRound findingKey={finding.key} />
      <DecisionForm findingKey={finding.key} />
    </article>
  );
}
