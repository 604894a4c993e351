// The report as plain data: every writer (PDF, Markdown, HTML, CSV, JSON, SARIF, Navigator) renders
// this one structure, so all formats say the same thing. User text stays raw here; writers escape it.
import type { DecisionStatus } from '../model/schema';
import type { Severity, StaleDecision } from '../engine/types';
import type { CatalogRef } from './catalog-lookup';
import type { ReportReview } from './review';

export interface ReportScore {
  likelihood: number;
  impact: number;
  score: number;
  severity: Severity;
}

export interface ReportTechnique extends CatalogRef {
  tactics: CatalogRef[];
}

export interface ReportMitigation {
  control: string;
  controlLabel: string;
  atlas: CatalogRef[];
  target: { type: 'component' | 'flow'; id: string; label: string };
  present: boolean;
}

export interface RegisterEntry {
  /** Short reference used across the report: F-001 … */
  ref: string;
  key: string;
  ruleId: string;
  title: string;
  category: string;
  subject: { type: 'component' | 'flow' | 'path' | 'zone'; id: string; label: string };
  /** Labels of the components along a path finding. */
  path: string[];
  reasons: string[];
  atlas: ReportTechnique[];
  owasp: CatalogRef[];
  inherent: ReportScore;
  residual: ReportScore;
  status: DecisionStatus;
  owner: string;
  rationale: string;
  due: string;
  ticket: string;
  mitigations: ReportMitigation[];
  /** "user" for a threat the team wrote in the model (absent for rule findings). */
  origin?: 'user';
  /** A likelihood / impact set by hand, with its justification (the residual score uses it). */
  override?: { likelihood?: number; impact?: number; justification: string };
}

export interface RegisterGroup {
  subject: { type: 'component' | 'flow' | 'path' | 'zone'; id: string; label: string };
  entries: RegisterEntry[];
}

/** Where a writer draws a piece of diagram text: a box in model coordinates (top-left, size). */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramShape {
  id: string;
  /** Register numbers (F-001 …) of the findings about this component, so the picture reads against the register. */
  refs?: string[];
  label: string;
  kind: string;
  kindLabel: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Zones: where their title goes (a corner that no component covers). */
  labelBox?: LabelBox;
}

export interface DiagramEdge {
  id: string;
  /** Register numbers of the findings about this flow. */
  refs?: string[];
  label: string;
  points: Array<{ x: number; y: number }>;
  /** Where the label goes: on or beside the line, clear of components and other labels if possible. */
  labelBox?: LabelBox;
  /** The label as drawn in that box: one line, or two where one would not fit. */
  labelLines?: string[];
}

export interface ReportDiagram {
  width: number;
  height: number;
  zones: DiagramShape[];
  nodes: DiagramShape[];
  edges: DiagramEdge[];
}

export interface InventoryItem {
  id: string;
  label: string;
  kind: string;
  kindLabel: string;
  zone: string;
  description: string;
  facts: Array<{ name: string; value: string }>;
  /** Each control the kind offers or the file records: present, absent, or not recorded (nobody said). */
  controls: Array<{ id: string; label: string; present: boolean; state: 'present' | 'absent' | 'not-recorded' }>;
  findings: number;
}

export interface PlanItem {
  control: string;
  controlLabel: string;
  atlas: CatalogRef[];
  targets: Array<{ type: 'component' | 'flow'; id: string; label: string; present: boolean }>;
  findings: string[];
  status: 'in place' | 'partly in place' | 'not in place';
}

export interface CoverageTechnique extends CatalogRef {
  findings: number;
  maxResidual: number;
  state: 'exposed' | 'mitigated' | 'accepted';
}

export interface CoverageTactic extends CatalogRef {
  techniques: CoverageTechnique[];
}

export interface ClosedEntry {
  /** Short reference: C-001 … (closed findings are numbered apart from the open register). */
  ref: string;
  key: string;
  ruleId: string;
  title: string;
  subjectRef: { type: 'component' | 'flow' | 'path' | 'zone'; id: string };
  subject: string;
  /** "Input validation on “Chat API”", one per closing control. */
  closedBy: string[];
  atlas: CatalogRef[];
  owasp: CatalogRef[];
  /** The score the threat would have without the control. */
  inherent: { likelihood: number; impact: number; score: number; severity: Severity };
}

