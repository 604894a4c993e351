// What changed between two models (an old one, often a signed-off baseline, and a new one), in the
// words of the threat model: elements, findings, decisions and the versions behind the findings.
import type { DecisionStatus } from '../model/schema';
import type { AnalysisResult, ClosingControl, Severity } from '../engine/types';
import type { AnalysisVersions } from '../review/baseline';

export type ElementType = 'component' | 'flow' | 'zone';

/** One field of an element that differs: `label`, `kind`, `zone`, `facts.<name>`, `controls.<name>` … */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface ElementChange {
  type: ElementType;
  id: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  /** For "changed": each differing field. */
  fields: FieldChange[];
}

/** A box moved or resized, a flow's bend points or label moved: never a change of the threat model. */
export interface LayoutChange {
  type: ElementType;
  id: string;
  label: string;
  what: 'moved' | 'resized' | 'rerouted' | 'label moved';
}

export interface FindingRef {
  key: string;
  title: string;
  subject: string;
  severity: Severity;
}

export interface DecisionChange {
  key: string;
  change: 'added' | 'removed' | 'changed';
  before?: DecisionStatus;
  after?: DecisionStatus;
  /** The fields that differ: status, rationale, owner, due, ticket, decidedBy. */
  fields: string[];
}

export interface VersionChange {
  what: 'catalog' | 'rule pack';
  id: string;
  before?: string;
  after?: string;
}

export interface ModelDiff {
  meta: FieldChange[];
  elements: ElementChange[];
  layout: LayoutChange[];
  findings: {
    new: FindingRef[];
    /** Gone from the new analysis (the subject or the condition went away). */
    resolved: FindingRef[];
    /** Still found, but now closed by a control in place. */
    closed: Array<FindingRef & { by: ClosingControl[] }>;
    /** Closed before, open again (a closing control was removed). */
    reopened: FindingRef[];
    severityChanged: Array<FindingRef & { before: Severity }>;
  };
  decisions: {
    changed: DecisionChange[];
    /** Decisions whose finding was there before and is gone now. */
    stale: Array<{ key: string; status: DecisionStatus }>;
  };
  versions: VersionChange[];
  /** Comment threads opened, resolved or answered (counts). */
  comments: { added: number; resolved: number; replies: number };
}

/**
 * What diffModels needs of an analysis: its findings, the findings a present control closes (kept
 * apart by the engine, each with `closedBy`), optionally stale decisions and the versions used.
 */
export type DiffAnalysis = Pick<AnalysisResult, 'findings'> & Partial<Pick<AnalysisResult, 'closed' | 'stale'>> & { versions?: AnalysisVersions };
