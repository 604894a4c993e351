// The filter of the findings panel, shared by the panel, the heatmaps and the ATLAS matrix view.
import type { Finding, Severity } from '../../../core/engine/types';
import type { DecisionStatus } from '../../../core/model/schema';

export interface FindingFilter {
  severities?: Severity[];
  statuses?: DecisionStatus[];
  /** ATLAS tactic id, e.g. AML.TA0004. */
  tactic?: string;
  /** ATLAS technique id (matches sub-techniques of it too). */
  technique?: string;
  /** OWASP id, e.g. LLM01:2025. */
  owasp?: string;
  /** A cell of the likelihood × impact heatmap (residual score). */
  likelihood?: number;
  impact?: number;
  /** Only findings on this component or flow. */
  subjectId?: string;
  /** Only these finding keys: the open findings new since the last signed-off review. */
  newSinceReview?: readonly string[];
}

/** Ids (components and flows) a finding is about: its subject, or every step of its path. */
export function findingSubjectIds(finding: { subject: { type: string; id: string }; path?: string[] }): string[] {
  return finding.subject.type === 'path' ? [...(finding.path ?? []), finding.subject.id] : [finding.subject.id];
}

/** True when the finding passes every part of the filter that is set. */
export function matchesFilter(
  finding: Finding,
  filter: FindingFilter,
): boolean {
  if (filter.severities?.length && !filter.severities.includes(finding.residual.severity)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(finding.status)) return false;
  if (filter.tactic && !finding.atlas.some((a) => a.tactics.includes(filter.tactic!))) return false;
  if (filter.technique && !finding.atlas.some((a) => a.technique === filter.technique || a.technique.startsWith(filter.technique + '.'))) return false;
  if (filter.owasp && !finding.owasp.includes(filter.owasp)) return false;
  if (filter.likelihood !== undefined && finding.residual.likelihood !== filter.likelihood) return false;
  if (filter.impact !== undefined && finding.residual.impact !== filter.impact) return false;
  if (filter.subjectId && !findingSubjectIds(finding).includes(filter.subjectId)) return false;
  if (filter.newSinceReview && !filter.newSinceReview.includes(finding.key)) return false;
  return true;
}
