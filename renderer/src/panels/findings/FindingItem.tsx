import { memo } from 'react';
import type { Finding } from '../../../../core/engine/types';
import { useCatalogNav } from '../../catalog/catalog-nav';
import { useCatalogNameStore } from '../../catalog/catalog-names';
import { useSelection } from '../../state/selection-store';
import { findingSubjectIds } from '../../state/finding-filter';
import { DecisionEditor, STATUS_LABELS } from './DecisionEditor';
import { FindingTags, OverrideEditor } from './OverrideEditor';
import { CommentThreads } from '../../review/CommentThreads';
import { FindingReviewTags } from '../../review/CanvasMarks';

function Chip({ id, kind }: { id: string; kind: 'atlas' | 'owasp' }) {
  const name = useCatalogNameStore((s) => (Object.hasOwn(s.names, id) ? s.names[id] : undefined));
  return (
    <button
      type="button"
      className={`chip chip-${kind}`}
      title={name ? `${id} ${name}` : id}
      aria-label={`Open ${id} in the catalog`}
      onClick={() => useCatalogNav.getState().openCatalogEntry(id)}
    >
      {id}
      {name && <span className="chip-name">{name}</span>}
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
  const closed = finding.closedBy !== undefined;
  const primary = finding.atlas.find((a) => a.role === 'primary') ?? finding.atlas[0];
  const related = finding.atlas.filter((a) => a !== primary);
  const closing = finding.mitigations.filter((m) => m.effect === 'closes');
  const lowering = finding.mitigations.filter((m) => m.effect !== 'closes');
  return (
    <li
      className={`finding sev-border-${sev}${focused ? ' focused' : ''}${closed ? ' finding-closed' : ''}${!closed && finding.status !== 'open' ? ' decided' : ''}`}
      data-testid={closed ? 'closed-finding' : 'finding'}
      data-rule={finding.ruleId}
      data-key={finding.key}
      data-status={closed ? 'closed-by-control' : finding.status}
    >
      <button type="button" className="finding-head" aria-expanded={focused} onClick={toggle}>
        <span className={`sev sev-${sev}`}>{sev}</span>
        <span className="finding-title">{finding.title}</span>
        {closed && <span className="status-tag status-closed">Closed by control</span>}
        {!closed && finding.status !== 'open' && <span className="status-tag">{STATUS_LABELS[finding.status]}</span>}
        <FindingTags finding={finding} />
        <FindingReviewTags findingKey={finding.key} />
      </button>
      {closed && (
        <div className="finding-closed-by small" data-testid="closed-by">
          Closed by {finding.closedBy!.map((c) => `${c.label} on ${c.targetLabel}`).join(' and ')}
        </div>
      )}
      <div className="finding-subject muted small">
        {finding.subject.type === 'path' && finding.path ? finding.path.map(labelOf).join(' → ') : finding.subject.label} · score {finding.residual.score}
        {finding.residual.score !== finding.inherent.score && ` (was ${finding.inherent.score})`}
      </div>
      <div className="chips">
        {primary && <Chip key={primary.technique} id={primary.technique} kind="atlas" />}
        {related.length > 0 && <span className="muted small chips-related">related</span>}
        {related.map((a) => (
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
          {[
            ['Closes it', closing, 'mitigations-closing'],
            ['Only lowers it', lowering, 'mitigations-lowering'],
          ].map(([title, list, testId]) =>
            (list as Finding['mitigations']).length > 0 ? (
              <div key={testId as string} data-testid={testId as string}>
                <h4>{title as string}</h4>
                <ul>
                  {(list as Finding['mitigations']).map((m, i) => (
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
              </div>
            ) : null,
          )}
          <h4>Score</h4>
          <p className="small">
            Likelihood {finding.residual.likelihood} × impact {finding.residual.impact} = {finding.residual.score}.{' '}
            {[...finding.residual.likelihoodFactors, ...finding.residual.impactFactors].map((f) => `${f.factor}: ${f.reason} (${f.effect > 0 ? '+' : ''}${f.effect})`).join('; ')}
          </p>
          <OverrideEditor finding={finding} />
          <DecisionEditor findingKey={finding.key} />
          <CommentThreads subject={{ type: 'finding', id: finding.key }} />
        </div>
      )}
    </li>
  );
});
