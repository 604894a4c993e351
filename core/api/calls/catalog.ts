// Catalog calls: search and browse the local ATLAS + OWASP catalog, import an official ATLAS release.
import { z } from 'zod';

export const CATALOG_ENTRY_TYPES = ['tactic', 'technique', 'mitigation', 'case-study', 'owasp'] as const;
export const CatalogEntryTypeSchema = z.enum(CATALOG_ENTRY_TYPES);

const Ref = z.object({ id: z.string(), name: z.string() });

export const CatalogEntrySchema = z.object({
  id: z.string(),
  type: CatalogEntryTypeSchema,
  name: z.string(),
  /** The project's own summary, or the official description after an import. */
  summary: z.string(),
  /** 'builtin' (Mercator's words) or 'official' (imported from an ATLAS release). */
  textSource: z.enum(['builtin', 'official']),
  url: z.string(),
  // techniques
  tactics: z.array(Ref).optional(),
  parent: Ref.optional(),
  subtechniques: z.array(Ref).optional(),
  maturity: z.string().optional(),
  mitigations: z.array(Ref).optional(),
  caseStudies: z.array(Ref).optional(),
  // mitigations
  techniques: z.array(Ref).optional(),
  category: z.array(z.string()).optional(),
  lifecycle: z.array(z.string()).optional(),
  // case studies
  target: z.string().optional(),
  actor: z.string().optional(),
  caseType: z.string().optional(),
  date: z.string().optional(),
  procedure: z.array(z.object({ tactic: Ref, technique: Ref })).optional(),
  // OWASP
  list: z.string().optional(),
  prevention: z.array(z.string()).optional(),
  /** Crosswalk links (from an OWASP entry to ATLAS, or from ATLAS to OWASP). */
  crosswalk: z
    .array(z.object({ id: z.string(), name: z.string(), provenance: z.enum(['owasp', 'mercator']), reason: z.string().optional() }))
    .optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSearchHitSchema = z.object({
  id: z.string(),
  type: CatalogEntryTypeSchema,
  name: z.string(),
  summary: z.string(),
  parentName: z.string().optional(),
});

export const CatalogStatsSchema = z.object({
  source: z.string(),
  atlasVersion: z.string(),
  textSource: z.enum(['builtin', 'official']),
  tactics: z.number(),
  techniques: z.number(),
  subtechniques: z.number(),
  mitigations: z.number(),
  caseStudies: z.number(),
  owaspLlm: z.number(),
  owaspMl: z.number(),
  crosswalkLinks: z.number(),
});

const ImportDiffSchema = z.object({
  version: z.string(),
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});

export const catalogCalls = {
  'catalog:stats': { input: z.object({}).strict(), output: CatalogStatsSchema },
  'catalog:search': {
    input: z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(200).optional(),
        types: z.array(CatalogEntryTypeSchema).optional(),
      })
      .strict(),
    output: z.object({ hits: z.array(CatalogSearchHitSchema) }),
  },
  'catalog:get': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ entry: CatalogEntrySchema }),
  },
  'catalog:matrix': {
    input: z.object({}).strict(),
    output: z.object({
      tactics: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          techniques: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              maturity: z.string().optional(),
              subtechniques: z.array(z.object({ id: z.string(), name: z.string(), maturity: z.string().optional() })),
            }),
          ),
        }),
      ),
    }),
  },
  'catalog:list': {
    input: z.object({ type: CatalogEntryTypeSchema, list: z.enum(['llm-2025', 'ml-2023']).optional() }).strict(),
    output: z.object({ entries: z.array(CatalogSearchHitSchema) }),
  },
  'catalog:importPreview': {
    input: z.object({ text: z.string().max(32 * 1024 * 1024) }).strict(),
    output: ImportDiffSchema,
  },
  'catalog:import': {
    input: z.object({ text: z.string().max(32 * 1024 * 1024) }).strict(),
    output: ImportDiffSchema,
  },
} as const;
