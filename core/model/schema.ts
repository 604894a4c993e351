// The model file format (DESIGN.md §7): one JSON document per model. Semantics (components, flows,
// zones, decisions) are kept apart from layout so that moving a box never changes the threat model.
import { z } from 'zod';

/** The format this build writes; older files are migrated forward on load (./migrate.ts). */
export const CURRENT_SCHEMA_VERSION = 6;

/** Ids are short, printable and safe to use as JSON Pointer segments and DOM ids. */
export const IdSchema = z
  .string()
  .min(1, 'an id must not be empty')
  .max(64, 'an id is at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'an id uses letters, digits and _ . : - and starts with a letter or digit');

/** User text: any characters (markup included, always rendered as text), bounded in size. */
const Label = z.string().max(200, 'a label is at most 200 characters');
const LongText = z.string().max(20_000, 'a description is at most 20,000 characters');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'a date looks like 2026-11-22');

/** A fact or control value: a scalar, or a list of short strings (capabilities, carried data …). */
export const FactValueSchema = z.union([
  z.boolean(),
  z.number().finite(),
  z.string().max(2_000),
  z.array(z.string().max(200)).max(100),
]);
export const FactsSchema = z.record(z.string().max(64), FactValueSchema);
/**
 * A control's recorded state (format 3): "present" (in place), "absent" (known to be missing). A control
 * that is not listed is "not recorded": nobody said. Analysis treats absent and not recorded alike (the
 * control does not mitigate); reports keep them apart.
 */
export const CONTROL_STATES = ['present', 'absent'] as const;
export const ControlStateSchema = z.enum(CONTROL_STATES);
export const ControlsSchema = z.record(z.string().max(64), ControlStateSchema);

/** Why an element is out of scope (format 6): its findings are listed apart and do not count. */
const OutOfScope = z.string().min(1, 'say why it is out of scope').max(2_000, 'a reason is at most 2,000 characters');
const Score1to5 = z.number().int('a score is a whole number').min(1, 'a score is 1–5').max(5, 'a score is 1–5');

export const ZoneSchema = z.strictObject({
  id: IdSchema,
  kind: z.string().max(64),
  label: Label,
  description: LongText.optional(),
  parent: IdSchema.optional(),
  outOfScope: OutOfScope.optional(),
});

export const ComponentSchema = z.strictObject({
  id: IdSchema,
  kind: z.string().max(64),
  label: Label,
  description: LongText.optional(),
  zone: IdSchema.optional(),
  facts: FactsSchema.default({}),
  controls: ControlsSchema.default({}),
  outOfScope: OutOfScope.optional(),
});

export const FlowSchema = z.strictObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  label: Label.default(''),
  description: LongText.optional(),
  facts: FactsSchema.default({}),
  controls: ControlsSchema.default({}),
  outOfScope: OutOfScope.optional(),
});

export const DECISION_STATUSES = ['open', 'mitigated', 'accepted', 'transferred', 'not-applicable'] as const;
export const DecisionStatusSchema = z.enum(DECISION_STATUSES);
export const REVIEW_STATUSES = ['draft', 'in-review', 'approved'] as const;

/** One participant's blind likelihood × impact estimate (format 4). */
export const EstimateSchema = z.strictObject({ by: Label, likelihood: Score1to5, impact: Score1to5 });

/** One entry of a decision's append-only history (format 4): who set which status when, and why. */
export const DecisionEventSchema = z.strictObject({
  at: IsoDate,
  by: Label.default(''),
  status: DecisionStatusSchema,
  rationale: LongText.default(''),
  estimates: z.array(EstimateSchema).max(200).optional(),
});

export const DecisionSchema = z.strictObject({
  status: DecisionStatusSchema,
  rationale: LongText.default(''),
  owner: Label.default(''),
  due: IsoDate.optional(),
  ticket: Label.optional(),
  updated: IsoDate.optional(),
  /** Who took the decision (format 4). */
  decidedBy: Label.optional(),
  /** Every change of the decision, oldest first; entries are only ever appended (format 4). */
  history: z.array(DecisionEventSchema).max(1_000).default([]),
});

/** What a comment thread or a user-authored threat is about. Finding subjects are finding keys. */
const SubjectId = z.string().min(1).max(300);
export const CommentSchema = z.strictObject({
  id: IdSchema,
  subject: z.strictObject({ type: z.enum(['finding', 'component', 'flow', 'zone']), id: SubjectId }),
  resolved: z.boolean().default(false),
  messages: z
    .array(z.strictObject({ author: Label, at: IsoDate, text: LongText.min(1, 'a comment is not empty') }))
    .min(1, 'a thread has at least one message')
    .max(1_000),
});

/** A signed-off review (format 4): a frozen copy of the model and what it said, verifiable by its hash. */
export const BaselineSchema = z.strictObject({
  id: IdSchema,
  signedAt: IsoDate,
  signedBy: z.array(Label).max(100).default([]),
  reviewers: z.array(Label).max(100).default([]),
  status: z.enum(REVIEW_STATUSES),
  /** sha256 (hex) of the canonical serialization of `snapshot`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a baseline hash is 64 hex digits (sha256)'),
  /** Findings at sign-off: counts by severity and status, and the keys of the open ones. */
  summary: z.record(z.string().max(64), z.union([z.number(), z.string().max(300), z.array(z.string().max(300)).max(100_000)])).default({}),
  /** The model document at sign-off, without its own baselines; validated when it is used. */
  snapshot: z.record(z.string().max(64), z.unknown()),
});

