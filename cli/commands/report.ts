import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadModelBytes } from '../../core/model/load';
import { formatProblem } from '../../core/model/errors';
import { REPORT_FORMATS, TRACKER_FORMATS, exportReport, formatFromFileName, type ReportFormat } from '../../core/host/report/export';
import { parseTrackerColumns, type TrackerColumn } from '../../core/interchange/export-tracker';
import { writeFileAtomic } from '../../core/host/files/atomic-file';
import { EXIT, UsageError, appVersion, parseOptions, type CliCommand } from '../context';
import { REPORT_SECTIONS, type ReportSection } from '../../core/report/types';
import { checkLogo, type Logo } from '../../core/report/logo';

const list = (value: unknown) => (typeof value === 'string' ? value.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : undefined);

/** --sections, --classification and the cover flags, checked. */
function reportOptions(options: Record<string, string | boolean>) {
  const sections = list(options.sections);
  if (sections) {
    const unknown = sections.filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
    if (unknown.length) throw new UsageError(`--sections: unknown section ${unknown.map((s) => `"${s}"`).join(', ')}; choose from ${REPORT_SECTIONS.join(', ')}`);
  }
  const text = (name: string, max: number) => {
    const v = options[name];
    if (typeof v !== 'string') return undefined;
    if (v.length > max) throw new UsageError(`--${name} is at most ${max} characters`);
    return v;
  };
  const authors = list(options.authors);
  const reviewers = list(options.reviewers);
  const out: { sections?: ReportSection[]; classification?: string; title?: string; owner?: string; authors?: string[]; reviewers?: string[] } = {};
  if (sections) out.sections = sections as ReportSection[];
  const classification = text('classification', 64);
  if (classification !== undefined) out.classification = classification;
  const title = text('title', 200);
  if (title) out.title = title;
  const owner = text('owner', 200);
  if (owner) out.owner = owner;
  if (authors) out.authors = authors;
  if (reviewers) out.reviewers = reviewers;
  return out;
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write a threat-model report (PDF, Markdown, HTML, CSV, JSON, SARIF, ATLAS Navigator layer), a red-team plan, the diagram (SVG), an OTM or Threat Dragon model, or a tracker CSV (Jira, Azure DevOps, GitHub)',
  usage: `mercator report FILE -o OUT [--format ${REPORT_FORMATS.join('|')}] [--columns title,description,… (tracker formats)] [--rules DIR] [--sections LIST] [--classification TEXT] [--logo PNG|JPEG] [--title TEXT] [--owner NAME] [--authors LIST] [--reviewers LIST]`,
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, {
      o: 'string', output: 'string', format: 'string', rules: 'string', columns: 'string',
      sections: 'string', classification: 'string', logo: 'string', title: 'string', owner: 'string', authors: 'string', reviewers: 'string',
    });
    const report = reportOptions(options);
    if (positional.length !== 1) throw new UsageError('name exactly one model file');
    const out = (options.o ?? options.output) as string | undefined;
    if (!out) throw new UsageError('say where to write the report with -o OUT');
    const asked = options.format as string | undefined;
    if (asked !== undefined && !(REPORT_FORMATS as readonly string[]).includes(asked)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${asked}"`);
    const format = (asked as ReportFormat | undefined) ?? formatFromFileName(out);
    if (!format) throw new UsageError(`cannot tell the format from "${path.basename(out)}"; add --format`);
    let trackerColumns: TrackerColumn[] | undefined;
    if (options.columns !== undefined) {
      if (!(TRACKER_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--columns applies to the tracker formats (${TRACKER_FORMATS.join(', ')}), not "${format}"`);
      const parsed = parseTrackerColumns(options.columns as string);
      if (!parsed.ok) throw new UsageError(`--columns: ${parsed.message}`);
      trackerColumns = parsed.columns;
    }
    const file = positional[0]!;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.resolve(ctx.cwd, file));
    } catch (error) {
      ctx.err(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return EXIT.failed;
    }
    const loaded = loadModelBytes(bytes);
    if (!loaded.ok) {
      for (const e of loaded.errors) ctx.err(formatProblem(e, file));
      return EXIT.failed;
    }
    let logo: Logo | undefined;
    if (options.logo) {
      const logoFile = options.logo as string;
      let data: Buffer;
      try {
        data = await fs.readFile(path.resolve(ctx.cwd, logoFile));
      } catch (error) {
        ctx.err(`${logoFile}: cannot read the logo (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        return EXIT.failed;
      }
      const checked = checkLogo(data, logoFile);
      if (!checked.ok) {
        ctx.err(`${logoFile}: ${checked.error}`);
        return EXIT.failed;
      }
      logo = checked.logo;
    }
    let lastShown = -1;
    const { data, findings } = await exportReport(loaded.model, format, {
      dataDir: path.join(ctx.appRoot, 'data'),
      ...(options.rules ? { rulesDir: path.resolve(ctx.cwd, options.rules as string) } : {}),
      appVersion: appVersion(ctx.appRoot),
      generatedAt: new Date().toISOString().slice(0, 10),
      ...(trackerColumns ? { trackerColumns } : {}),
      report,
      ...(logo ? { logo } : {}),
      onProgress: (fraction, stage) => {
        const pct = Math.floor(fraction * 100);
        if (pct >= lastShown + 10 || fraction === 1) {
          lastShown = pct;
          ctx.err(`report: ${String(pct).padStart(3)}% ${stage}`);
        }
      },
    });
    await writeFileAtomic(path.resolve(ctx.cwd, out), data);
    ctx.out(`${out}: ${format} report of "${loaded.model.meta.title}", ${findings} finding(s)`);
    return EXIT.ok;
  },
};
