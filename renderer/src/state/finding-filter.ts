// The filter of the findings panel, shared by the panel, the heatmaps and the ATLAS matrix view.
import type { Severity } from '../../../core/engine/types';
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
}
