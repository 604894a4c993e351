// One export function for the CLI and the API: analyze the model, build the report, write it in the
// asked format. The PDF writer reports progress; the text formats are quick.
import path from 'node:path';
import type { Model } from '../../model/schema';
import { buildReport } from '../../report/build';
import { writeMarkdown } from '../../report/write-markdown';
import { writeHtml } from '../../report/write-html';
import { writeRegisterCsv } from '../../report/write-csv';
import { writeFindingsJson } from '../../report/write-json';
import { writeSarif } from '../../report/write-sarif';
import { writeNavigatorLayer } from '../../report/write-navigator';
import { writeDiagramSvg } from '../../report/write-svg';
import { writeRedTeamCsv, writeRedTeamMarkdown } from '../../report/write-redteam';
import type { ReportSection } from '../../report/types';
import type { Logo } from '../../report/logo';
import { loadReportCatalog } from './catalog';
import { analyzeForReport } from './analysis';
import { writeReportPdf, type ProgressCallback } from '../pdf/write-pdf';
import { writeOtm } from '../../interchange/export-otm';
import { writeThreatDragon } from '../../interchange/export-threat-dragon';
import { writeTrackerCsv, type TrackerColumn } from '../../interchange/export-tracker';
import { reviewForReport } from './review';
import { FontSet } from '../fonts/font-set';
import { htmlFontFaces } from '../fonts/web-subset';

export const REPORT_FORMATS = ['pdf', 'md', 'html', 'csv', 'json', 'sarif', 'navigator', 'otm', 'threat-dragon', 'jira', 'azure-devops', 'github', 'redteam-md', 'redteam-csv', 'diagram-svg'] as const;
/** The formats that are tracker CSVs (one issue per finding), each a preset of columns. */
export const TRACKER_FORMATS = ['jira', 'azure-devops', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE_TYPES: Record<ReportFormat, { extension: string; mimeType: string }> = {
  pdf: { extension: '.pdf', mimeType: 'application/pdf' },
  md: { extension: '.md', mimeType: 'text/markdown' },
  html: { extension: '.html', mimeType: 'text/html' },
  csv: { extension: '.csv', mimeType: 'text/csv' },
  json: { extension: '.findings.json', mimeType: 'application/json' },
  sarif: { extension: '.sarif', mimeType: 'application/sarif+json' },
  navigator: { extension: '.layer.json', mimeType: 'application/json' },
  otm: { extension: '.otm.json', mimeType: 'application/json' },
  'threat-dragon': { extension: '.threat-dragon.json', mimeType: 'application/json' },
  jira: { extension: '.jira.csv', mimeType: 'text/csv' },
  'azure-devops': { extension: '.azure-devops.csv', mimeType: 'text/csv' },
  github: { extension: '.github.csv', mimeType: 'text/csv' },
  'redteam-md': { extension: '.redteam.md', mimeType: 'text/markdown' },
  'redteam-csv': { extension: '.redteam.csv', mimeType: 'text/csv' },
  'diagram-svg': { extension: '.diagram.svg', mimeType: 'image/svg+xml' },
};

/** The format a file name asks for, or null. */
export function formatFromFileName(file: string): ReportFormat | null {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith('.layer.json') || name.endsWith('.navigator.json')) return 'navigator';
  if (name.endsWith('.sarif') || name.endsWith('.sarif.json')) return 'sarif';
  if (name.endsWith('.otm') || name.endsWith('.otm.json') || name.endsWith('.otm.yaml')) return 'otm';
  if (name.endsWith('.threat-dragon.json') || name.endsWith('.td.json')) return 'threat-dragon';
  for (const tracker of TRACKER_FORMATS) if (name.endsWith(`.${tracker}.csv`)) return tracker;
  if (name.endsWith('.redteam.md')) return 'redteam-md';
  if (name.endsWith('.svg')) return 'diagram-svg';
  if (name.endsWith('.redteam.csv')) return 'redteam-csv';
  const ext = path.extname(name);
  return ({ '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.csv': 'csv', '.json': 'json' } as const)[ext as '.pdf'] ?? null;
}

export interface ExportOptions {
  dataDir: string;
  rulesDir?: string;
  appVersion: string;
  /** Printed on the cover; the caller reads the clock, not the report builder. */
  generatedAt: string;
  onProgress?: ProgressCallback;
  /** Tracker CSVs: the columns, in order (the preset's own when absent). */
  trackerColumns?: TrackerColumn[];
  /** Sections, classification marking and cover fields (the model's own where left out). */
  report?: { sections?: readonly ReportSection[]; classification?: string; title?: string; owner?: string; authors?: string[]; reviewers?: string[] };
  /** A checked cover logo (core/report/logo.ts). */
  logo?: Logo;
}

/** The fonts sit in the built renderer beside data/ (dist/renderer/fonts), where the UI loads them too. */
const fontsDir = (options: ExportOptions) => path.join(path.dirname(options.dataDir), 'dist', 'renderer', 'fonts');

export async function exportReport(model: Model, format: ReportFormat, options: ExportOptions): Promise<{ data: Buffer | string; findings: number }> {
  const analysis = await analyzeForReport(model, { dataDir: options.dataDir, ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}) });
  const { lookup } = loadReportCatalog(options.dataDir);
  const r = options.report ?? {};
  const cover = Object.fromEntries(Object.entries({ title: r.title, owner: r.owner, authors: r.authors, reviewers: r.reviewers, classification: r.classification }).filter(([, v]) => v !== undefined));
  const report = buildReport(model, analysis, lookup, { generatedAt: options.generatedAt, generator: `Mercator ${options.appVersion}`, ...(r.sections ? { sections: r.sections } : {}), cover });
  const review = await reviewForReport(model, analysis, (m) => analyzeForReport(m, { dataDir: options.dataDir, ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}) }));
  if (review) report.review = review;
  const findings = analysis.findings.length;
  switch (format) {
    case 'pdf':
      return { data: await writeReportPdf(report, { fontsDir: fontsDir(options), ...(options.logo ? { logo: options.logo } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) }), findings };
    case 'md':
      return { data: writeMarkdown(report), findings };
    case 'html':
      return { data: writeHtml(report, { fontFaces: htmlFontFaces(new FontSet(fontsDir(options)), JSON.stringify(report)) }), findings };
    case 'csv':
      return { data: writeRegisterCsv(report), findings };
    case 'json':
      return { data: writeFindingsJson(report), findings };
    case 'sarif':
      return { data: writeSarif(report, options.appVersion), findings };
    case 'navigator':
      return { data: writeNavigatorLayer(report, lookup), findings };
    case 'otm':
      return { data: writeOtm(model), findings };
    case 'threat-dragon':
      return { data: writeThreatDragon(model), findings };
    case 'jira':
    case 'azure-devops':
    case 'github':
      return { data: writeTrackerCsv(report, { preset: format, ...(options.trackerColumns ? { columns: options.trackerColumns } : {}) }), findings };
    case 'redteam-md':
      return { data: writeRedTeamMarkdown(report), findings };
    case 'redteam-csv':
      return { data: writeRedTeamCsv(report), findings };
    case 'diagram-svg':
      return { data: writeDiagramSvg(report.diagram, { standalone: { fontFaces: htmlFontFaces(new FontSet(fontsDir(options)), JSON.stringify(report.diagram)) } }), findings };
  }
}
