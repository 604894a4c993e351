// The model file format (DESIGN.md §7): one JSON document per model. Semantics (components, flows,
// zones, decisions) are kept apart from layout so that moving a box never changes the threat model.
import { z } from 'zod';

/** The format this build writes; older files are migrated forward on load (./migrate.ts). */
export const CURRENT_SCHEMA_VERSION = 2;

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
export const ControlsSchema = z.record(z.string().max(64), z.boolean());

export const ZoneSchema = z.strictObject({
  id: IdSchema,
  kind: z.string().max(64),
  label: Label,
  description: LongText.optional(),
  parent: IdSchema.optional(),
});

export const ComponentSchema = z.strictObject({
  id: IdSchema,
  kind: z.string().max(64),
  label: Label,
  description: LongText.optional(),
  zone: IdSchema.optional(),
  facts: FactsSchema.default({}),
  controls: ControlsSchema.default({}),
});

export const FlowSchema = z.strictObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  label: Label.default(''),
  description: LongText.optional(),
  facts: FactsSchema.default({}),
  controls: ControlsSchema.default({}),
});

export const DECISION_STATUSES = ['open', 'mitigated', 'accepted', 'transferred', 'not-applicable'] as const;
export const DecisionStatusSchema = z.enum(DECISION_STATUSES);

export const DecisionSchema = z.strictObject({
  status: DecisionStatusSchema,
  rationale: LongText.default(''),
  owner: Label.default(''),
  due: IsoDate.optional(),
  ticket: Label.optional(),
  updated: IsoDate.optional(),
});

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
});

export const ModelSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  meta: MetaSchema,
  zones: z.array(ZoneSchema).max(10_000).default([]),
  components: z.array(ComponentSchema).max(100_000).default([]),
  flows: z.array(FlowSchema).max(300_000).default([]),
  /** What the team decided about each finding, keyed by the finding's stable key. */
  decisions: z.record(z.string().min(1).max(300), DecisionSchema).default({}),
  layout: LayoutSchema.default({ boxes: {}, flowPoints: {} }),
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

export function createEmptyModel(title = 'Untitled model'): Model {
  return ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title } });
}
