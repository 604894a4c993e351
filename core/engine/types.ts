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
  subject: { type: 'component' | 'flow' | 'path' | 'zone'; id: string; label: string };
  /** For path rules: the component ids from the untrusted source to the sink. */
  path?: string[];
  /** Why it applies: facts, missing controls, path, one sentence each. */
  reasons: string[];
  /**
   * ATLAS techniques, the primary one first (role "primary": the technique this finding is about);
   * the others (role "related") are shown as related. Producers before the primary technique had no role.
   */
  atlas: Array<{ technique: string; tactics: string[]; role?: 'primary' | 'related' }>;
  owasp: string[];
  inherent: Score;
  /** After the controls already present. */
  residual: Score;
  mitigations: MitigationAdvice[];
  /** Merged from the model's decisions (status "open" when none). */
  status: DecisionStatus;
  /**
   * Present when a control in place closes the finding: which control, and where it sits. A closed
   * finding is evidence, not a threat: it is kept, listed apart, and does not fail a build.
   */
  closedBy?: ClosingControl[];
  /** Where the finding came from: a rule (default) or a threat the user wrote in the model. */
  origin?: 'rule' | 'user';
  /** Set when the finding's subject (or an element on its path) is out of scope: the reason. */
  outOfScope?: string;
  /** A likelihood / impact set by hand, with its justification (the residual score already uses it). */
  override?: { likelihood?: number; impact?: number; justification: string };
}

export interface ClosingControl {
  control: string;
  label: string;
  target: { type: 'component' | 'flow'; id: string };
  targetLabel: string;
}

export interface StaleDecision {
  key: string;
  status: DecisionStatus;
  rationale: string;
}

export interface AnalysisResult {
  /** Open threats: findings no present control closes (decided ones included, with their status). */
  findings: Finding[];
  /**
   * Findings a present control closes, each with `closedBy`: evidence that the control does its job.
   * Kept apart so that counts, severities and build gates look at open threats only.
   */
  closed: Finding[];
  /** Decisions whose finding no longer appears; kept, never dropped. */
  stale: StaleDecision[];
}