/** One data flow in the report's flow table. */
export interface FlowRow {
  id: string;
  label: string;
  source: string;
  target: string;
  carries: string;
  classification: string;
  authenticated: 'yes' | 'no' | 'not recorded';
  encrypted: 'yes' | 'no' | 'not recorded';
  findings: string[];
}

/** A control recorded as present, where it is, and what it does for the findings. */
export interface EvidenceItem {
  control: string;
  controlLabel: string;
  target: { type: 'component' | 'flow'; id: string; label: string };
  /** Findings it closes (kept as evidence) and findings whose residual score it lowers. */
  closes: string[];
  lowers: string[];
}

/** Sections a report can hold; options choose among them. */
export const REPORT_SECTIONS = ['summary', 'scope', 'diagram', 'flows', 'inventory', 'register', 'plan', 'evidence', 'coverage', 'accepted', 'redteam', 'appendix'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface RedTeamTest {
  kind: string;
  kindLabel: string;
  /** What to do, with generic tool families. */
  method: string;
  /** What to look for: the sign that the finding is real. */
  observe: string;
  /** The controls a passing test would show to work. */
  verifies: string[];
}

export interface RedTeamItem {
  ref: string;
  title: string;
  residual: ReportScore;
  atlas: string[];
  tests: RedTeamTest[];
}

export interface RedTeamGroup {
  subject: RegisterEntry['subject'];
  items: RedTeamItem[];
}

export interface ReportData {
  /** The sections to write, in report order. */
  sections: ReportSection[];
  narrative: {
    /** The executive summary in sentences, derived from the analysis. */
    summary: string[];
    scope: string;
    assumptions: string;
    exclusions: string;
    methodology: string;
  };
  flows: FlowRow[];
  /** Controls in place; the findings they close are `closed`. */
  evidence: { controls: EvidenceItem[] };
  redTeam: RedTeamGroup[];
  cover: {
    /** Marking printed in every page's header and footer ("CONFIDENTIAL"); '' for none. */
    classification: string;
    owner: string;
    reviewers: string[];
    reviewStatus: string;
    title: string;
    /** The model's own version (meta.version): free text, '' when the model records none. */
    version: string;
    description: string;
    authors: string[];
    modelDate: string;
    generatedAt: string;
    catalogVersion: string;
    generator: string;
    tags: string[];
  };
  summary: {
    components: number;
    flows: number;
    zones: number;
    findings: number;
    /** Findings closed by controls in place (not in `findings` or any severity count). */
    closedByControls: number;
    bySeverity: Record<Severity, number>;
    byStatus: Record<DecisionStatus, number>;
    topRisks: RegisterEntry[];
    /** matrix[impact - 1][likelihood - 1] = unresolved findings at that residual score (./heatmap.ts, shared with the app). */
    matrix: number[][];
  };
  diagram: ReportDiagram;
  inventory: InventoryItem[];
  register: RegisterGroup[];
  plan: PlanItem[];
  coverage: CoverageTactic[];
  accepted: RegisterEntry[];
  /** Findings closed by a control in place: the evidence that each control does its job. */
  closed: ClosedEntry[];
  stale: StaleDecision[];
  /** The review record: sign-offs and changes since the last one (./review.ts); absent for a plain draft. */
  review?: ReportReview;
  appendix: {
    tactics: CatalogRef[];
    techniques: CatalogRef[];
    mitigations: CatalogRef[];
    owasp: CatalogRef[];
  };
}

export interface ReportOptions {
  /** ISO date or date-time printed on the cover; the builder reads no clock. */
  generatedAt?: string;
  /** e.g. "Mercator 0.1.0". */
  generator?: string;
  /** Sections to include (default: all). */
  sections?: readonly ReportSection[];
  /** Cover fields that replace the model's own for this report. */
  cover?: { title?: string; authors?: string[]; reviewers?: string[]; owner?: string; version?: string; classification?: string };
}
