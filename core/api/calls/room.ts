// Workshop room calls (the facilitator's side): start a room on a chosen interface, share the model
// and the finding under discussion, reveal the blind estimates, end the room. Participants never
// reach these: they talk to the room's own endpoints (/room/…) with a capability that allows only
// view, comment and estimate. Add each call's name to ../names.ts too.
import { z } from 'zod';
import { ModelSchema } from '../../model/schema';
import { MinutesSchema } from '../../room/minutes';

const Score = z.number().int().min(1).max(5);

/** The finding under discussion, as participants see it (the facilitator's analysis, not re-run). */
export const RoomFocusSchema = z.strictObject({
  key: z.string().min(1).max(300),
  title: z.string().max(300),
  severity: z.string().max(32),
  subject: z.strictObject({ type: z.enum(['component', 'flow', 'path', 'zone']), id: z.string().max(300), label: z.string().max(300) }),
  path: z.array(z.string().max(300)).max(200).optional(),
  reasons: z.array(z.string().max(2000)).max(50),
  mitigations: z
    .array(z.strictObject({ label: z.string().max(300), target: z.string().max(300), effect: z.enum(['closes', 'lowers']).optional(), present: z.boolean() }))
    .max(50),
  likelihood: Score,
  impact: Score,
});

export const RoomEstimateSchema = z.object({ by: z.string(), likelihood: Score, impact: Score });
export const RoomCommentSchema = z.object({
  id: z.string(),
  author: z.string(),
  at: z.string(),
  text: z.string(),
  findingKey: z.string().nullable(),
});

export const RoomStatusSchema = z.object({
  open: z.boolean(),
  version: z.number(),
  code: z.string().nullable(),
  joinUrl: z.string().nullable(),
  host: z.string().nullable(),
  participants: z.array(z.object({ id: z.string(), name: z.string() })),
  focus: RoomFocusSchema.nullable(),
  phase: z.enum(['estimating', 'revealed']),
  /** Who has estimated the finding under discussion (values stay hidden until revealed). */
  estimated: z.array(z.string()),
  /** The estimates, once revealed (empty before). */
  estimates: z.array(RoomEstimateSchema),
  comments: z.array(RoomCommentSchema),
});

export const roomCalls = {
  /** The machine's IPv4 interfaces a room may listen on (127.0.0.1 first). */
  'room:interfaces': {
    input: z.strictObject({}),
    output: z.object({ interfaces: z.array(z.object({ name: z.string(), address: z.string() })) }),
  },
  /** Opens the room (or answers the open one): a participant page on `host`, with a fresh join code. */
  'room:start': {
    input: z.strictObject({ host: z.string().min(1).max(64).default('127.0.0.1'), title: z.string().max(200).optional() }),
    output: RoomStatusSchema,
  },
  /** The room as the facilitator sees it; with `since`, waits (up to ~20 s) until it changes past that version. */
  'room:status': {
    input: z.strictObject({ since: z.number().int().min(-1).optional() }),
    output: RoomStatusSchema,
  },
  /** Shares the model participants see (read-only). */
  'room:share': {
    input: z.strictObject({ model: ModelSchema }),
    output: z.object({ version: z.number() }),
  },
  /** Puts a finding under discussion (or none); clears the estimates and starts a blind round. */
  'room:focus': {
    input: z.strictObject({ focus: RoomFocusSchema.nullable() }),
    output: z.object({ version: z.number() }),
  },
  /** Reveals the round's estimates to everyone. */
  'room:reveal': {
    input: z.strictObject({}),
    output: z.object({ estimates: z.array(RoomEstimateSchema) }),
  },
  /** The session's minutes as Markdown or PDF (base64), for the UI to save where the user chooses. */
  'minutes:export': {
    input: z.strictObject({ minutes: MinutesSchema, format: z.enum(['md', 'pdf']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), encoding: z.enum(['text', 'base64']), data: z.string(), bytes: z.number() }),
  },
  /** Ends the room: participant capabilities stop working and the room's listener closes. */
  'room:end': {
    input: z.strictObject({}),
    output: z.object({ closed: z.boolean() }),
  },
} as const;
