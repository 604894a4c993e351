// zod schema of an official MITRE ATLAS release file (dist/ATLAS.yaml in mitre-atlas/atlas-data).
// Lenient where releases vary (extra keys, YAML dates as strings or dates, numeric versions);
// strict on what the catalog needs (ids, names, texts, links).
import { z } from 'zod';
import { CASE_STUDY_ID, MITIGATION_ID, TACTIC_ID, TECHNIQUE_ID } from './ids';

const name = z.string().trim().min(1, 'must not be empty');
const description = z.string();
const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `is not a ${what} id`);
const date = z.union([z.string(), z.date()]);

const ReleaseTacticSchema = z.object({
  id: id(TACTIC_ID, 'tactic'),
  name,
  description,
  'ATT&CK-reference': z.object({ id: z.string() }).optional(),
  created_date: date.optional(),
  modified_date: date.optional(),
});

const ReleaseTechniqueSchema = z.object({
  id: id(TECHNIQUE_ID, 'technique'),
  name,
  description,
  tactics: z.array(z.string()).optional(),
  'subtechnique-of': z.string().optional(),
  maturity: z.string().optional(),
  created_date: date.optional(),
  modified_date: date.optional(),
});

/** A mitigation → technique link: `{id, use}` in current releases, a bare id in older ones. */
const ReleaseLinkSchema = z.union([z.string(), z.object({ id: z.string(), use: z.string().optional() })]);

const ReleaseMitigationSchema = z.object({
  id: id(MITIGATION_ID, 'mitigation'),
  name,
  description,
  techniques: z.array(ReleaseLinkSchema).default([]),
  // 5.6.0 misplaces two technique links ({id, use}) inside this list of lifecycle stage names.
  'ml-lifecycle': z.array(z.union([z.string(), z.object({ id: z.string(), use: z.string().optional() })])).default([]),
  category: z.array(z.string()).default([]),
  created_date: date.optional(),
  modified_date: date.optional(),
});

const ReleaseCaseStudySchema = z.object({
  id: id(CASE_STUDY_ID, 'case study'),
  name,
  summary: description,
  'incident-date': date,
  'incident-date-granularity': z.string().default('DATE'),
  target: z.string().default(''),
  actor: z.string().default(''),
  'case-study-type': z.string().default(''),
  procedure: z.array(z.object({ tactic: z.string(), technique: z.string(), description: z.string().optional() })),
});

export const ReleaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.union([z.string().regex(/^\d+(\.\d+)*$/, 'must be a version like 5.6.0'), z.number()]),
  matrices: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        tactics: z.array(ReleaseTacticSchema).min(1, 'a matrix needs tactics'),
        techniques: z.array(ReleaseTechniqueSchema).min(1, 'a matrix needs techniques'),
        mitigations: z.array(ReleaseMitigationSchema).default([]),
      }),
    )
    .min(1, 'the release holds no matrix'),
  'case-studies': z.array(ReleaseCaseStudySchema),
});
export type Release = z.output<typeof ReleaseSchema>;
