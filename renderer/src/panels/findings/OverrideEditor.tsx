// A likelihood / impact set by hand on a generated finding, always with a justification; and the
// tags that say so (and that a finding is one the user wrote, or out of scope) in the list.
import { useId, useState } from 'react';
import type { Finding } from '../../../../core/engine/types';
import { useDocument } from '../../state/document-store';
import { setOverride } from '../threats/threat-edits';

const SCORES = [1, 2, 3, 4, 5];

export function FindingTags({ finding }: { finding: Finding }) {
  const stored = useDocument((s) => s.model?.overrides[finding.key]);
  const override = finding.override ?? stored;
  return (
    <>
      {finding.origin === 'user' && (
        <span className="tag tag-user" title="A threat written by hand in this model" data-testid="tag-user">
          Your threat
        </span>
      )}
      {override && (
        <span
          className="tag tag-override"
          data-testid="tag-override"
          title={`Set by hand: ${override.justification}`}
        >
          Overridden{override.likelihood !== undefined ? ` L${override.likelihood}` : ''}
          {override.impact !== undefined ? ` I${override.impact}` : ''}
        </span>
      )}
    </>
  );
}

export function OverrideEditor({ finding }: { finding: Finding }) {
  const id = useId();
  const stored = useDocument((s) => s.model?.overrides[finding.key]);
  const [likelihood, setLikelihood] = useState<number | undefined>(stored?.likelihood);
  const [impact, setImpact] = useState<number | undefined>(stored?.impact);
  const [justification, setJustification] = useState(stored?.justification ?? '');
  if (finding.origin === 'user') return null;
  const ready = justification.trim().length > 0 && (likelihood !== undefined || impact !== undefined);
  const changed = likelihood !== stored?.likelihood || impact !== stored?.impact || justification !== (stored?.justification ?? '');
  const save = () =>
    useDocument.getState().edit((m) =>
      setOverride(m, finding.key, {
        ...(likelihood !== undefined ? { likelihood } : {}),
        ...(impact !== undefined ? { impact } : {}),
        justification: justification.trim(),
      }),
    );
  const select = (label: string, value: number | undefined, set: (v: number | undefined) => void, computed: number, testId: string) => (
    <div className="field">
      <label htmlFor={`${id}-${testId}`}>{label}</label>
      <select id={`${id}-${testId}`} value={value ?? ''} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} data-testid={testId}>
        <option value="">As analysed ({computed})</option>
        {SCORES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <details className="override" data-testid="override-editor" open={stored !== undefined}>
      <summary>{stored ? 'Score set by hand' : 'Set the score by hand…'}</summary>
      <div className="threat-scores">
        {select('Likelihood', likelihood, setLikelihood, finding.inherent.likelihood, 'override-likelihood')}
        {select('Impact', impact, setImpact, finding.inherent.impact, 'override-impact')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-why`}>Justification (required)</label>
        <textarea id={`${id}-why`} rows={2} maxLength={20000} value={justification} onChange={(e) => setJustification(e.target.value)} data-testid="override-justification" />
      </div>
      {!ready && changed && <p className="help">Choose a likelihood or an impact and say why.</p>}
      <div className="actions">
        {stored && (
          <button
            type="button"
            onClick={() => {
              useDocument.getState().edit((m) => setOverride(m, finding.key, null));
              setLikelihood(undefined);
              setImpact(undefined);
              setJustification('');
            }}
            data-testid="override-remove"
          >
            Back to the analysed score
          </button>
        )}
        <button type="button" className="primary" disabled={!ready || !changed} onClick={save} data-testid="override-save">
          Save score
        </button>
      </div>
    </details>
  );
}