/** A threat the user wrote on a component, flow or zone (format 6); analysed like any finding. */
export const UserThreatSchema = z.strictObject({
  id: IdSchema,
  subject: z.strictObject({ type: z.enum(['component', 'flow', 'zone']), id: IdSchema }),
  title: Label.min(1, 'a threat needs a title'),
  description: LongText.default(''),
  atlas: z.array(z.string().max(32)).max(50).default([]),
  owasp: z.array(z.string().max(32)).max(50).default([]),
  likelihood: Score1to5,
  impact: Score1to5,
  /** Controls on the subject that mitigate it: when one is present the threat is closed by it. */
  controls: z.array(z.string().max(64)).max(50).default([]),
  /** Where an imported threat came from. */
  source: z
    .strictObject({
      tool: Label,
      ref: Label.optional(),
      type: Label.optional(),
      status: Label.optional(),
      severity: Label.optional(),
      mitigation: LongText.optional(),
    })
    .optional(),
});

/** A likelihood or impact set by hand on a generated finding, always with a justification (format 6). */
export const OverrideSchema = z
  .strictObject({
    likelihood: Score1to5.optional(),
    impact: Score1to5.optional(),
    justification: LongText.min(1, 'an override needs a justification'),
  })
  .refine((o) => o.likelihood !== undefined || o.impact !== undefined, { message: 'an override sets likelihood, impact or both' });

const Point = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
export const LayoutBoxSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive().optional(),
  height: z.number().finite().positive().optional(),
});

export const LayoutSchema = z.strictObject({
  /** Position (and optional size) of each component and zone, by id. */
  boxes: z.record(IdSchema, LayoutBoxSchema).default({}),
  /** Optional bend points of flows, by id. */
  flowPoints: z.record(IdSchema, z.array(Point).max(50)).default({}),
  viewport: z.strictObject({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().positive() }).optional(),
  /** Flow label positions moved by hand, by flow id (format 6). */
  labels: z.record(IdSchema, Point).default({}),
});

/** A named diagram over some of the model's components and zones, with its own layout (format 6). */
export const ViewSchema = z.strictObject({
  id: IdSchema,
  name: Label.min(1, 'a view needs a name'),
  members: z.array(IdSchema).max(100_000).default([]),
  layout: LayoutSchema.default({ boxes: {}, flowPoints: {}, labels: {} }),
});


export const MetaSchema = z.strictObject({
  title: Label.min(1, 'a model needs a title'),
  /** Free text naming this revision of the model ("1.3", "2026-Q4 review"); shown on report covers. Since format 2. */
  version: z.string().min(1, 'a version is not empty: leave "version" out when there is none').max(64, 'a version is at most 64 characters').optional(),
  description: LongText.default(''),
  authors: z.array(Label).max(100).default([]),
  created: IsoDate.optional(),
  updated: IsoDate.optional(),
  tags: z.array(z.string().max(64)).max(100).default([]),
  /** Who owns the model, who reviews it, and where the review stands (format 4). */
  owner: Label.optional(),
  reviewers: z.array(Label).max(100).default([]),
  reviewStatus: z.enum(REVIEW_STATUSES).default('draft'),
  /** Report sections the user writes (format 5). */
  scope: LongText.default(''),
  assumptions: LongText.default(''),
  exclusions: LongText.default(''),
  methodology: LongText.default(''),
  /** A classification marking printed in report headers and footers ("CONFIDENTIAL") (format 5). */
  classification: z.string().min(1).max(64).optional(),
});

export const ModelSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: MetaSchema,
  zones: z.array(ZoneSchema).max(10_000).default([]),
  components: z.array(ComponentSchema).max(100_000).default([]),
  flows: z.array(FlowSchema).max(300_000).default([]),
  /** What the team decided about each finding, keyed by the finding's stable key. */
  decisions: z.record(z.string().min(1).max(300), DecisionSchema).default({}),
  /** Comment threads on findings and elements (format 4). */
  comments: z.array(CommentSchema).max(10_000).default([]),
  /** Signed-off reviews, oldest first (format 4). */
  baselines: z.array(BaselineSchema).max(100).default([]),
  /** Threats the user wrote (format 6). */
  threats: z.array(UserThreatSchema).max(10_000).default([]),
  /** Hand-set likelihood / impact of generated findings, by finding key (format 6). */
  overrides: z.record(z.string().min(1).max(300), OverrideSchema).default({}),
  /** Extra named diagrams (format 6); `layout` is the main one. */
  views: z.array(ViewSchema).max(100).default([]),
  layout: LayoutSchema.default({ boxes: {}, flowPoints: {}, labels: {} }),
});

export type Model = z.infer<typeof ModelSchema>;
export type ModelInput = z.input<typeof ModelSchema>;
export type Component = z.infer<typeof ComponentSchema>;
export type Flow = z.infer<typeof FlowSchema>;
export type Zone = z.infer<typeof ZoneSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionStatus = z.infer<typeof DecisionStatusSchema>;
export type FactValue = z.infer<typeof FactValueSchema>;
export type LayoutBox = z.infer<typeof LayoutBoxSchema>;
export type ControlState = z.infer<typeof ControlStateSchema>;
export type Controls = z.infer<typeof ControlsSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type Baseline = z.infer<typeof BaselineSchema>;
export type UserThreat = z.infer<typeof UserThreatSchema>;
export type Override = z.infer<typeof OverrideSchema>;
export type View = z.infer<typeof ViewSchema>;
export type DecisionEvent = z.infer<typeof DecisionEventSchema>;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Is the control recorded as present? Absent and not recorded both say no. */
export function isControlPresent(controls: Controls, control: string): boolean {
  return Object.hasOwn(controls, control) && controls[control] === 'present';
}

/** "present", "absent" or "not-recorded". */
export function controlState(controls: Controls, control: string): ControlState | 'not-recorded' {
  return Object.hasOwn(controls, control) ? controls[control]! : 'not-recorded';
}

export function createEmptyModel(title = 'Untitled model'): Model {
  return ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title } });
}
