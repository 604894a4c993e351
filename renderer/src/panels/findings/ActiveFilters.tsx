// The filters in force, named and each removable, so a filter set from a heatmap or the ATLAS matrix
// is never invisible.
import { STATUS_LABELS } from './DecisionEditor';
import { withName } from '../../catalog/catalog-names';
import type { FindingFilter } from '../../state/finding-filter';

export function ActiveFilters({
  filter,
  onFilter,
  names,
  labelOf,
}: {
  filter: FindingFilter;
  onFilter: (f: FindingFilter) => void;
  names: Readonly<Record<string, string>>;
  labelOf: (id: string) => string;
}) {
  const parts: Array<{ key: string; text: string; clear: FindingFilter }> = [];
  const without = (...keys: Array<keyof FindingFilter>) => {
    const next = { ...filter };
    for (const k of keys) delete next[k];
    return next;
  };
  if (filter.severities?.length) parts.push({ key: 'sev', text: `Severity: ${filter.severities.join(', ')}`, clear: without('severities') });
  if (filter.statuses?.length) parts.push({ key: 'status', text: `Status: ${filter.statuses.map((s) => STATUS_LABELS[s]).join(', ')}`, clear: without('statuses') });
  if (filter.tactic) parts.push({ key: 'tactic', text: `Tactic: ${withName(filter.tactic, names)}`, clear: without('tactic') });
  if (filter.technique) parts.push({ key: 'technique', text: `Technique: ${withName(filter.technique, names)}`, clear: without('technique') });
  if (filter.owasp) parts.push({ key: 'owasp', text: `OWASP: ${withName(filter.owasp, names)}`, clear: without('owasp') });
  if (filter.likelihood !== undefined || filter.impact !== undefined)
    parts.push({ key: 'cell', text: `Likelihood ${filter.likelihood ?? 'any'} × impact ${filter.impact ?? 'any'}`, clear: without('likelihood', 'impact') });
  if (filter.subjectId) parts.push({ key: 'subject', text: `On: ${labelOf(filter.subjectId)}`, clear: without('subjectId') });
  if (parts.length === 0) return null;
  return (
    <div className="active-filters" data-testid="active-filters" aria-label="Active filters">
      <span className="muted small">Filtered by</span>
      {parts.map((p) => (
        <span key={p.key} className="active-filter" data-testid="active-filter">
          {p.text}
          <button type="button" className="icon" aria-label={`Remove filter ${p.text}`} onClick={() => onFilter(p.clear)}>
            ×
          </button>
        </span>
      ))}
      <button type="button" className="link" onClick={() => onFilter({})}>
        Clear filters
      </button>
    </div>
  );
}
