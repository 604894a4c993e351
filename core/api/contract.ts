// The one API contract between the UI and its host (DESIGN.md §2). Each call has a `domain:verb`
// name and zod schemas for its input and output. The Electron transport (IPC), the browser-mode
// transport (HTTP) and the client all derive from this table.
//
// How to add a call: one entry here, its name in names.ts, a handler in core/host/handlers, a contract
// test; both transports and the client pick it up from this table.
import { z } from 'zod';
import { ModelSchema } from '../model/schema';
import type { ApiCallName } from './names';
import { catalogCalls } from './calls/catalog';
import { analysisCalls } from './calls/analysis';
import { reportCalls } from './calls/report';
import { roomCalls } from './calls/room';

/** A path as the host understands it: workspace-relative in browser mode, absolute in Electron. */
export const ApiPathSchema = z
  .string()
  .min(1, 'a path must not be empty')
  .max(4096, 'a path is at most 4096 characters')
  .refine((p) => !p.includes('\0'), 'a path must not contain NUL');

const ProblemSchema = z.object({
  code: z.string(),
  pointer: z.string(),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
});

const JournalEntrySchema = z.object({
  key: z.string(),
  path: z.string().nullable(),
  title: z.string(),
  savedAt: z.string(),
  baseHash: z.string().nullable(),
});

const FileEntrySchema = z.object({ path: z.string(), name: z.string(), size: z.number(), modified: z.string() });

/** A journal key: a model path, or "untitled:<id>" for a model never saved. */
const JournalKeySchema = z.string().min(1).max(4200);

export const contract = {
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      name: z.string(),
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      workspace: z.string().nullable(),
      catalogVersion: z.string().nullable(),
    }),
  },
  'model:validate': {
    input: z.object({ text: z.string().max(128 * 1024 * 1024) }).strict(),
    output: z.object({ valid: z.boolean(), errors: z.array(ProblemSchema), warnings: z.array(ProblemSchema) }),
  },
  'model:open': {
    input: z.object({ path: ApiPathSchema }).strict(),
    output: z.object({
      path: z.string(),
      model: ModelSchema,
      hash: z.string(),
      warnings: z.array(ProblemSchema),
      /** Unsaved edits of this file found in the autosave journal, newer than the file. */
      recovery: JournalEntrySchema.nullable(),
    }),
  },
  'model:save': {
    input: z
      .object({
        path: ApiPathSchema,
        model: ModelSchema,
        /** Hash of the file as it was when opened; null for a new file. Mismatch → E_CONFLICT. */
        baseHash: z.string().nullable(),
        /** Overwrite even when the file changed on disk (after the user confirmed). */
        force: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ path: z.string(), hash: z.string(), bytes: z.number() }),
  },
  'model:list': {
    input: z.object({}).strict(),
    output: z.object({ files: z.array(FileEntrySchema) }),
  },
  'journal:write': {
    input: z
      .object({ key: JournalKeySchema, path: ApiPathSchema.nullable(), baseHash: z.string().nullable(), model: ModelSchema })
      .strict(),
    output: z.object({ savedAt: z.string() }),
  },
  'journal:list': {
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(JournalEntrySchema) }),
  },
  'journal:read': {
    input: z.object({ key: JournalKeySchema }).strict(),
    output: z.object({ entry: JournalEntrySchema, model: ModelSchema }),
  },
  'journal:discard': {
    input: z.object({ key: JournalKeySchema }).strict(),
    output: z.object({ discarded: z.boolean() }),
  },
  'example:list': {
    input: z.object({}).strict(),
    output: z.object({
      examples: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
    }),
  },
  'example:open': {
    input: z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'an example id is lower-case letters, digits and -') }).strict(),
    output: z.object({ id: z.string(), model: ModelSchema }),
  },
  'shell:openExternal': {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.boolean(), url: z.string() }),
  },
  ...catalogCalls,
  ...analysisCalls,
  ...reportCalls,
  ...roomCalls,
} as const satisfies Record<ApiCallName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ApiInput<N extends ApiCallName> = z.input<Contract[N]['input']>;
export type ApiOutput<N extends ApiCallName> = z.output<Contract[N]['output']>;
/** What a handler receives: the input after validation (defaults filled in). */
export type ApiParsedInput<N extends ApiCallName> = z.output<Contract[N]['input']>;
