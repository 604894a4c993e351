// The dialog that writes or edits one threat on a component, flow or zone: title, description,
// ATLAS and OWASP ids from the catalog, likelihood × impact, and the controls that mitigate it.
import { useId, useState } from 'react';
import type { FieldDef } from '../../../../core/kinds';
import type { UserThreat } from '../../../../core/model/schema';
import { Modal } from '../Modal';
import { CatalogPicker } from './CatalogPicker';

const SCORES = [1, 2, 3, 4, 5] as const;
const LIKELIHOOD = ['', 'rare', 'unlikely', 'possible', 'likely', 'almost certain'];
const IMPACT = ['', 'negligible', 'minor', 'moderate', 'major', 'severe'];

export function ThreatEditor({
  threat,
  subjectLabel,
  controls,
  onSave,
  onClose,
}: {
  threat: UserThreat;
  subjectLabel: string;
  controls: Readonly<Record<string, FieldDef>>;
  onSave: (threat: UserThreat) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(threat);
  const set = (change: Partial<UserThreat>) => setDraft((d) => ({ ...d, ...change }));
  const title = draft.title.trim();
  return (
    <Modal title={`Threat on “${subjectLabel}”`} onClose={onClose}>
      <form
        className="threat-editor"
        data-testid="threat-editor"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title) return;
          onSave({ ...draft, title });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} data-autofocus required maxLength={200} value={draft.title} onChange={(e) => set({ title: e.target.value })} data-testid="threat-title" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea id={`${id}-description`} rows={3} maxLength={20000} value={draft.description} onChange={(e) => set({ description: e.target.value })} data-testid="threat-description" />
        </div>
        <CatalogPicker label="ATLAS techniques" types={['technique']} value={draft.atlas} onChange={(atlas) => set({ atlas })} testId="threat-atlas" />
        <CatalogPicker label="OWASP risks" types={['owasp']} value={draft.owasp} onChange={(owasp) => set({ owasp })} testId="threat-owasp" />
        <div className="threat-scores">
          <div className="field">
            <label htmlFor={`${id}-likelihood`}>Likelihood</label>
            <select id={`${id}-likelihood`} value={draft.likelihood} onChange={(e) => set({ likelihood: Number(e.target.value) })} data-testid="threat-likelihood">
              {SCORES.map((s) => (
                <option key={s} value={s}>
                  {s} {LIKELIHOOD[s]}
                </option>
              ))}
            </select>
          </div>
          <span aria-hidden="true">×</span>
          <div className="field">
            <label htmlFor={`${id}-impact`}>Impact</label>
            <select id={`${id}-impact`} value={draft.impact} onChange={(e) => set({ impact: Number(e.target.value) })} data-testid="threat-impact">
              {SCORES.map((s) => (
                <option key={s} value={s}>
                  {s} {IMPACT[s]}
                </option>
              ))}
            </select>
          </div>
          <span className="muted" data-testid="threat-score">= {draft.likelihood * draft.impact}</span>
        </div>
        {Object.keys(controls).length > 0 && (
          <fieldset className="threat-controls">
            <legend>Mitigated by (a control present on “{subjectLabel}” closes it)</legend>
            {Object.entries(controls).map(([name, def]) => (
              <label key={name} className="threat-control">
                <input
                  type="checkbox"
                  checked={draft.controls.includes(name)}
                  onChange={(e) => set({ controls: e.target.checked ? [...draft.controls, name] : draft.controls.filter((c) => c !== name) })}
                  data-testid={`threat-control-${name}`}
                />
                <span>{def.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!title} data-testid="threat-save">
            Save threat
          </button>
        </div>
      </form>
    </Modal>
  );
}
