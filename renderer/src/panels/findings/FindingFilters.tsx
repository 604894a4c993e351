import { SEVERITIES, type Finding, type Severity } from '../../../../core/engine/types';
import { DECISION_STATUSES, type DecisionStatus } from '../../../../core/model/schema';
import type { FindingFilter } from '../../state/finding-filter';
import { STATUS_LABELS } from './DecisionEditor';
import { useAllCatalogNames, withName } from '../../catalog/catalog-names';
import { NewSinceReviewToggle } from '../../review/NewSinceReviewToggle';

export type GroupBy = 'component' | 'technique' | 'none';

/** Severity, status, ATLAS tactic and OWASP filters, with the options present in the findings. */
export function FindingFilters({
  findings,
  filter,
  onFilter,
  groupBy,
  onGroupBy,
}: {
  findings: readonly Finding[];
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  groupBy: GroupBy;
  onGroupBy: (g: GroupBy) => void;
}) {
  const names = useAllCatalogNames();
  const tactics = [...new Set(findings.flatMap((f) => f.atlas.flatMap((a) => a.tactics)))].sort();
  const owasp = [...new Set(findings.flatMap((f) => f.owasp))].sort();
  const toggleSeverity = (s: Severity) => {
    const current = filter.severities ?? [];
    const next = current.includes(s) ? current.filter((x) => x !== s) : [...current, s];
    onFilter({ ...filter, severities: next.length ? next : undefined });
  };
  return (
    <div className="finding-filters" role="group" aria-label="Filter findings">
      <div className="sev-toggles" role="group" aria-label="Severity">
        {[...SEVERITIES].reverse().map((s) => (
          <button key={s} type="button" className={`sev sev-${s}${filter.severities?.includes(s) ? ' on' : ''}`} aria-pressed={!!filter.severities?.includes(s)} onClick={() => toggleSeverity(s)}>
            {s}
          </button>
        ))}
      </div>
      <select
        aria-label="Status"
        value={filter.statuses?.[0] ?? ''}
        onChange={(e) => onFilter({ ...filter, statuses: e.target.value ? [e.target.value as DecisionStatus] : undefined })}
      >
        <option value="">Any status</option>
        {DECISION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select aria-label="ATLAS tactic" value={filter.tactic ?? ''} onChange={(e) => onFilter({ ...filter, tactic: e.target.value || undefined })}>
        <option value="">Any ATLAS tactic</option>
        {tactics.map((t) => (
          <option key={t} value={t} title={withName(t, names)}>
            {withName(t, names)}
          </option>
        ))}
      </select>
      <select aria-label="OWASP id" value={filter.owasp ?? ''} onChange={(e) => onFilter({ ...filter, owasp: e.target.value || undefined })}>
        <option value="">Any OWASP id</option>
        {owasp.map((o) => (
          <option key={o} value={o} title={withName(o, names)}>
            {withName(o, names)}
          </option>
        ))}
      </select>
      <NewSinceReviewToggle filter={filter} onFilter={onFilter} />
      <select aria-label="Group by" value={groupBy} onChange={(e) => onGroupBy(e.target.value as GroupBy)}>
        <option value="component">Group by component</option>
        <option value="technique">Group by technique</option>
        <option value="none">No grouping</option>
      </select>
    </div>
  );
}
