// zod schemas of the built-in catalog files in data/catalog/ (facts from the official releases,
// summaries in the project's own words). Strict: a misspelled key is an error, not a silent gap.
import { z } from 'zod';
import { CASE_STUDY_ID, MITIGATION_ID, OWASP_LLM_ID, OWASP_ML_ID, TACTIC_ID, TECHNIQUE_ID } from './ids';

const text = z.string().trim().min(1, 'must not be empty');
const url = z.string().regex(/^https:\/\/\S+$/, 'must be an https URL');
const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `is not a ${what} id`);

export const BuiltinMetaSchema = z
  .object({ source: text, version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 5.6.0'), release: text.optional(), license: text, url })
  .strict();

export const BuiltinTacticSchema = z
  .object({ id: id(TACTIC_ID, 'tactic'), name: text, attack: z.string().regex(/^TA\d{4}$/).optional(), url, summary: text })
  .strict();

export const BuiltinTechniqueSchema = z
  .object({
    id: id(TECHNIQUE_ID, 'technique'),
    name: text,
    tactics: z.array(id(TACTIC_ID, 'tactic')).optional(),
    parent: id(TECHNIQUE_ID, 'technique').optional(),
    maturity: text.optional(),
    url,
    summary: text,
  })
  .strict();

export const BuiltinMitigationSchema = z
  .object({
    id: id(MITIGATION_ID, 'mitigation'),
    name: text,
    category: z.array(text),
    lifecycle: z.array(text),
    techniques: z.array(id(TECHNIQUE_ID, 'technique')),
    url,
    summary: text,
  })
  .strict();

export const BuiltinCaseStudySchema = z
  .object({
    id: id(CASE_STUDY_ID, 'case study'),
    name: text,
    type: text,
    date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'), z.date()]),
    dateGranularity: text,
    target: text,
    actor: text,
    url,
    summary: text,
    procedure: z.array(z.tuple([id(TACTIC_ID, 'tactic'), id(TECHNIQUE_ID, 'technique')])),
  })
  .strict();

export const BuiltinOwaspSchema = (list: 'llm-2025' | 'ml-2023') =>
  z
    .object({
      id: id(list === 'llm-2025' ? OWASP_LLM_ID : OWASP_ML_ID, list === 'llm-2025' ? 'OWASP LLM 2025' : 'OWASP ML 2023'),
      name: text,
      url,
      summary: text,
      prevention: z.array(text).min(1, 'needs at least one prevention point'),
    })
    .strict();

export const BuiltinCrosswalkSchema = z
  .object({
    owasp: z.string().regex(new RegExp(`${OWASP_LLM_ID.source}|${OWASP_ML_ID.source}`), 'is not an OWASP id'),
    atlas: id(TECHNIQUE_ID, 'technique'),
    provenance: z.enum(['owasp', 'mercator']),
    reason: text.optional(),
  })
  .strict()
  .refine((link) => link.provenance === 'owasp' || link.reason !== undefined, {
    message: 'a mercator-provenance link needs a reason',
    path: ['reason'],
  });

/** The files of the built-in catalog, relative to data/catalog/. */
export const BUILTIN_FILES = [
  'atlas/meta.yaml',
  'atlas/tactics.yaml',
  'atlas/techniques.yaml',
  'atlas/mitigations.yaml',
  'atlas/case-studies.yaml',
  'owasp/llm-2025.yaml',
  'owasp/ml-2023.yaml',
  'crosswalk.yaml',
] as const;
export type BuiltinFileName = (typeof BUILTIN_FILES)[number];
