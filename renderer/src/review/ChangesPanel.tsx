// "Changes since baseline": what changed in the model and its findings since the latest sign-off,
// with a switch that tints added and changed elements on the canvas and outlines removed ones.
import type { ReactNode } from 'react';
import { describeField, summaryLine } from '../../../core/diff/format';
import type { FindingRef } from '../../../core/diff/types';
import { useDocument } from '../state/document-store';
import { useSelection } from '../state/selection-store';
import { useReview } from './review-store';
import { REVIEW_STATUS_LABELS } from './ReviewSection';

function Section({ title, count, children, testId }: { title: string; count: number; children: ReactNode; testId: string }) {
  if (count === 0) return null;
  return (
    <section className="changes-section" data-testid={testId}>
      <h4>
        {title} <span className="muted small">({count})</span>
      </h4>
      <ul className="changes-list">{children}</ul>
    </section>
  );
}

const Finding = ({ f, note }: { f: FindingRef; note?: string }) => (
  <li>
    <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.title} <span className="muted small">— {f.subject}</span>
    {note && <div className="muted small">{note}</div>}
  </li>
);

export function ChangesPanel() {
  const model = useDocument((s) => s.model);
  const diff = useReview((s) => s.diff);
  const checks = useReview((s) => s.checks);
  const tint = useReview((s) => s.tintCanvas);
  if (!model) return <p className="muted pad">No model open.</p>;
  const latest = model.baselines.at(-1);
  if (!latest)
    return (
      <div className="changes-panel pad" data-testid="changes-panel">
        <p className="muted">No review has been signed off yet. Sign one off in the inspector's Review section (click the empty canvas) to compare later changes with it.</p>
      </div>
    );
  const check = checks.find((c) => c.id === latest.id);
  if (check && !check.ok)
    return (
      <div className="changes-panel pad" data-testid="changes-panel">
        <div className="tamper-flag" role="alert" data-testid="changes-tampered">
          ⚠ The latest baseline ({latest.id}, signed {latest.signedAt.slice(0, 10)}) is tampered: {check.problem}. Changes cannot be shown against it.
        </div>
      </div>
    );
  if (!diff) return <p className="muted pad">Comparing with the last sign-off…</p>;
  const select = (id: string) => useSelection.getState().select([id]);
  const f = diff.findings;
  return (
    <div className="changes-panel pad" data-testid="changes-panel">
      <h3>Changes since baseline</h3>
      <p className="small">
        {REVIEW_STATUS_LABELS[latest.status]} on {latest.signedAt.slice(0, 16).replace('T', ' ')}
        {latest.signedBy.length > 0 && <> by {latest.signedBy.join(', ')}</>} · <span className="verified">✓ verified</span>
      </p>
      <label className="check-inline">
        <input type="checkbox" checked={tint} onChange={(e) => useReview.getState().setTintCanvas(e.target.checked)} data-testid="tint-canvas" />
        Show changes on the canvas
      </label>
      <p className="muted small" data-testid="changes-summary">
        {summaryLine(diff)}
      </p>
      <Section title="Architecture" count={diff.elements.length} testId="changes-architecture">
        {diff.elements.map((e) => (
          <li key={`${e.type}:${e.id}`} className={`change-${e.change}`}>
            <button type="button" className="link" disabled={e.change === 'removed'} onClick={() => select(e.id)}>
              {e.change} {e.type} “{e.label}”
            </button>
            {e.fields.length > 0 && (
              <ul className="muted small">
                {e.fields.map((c) => (
                  <li key={c.field}>{describeField(c)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </Section>
      <Section title="New findings" count={f.new.length} testId="changes-new">
        {f.new.map((x) => (
          <Finding key={x.key} f={x} />
        ))}
      </Section>
      <Section title="Resolved findings" count={f.resolved.length} testId="changes-resolved">
        {f.resolved.map((x) => (
          <Finding key={x.key} f={x} note="no longer found" />
        ))}
      </Section>
      <Section title="Closed by a control" count={f.closed.length} testId="changes-closed">
        {f.closed.map((x) => (
          <Finding key={x.key} f={x} note={`closed by ${x.by.map((b) => `${b.label} on ${b.targetLabel}`).join(', ')}`} />
        ))}
      </Section>
      <Section title="Reopened" count={f.reopened.length} testId="changes-reopened">
        {f.reopened.map((x) => (
          <Finding key={x.key} f={x} note="its closing control is gone" />
        ))}
      </Section>
      <Section title="Severity changed" count={f.severityChanged.length} testId="changes-severity">
        {f.severityChanged.map((x) => (
          <Finding key={x.key} f={x} note={`was ${x.before}`} />
        ))}
      </Section>
      <Section title="Decisions" count={diff.decisions.changed.length + diff.decisions.stale.length} testId="changes-decisions">
        {diff.decisions.changed.map((d) => (
          <li key={d.key}>
            <code>{d.key}</code>: {d.change === 'added' ? `decided ${d.after}` : d.change === 'removed' ? `decision removed (was ${d.before})` : `${d.before} → ${d.after}`}
          </li>
        ))}
        {diff.decisions.stale.map((d) => (
          <li key={`stale:${d.key}`}>
            <code>{d.key}</code>: stale (its finding is gone; {d.status} kept)
          </li>
        ))}
      </Section>
      <Section title="Catalog and rule packs" count={diff.versions.length} testId="changes-versions">
        {diff.versions.map((v) => (
          <li key={`${v.what}:${v.id}`}>
            {v.what} {v.id}: {v.before ?? '(none)'} → {v.after ?? '(none)'}
          </li>
        ))}
      </Section>
      <Section title="Model details" count={diff.meta.length} testId="changes-meta">
        {diff.meta.map((c) => (
          <li key={c.field}>{describeField(c)}</li>
        ))}
      </Section>
      <Section title="Layout only (no change to the threat model)" count={diff.layout.length} testId="changes-layout">
        {diff.layout.map((l) => (
          <li key={`${l.id}:${l.what}`}>
            {l.type} “{l.label}” {l.what}
          </li>
        ))}
      </Section>
    </div>
  );
}
