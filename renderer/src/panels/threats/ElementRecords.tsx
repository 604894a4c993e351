// The records a user keeps on one component, flow or zone besides its facts: whether it is out of
// scope (and why), and the threats they wrote on it.
import { useId, useState } from 'react';
import type { FieldDef } from '../../../../core/kinds';
import type { Model, UserThreat } from '../../../../core/model/schema';
import { useDocument } from '../../state/document-store';
import { useFindings } from '../../state/findings-store';
import { useSelection } from '../../state/selection-store';
import { STATUS_LABELS } from '../findings/DecisionEditor';
import { ThreatEditor } from './ThreatEditor';
import './records.css';
import { freshThreatId, putThreat, removeThreat, setOutOfScope, type Subject } from './threat-edits';

function OutOfScopeField({ subject, reason }: { subject: Subject; reason: string | undefined }) {
  const id = useId();
  const on = reason !== undefined;
  const edit = (next: string | null, coalesce?: boolean) =>
    useDocument.getState().edit((m) => setOutOfScope(m, subject, next), coalesce ? { coalesce: `scope:${subject.id}` } : undefined);
  return (
    <section className="field-group out-of-scope" aria-label="Scope">
      <label className="field-boolean">
        <input type="checkbox" checked={on} onChange={(e) => edit(e.target.checked ? 'Not part of this review' : null)} data-testid="out-of-scope" />
        <span>Out of scope</span>
      </label>
      {on && (
        <div className="field">
          <label htmlFor={id}>Why it is out of scope</label>
          <textarea
            id={id}
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => edit(e.target.value, true)}
            onBlur={(e) => {
              if (!e.target.value.trim()) edit('Not part of this review');
            }}
            data-testid="out-of-scope-reason"
          />
          <p className="help">Its findings are listed apart and do not count towards the totals.</p>
        </div>
      )}
    </section>
  );
}

function ThreatRow({ threat, onEdit }: { threat: UserThreat; onEdit: () => void }) {
  const finding = useFindings((s) => s.result?.findings.find((f) => f.key === `threat:${threat.id}`));
  const status = useDocument((s) => s.model?.decisions[`threat:${threat.id}`]?.status ?? 'open');
  return (
    <li className="user-threat" data-testid="user-threat" data-threat={threat.id}>
      <button type="button" className="link" onClick={() => finding && useSelection.getState().focusFinding(finding.key, [threat.subject.id])} disabled={!finding}>
        {threat.title}
      </button>{' '}
      <span className="muted small">
        L{threat.likelihood} × I{threat.impact} = {threat.likelihood * threat.impact}
        {status !== 'open' ? ` · ${STATUS_LABELS[status]}` : ''}
      </span>
      <span className="row-actions">
        <button type="button" onClick={onEdit} aria-label={`Edit threat “${threat.title}”`}>
          Edit
        </button>
        <button type="button" className="danger" aria-label={`Delete threat “${threat.title}”`} onClick={() => useDocument.getState().edit((m) => removeThreat(m, threat.id))}>
          Delete
        </button>
      </span>
    </li>
  );
}

export function ElementRecords({
  subject,
  label,
  outOfScope,
  controls,
  model,
}: {
  subject: Subject;
  label: string;
  outOfScope: string | undefined;
  controls: Readonly<Record<string, FieldDef>>;
  model: Model;
}) {
  const [editing, setEditing] = useState<UserThreat | null>(null);
  const threats = model.threats.filter((t) => t.subject.type === subject.type && t.subject.id === subject.id);
  const blank = (): UserThreat => ({ id: freshThreatId(model), subject, title: '', description: '', atlas: [], owasp: [], likelihood: 3, impact: 3, controls: [] });
  return (
    <>
      <OutOfScopeField subject={subject} reason={outOfScope} />
      <section className="field-group" aria-label="Threats you wrote">
        <h3>Threats you wrote ({threats.length})</h3>
        {threats.length > 0 && (
          <ul className="plain-list">
            {threats.map((t) => (
              <ThreatRow key={t.id} threat={t} onEdit={() => setEditing(t)} />
            ))}
          </ul>
        )}
        <button type="button" onClick={() => setEditing(blank())} data-testid="add-threat">
          Add a threat…
        </button>
      </section>
      {editing && (
        <ThreatEditor
          threat={editing}
          subjectLabel={label}
          controls={controls}
          onClose={() => setEditing(null)}
          onSave={(threat) => {
            useDocument.getState().edit((m) => putThreat(m, threat));
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
