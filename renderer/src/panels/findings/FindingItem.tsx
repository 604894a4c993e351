import { memo } from 'react';
import type { Finding } from '../../../../core/engine/types';
import { useCatalogNav } from '../../catalog/catalog-nav';
import { useSelection } from '../../state/selection-store';
import { findingSubjectIds } from '../../state/finding-filter';
import { DecisionEditor, STATUS_LABELS } from './DecisionEditor';

function Chip({ id, kind }: { id: string; kind: 'atlas' | 'owasp' }) {
  return (
    <button type="button" className={`chip chip-${kind}`} aria-label={`Open ${id} in the catalog`} onClick={() => useCatalogNav.getState().openCatalogEntry(id)}>
      {id}
    </button>
  );
}

/** One finding: severity, title, subject, why, ATLAS/OWASP chips, mitigations and the decision. */
export const FindingItem = memo(function FindingItem({ finding, labelOf }: { finding: Finding; labelOf: (id: string) => string }) {
  const focused = useSelection((s) => s.focusedFinding === finding.key);
  const sev = finding.residual.severity;
  const toggle = () => {
    const selection = useSelection.getState();
    if (focused) selection.focusFinding(null);
    else selection.focusFinding(finding.key, findingSubjectIds(finding));
  };
  return (
    <li className={`finding sev-border-${sev}${focused ? ' focused' : ''}`} data-testid="finding" data-rule={finding.ruleId} data-key={finding.key} data-status={finding.status}>
      <button type="button" className="finding-head" aria-expanded={focused} onClick={toggle}>
        <span className={`sev sev-${sev}`}>{sev}</span>
        <span className="finding-title">{finding.title}</span>
        {finding.status !== 'open' && <span className="status-tag">{STATUS_LABELS[finding.status]}</span>}
      </button>
      <div className="finding-subject muted small">
        {finding.subject.type === 'path' && finding.path ? finding.path.map(labelOf).join(' → ') : finding.subject.label} · score {finding.residual.score}
        {finding.residual.score !== finding.inherent.score && ` (was ${finding.inherent.score})`}
      </div>
      <div className="chips">
        {finding.atlas.map((a) => (
          <Chip key={a.technique} id={a.technique} kind="atlas" />
        ))}
        {finding.owasp.map((o) => (
          <Chip key={o} id={o} kind="owasp" />
        ))}
      </div>
      {focused && (
        <div className="finding-detail">
          <h4>Why</h4>
          <ul>
            {finding.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          {finding.mitigations.length > 0 && (
            <>
              <h4>Mitigations</h4>
              <ul>
                {finding.mitigations.map((m, i) => (
                  <li key={i}>
                    {'label' in m && typeof m.label === 'string' ? m.label : m.control} on {labelOf(m.target.id)}
                    {m.present ? ' (present)' : ''}
                    {m.atlas.length > 0 && ' — '}
                    {m.atlas.map((id) => (
                      <Chip key={id} id={id} kind="atlas" />
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>Score</h4>
          <p className="small">
            Likelihood {finding.residual.likelihood} × impact {finding.residual.impact} = {finding.residual.score}.{' '}
            {[...finding.residual.likelihoodFactors, ...finding.residual.impactFactors].map((f) => `${f.factor}: ${f.reason} (${f.effect > 0 ? '+' : ''}${f.effect})`).join('; ')}
          </p>
          <DecisionEditor findingKey={finding.key} />
        </div>
      )}
    </li>
  );
});
