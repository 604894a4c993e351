// Findings of elements marked out of scope: listed apart, with the reason, and not counted.
import type { Finding } from '../../../../core/engine/types';
import { outOfScopeReason, type ScopeIndex } from '../../state/finding-scope';
import { FindingItem } from './FindingItem';

export function OutOfScopeFindings({ findings, index, labelOf }: { findings: readonly Finding[]; index: ScopeIndex; labelOf: (id: string) => string }) {
  if (findings.length === 0) return null;
  const byReason = new Map<string, Finding[]>();
  for (const f of findings) {
    const reason = outOfScopeReason(f, index) ?? '';
    (byReason.get(reason) ?? byReason.set(reason, []).get(reason)!).push(f);
  }
  return (
    <details className="out-of-scope-findings" data-testid="out-of-scope-findings">
      <summary>
        Out of scope ({findings.length}) <span className="muted small">not counted</span>
      </summary>
      {[...byReason.entries()].map(([reason, items]) => (
        <section key={reason} aria-label={`Out of scope: ${reason}`}>
          <p className="muted small">Why: {reason}</p>
          <ul className="finding-list">
            {items.map((f) => (
              <FindingItem key={f.key} finding={f} labelOf={labelOf} />
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
