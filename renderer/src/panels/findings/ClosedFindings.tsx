import { useMemo } from 'react';
import type { Finding } from '../../../../core/engine/types';
import { findingSubjectIds } from '../../state/finding-filter';
import { FindingItem } from './FindingItem';

/**
 * Findings a present control closes: evidence that the controls do their job, listed apart from the
 * open threats (they count in no severity total) and folded until asked for.
 */
export function ClosedFindings({ findings, labelOf, scopeIds }: { findings: readonly Finding[]; labelOf: (id: string) => string; scopeIds: ReadonlySet<string> | null }) {
  const shown = useMemo(() => (scopeIds ? findings.filter((f) => findingSubjectIds(f).some((id) => scopeIds.has(id))) : findings), [findings, scopeIds]);
  if (shown.length === 0) return null;
  return (
    <details className="closed-findings" data-testid="closed-findings">
      <summary>
        Closed by controls <span className="muted">({shown.length})</span>
      </summary>
      <p className="muted small">Threats that a control in place closes. They stay here as evidence and count in no severity total.</p>
      <ul className="finding-list">
        {shown.slice(0, 300).map((f) => (
          <FindingItem key={f.key} finding={f} labelOf={labelOf} />
        ))}
      </ul>
    </details>
  );
}
