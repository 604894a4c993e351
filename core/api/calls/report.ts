// Report and interchange calls: exports (PDF, Markdown, HTML, CSV, JSON, SARIF, Navigator) and imports
// (Threat Dragon, CycloneDX ML-BOM). Add each call's name to ../names.ts too.
import { z } from 'zod';
import { ModelSchema } from '../../model/schema';
import { IMPORT_FORMAT_IDS } from '../../interchange/types';
import { TRACKER_COLUMNS } from '../../interchange/export-tracker';

export const EXPORT_FORMATS = ['pdf', 'md', 'html', 'csv', 'json', 'sarif', 'navigator', 'otm', 'threat-dragon', 'jira', 'azure-devops', 'github', 'redteam-md', 'redteam-csv', 'diagram-svg'] as const;
import { REPORT_SECTIONS } from '../../report/types';
import { LOGO_MAX_BYTES } from '../../report/logo';


const Text = z.string().max(200);
/** What a report holds and what its cover says; the model's own values where left out. */
export const ReportOptionsSchema = z.strictObject({
  sections: z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length).optional(),
  classification: z.string().max(64).optional(),
  title: Text.optional(),
  owner: Text.optional(),
  authors: z.array(Text).max(100).optional(),
  reviewers: z.array(Text).max(100).optional(),
  /** A PNG or JPEG for the PDF cover, base64 (checked by its bytes, at most 1 MB). */
  logo: z.strictObject({ name: z.string().max(300), base64: z.string().max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 8) }).optional(),
});

export const reportCalls = {
  /**
   * Analyzes the model (built-in rule packs plus the workspace's rules/) and returns the report: text
   * formats as text, PDF as base64. The UI saves it where the user chooses (a download in browser
   * mode); a PDF of a 1,000-component model is a few MB, well within one answer.
   */
  'report:export': {
    input: z.strictObject({
      model: ModelSchema,
      format: z.enum(EXPORT_FORMATS),
      /** Tracker CSVs (jira, azure-devops, github): the columns, in order. */
      columns: z.array(z.enum(TRACKER_COLUMNS)).min(1).max(TRACKER_COLUMNS.length).optional(),
      /** Reports: sections, marking, cover fields and logo. */
      options: ReportOptionsSchema.optional(),
    }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      encoding: z.enum(['text', 'base64']),
      data: z.string(),
      bytes: z.number(),
      findings: z.number(),
    }),
  },
  /** Converts a model from another tool (Threat Dragon, CycloneDX, OTM, Threat Composer, TM-BOM, TMT) into a model, with notes and kind guesses. */
  'import:convert': {
    input: z.strictObject({
      text: z.string().max(32 * 1024 * 1024),
      fileName: z.string().max(1000),
      from: z.enum(IMPORT_FORMAT_IDS).optional(),
    }),
    output: z.object({
      format: z.enum(IMPORT_FORMAT_IDS),
      /** Threats the file already recorded, now threats on their elements (or decisions). */
      threats: z.number().int().nonnegative(),
      model: ModelSchema,
      notes: z.array(z.object({ level: z.enum(['info', 'warning']), pointer: z.string(), message: z.string() })),
      guesses: z.array(
        z.object({ componentId: z.string(), label: z.string(), sourceType: z.string(), kind: z.string(), confidence: z.number(), reason: z.string() }),
      ),
    }),
  },
} as const;
