// What the threat engine produces (DESIGN.md §6). Findings are derived, never stored; decisions about
// them are stored in the model under `Finding.key`.
import type { DecisionStatus } from '../model/schema';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A factor that raised or lowered likelihood or impact, shown to the user. */
export interface ScoreFactor {
  factor: string; // e.g. "exposure", "data classification", "autonomy", "reachability", "controls present"
  effect: number; // +1, -1 …
  reason: string; // e.g. "internet-facing", "flow carries personal data"
}

export interface Score {
  likelihood: number; // 1–5
  impact: number; // 1–5
  score: number; // likelihood × impact, 1–25
  severity: Severity;
  likelihoodFactors: ScoreFactor[];
  impactFactors: ScoreFactor[];
}

export interface MitigationAdvice {
  /** ATLAS mitigation ids, e.g. AML.M0015. */
  atlas: string[];
  /** The control that would close or lower this finding, and where to switch it on. */
  control: string;
  target: { type: 'component' | 'flow'; id: string };
  /** Already present on the target? */
  present: boolean;
  /** The control's display label (added by the engine; optional for older producers). */
  label?: string;
  /** Whether switching the control on closes the finding or lowers its residual score. */
  effect?: 'closes' | 'lowers';
}

export interface Finding {
  /** Stable across re-analysis and rule-pack updates: `${ruleId}@${subjectKey}`. */
  key: string;
  ruleId: string;
  title: string;
  category: string;
  subject: { type: 'component' | 'flow' | 'path'; id: string; label: string };
  /** For path rules: the component ids from the untrusted source to the sink. */
  path?: string[];
  /** Why it applies: facts, missing controls, path, one sentence each. */
  reasons: string[];
  atlas: Array<{ technique: string; tactics: string[] }>;
  owasp: string[];
  inherent: Score;
  /** After the controls already present. */
  residual: Score;
  mitigations: MitigationAdvice[];
  /** Merged from the model's decisions (status "open" when none). */
  status: DecisionStatus;
}

export interface StaleDecision {
  key: string;
  status: DecisionStatus;
  rationale: string;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Decisions whose finding no longer appears; kept, never dropped. */
  stale: StaleDecision[];
}
