// The red-team test plan on its own, as Markdown (for a test team's wiki or ticket) and as CSV (one row
// per finding and test, for a tracker or spreadsheet). User text is escaped per format.
import type { ReportData } from './types';
import { csvCell, escapeMarkdown as md, severityLabel } from './escape';

export const REDTEAM_CSV_COLUMNS = ['Subject type', 'Subject', 'Ref', 'Finding', 'Residual score', 'Residual severity', 'ATLAS techniques', 'Test', 'How', 'What shows the finding is real', 'Verifies'] as const;

const kindOf = (t: string) => (t === 'flow' ? 'Flow' : t === 'path' ? 'Path' : 'Component');

/** The plan as a Markdown document, or (`inReport`) as the report's section under a level-2 heading. */
export function writeRedTeamMarkdown(report: ReportData, inReport = false): string {
  const h = (level: number) => '#'.repeat(inReport ? level + 1 : level);
  const out = inReport ? ['## Red-team test plan', ''] : [`# Red-team test plan: ${md(report.cover.title)}`, ''];
  if (!inReport && report.cover.classification) out.push(`**${md(report.cover.classification)}**`, '');
  if (!inReport) out.push(`${md(report.cover.generator)}${report.cover.generatedAt ? ` · ${md(report.cover.generatedAt)}` : ''}`, '');
  out.push('For each open finding: the tests that would show whether it is real, what to look for, and which controls a passing test shows to work.', '');
  if (report.redTeam.length === 0) out.push('No finding is open, so there is nothing to test.', '');
  for (const g of report.redTeam) {
    out.push(`${h(2)} ${kindOf(g.subject.type)}: ${md(g.subject.label)}`, '');
    for (const item of g.items) {
      out.push(`${h(3)} ${item.ref} ${md(item.title)}`, '', `Residual ${item.residual.score} (${severityLabel(item.residual.severity)})${item.atlas.length ? ` · ATLAS ${item.atlas.join(', ')}` : ''}`, '');
      for (const t of item.tests) {
        out.push(`- **${md(t.kindLabel)}.** ${md(t.method)}`, `  - *What shows the finding is real:* ${md(t.observe)}`);
        if (t.verifies.length) out.push(`  - *Verifies:* ${t.verifies.map(md).join('; ')}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export function writeRedTeamCsv(report: ReportData): string {
  const rows: Array<Array<string | number>> = [[...REDTEAM_CSV_COLUMNS]];
  for (const g of report.redTeam)
    for (const item of g.items)
      for (const t of item.tests)
        rows.push([g.subject.type, g.subject.label, item.ref, item.title, item.residual.score, item.residual.severity, item.atlas.join('; '), t.kindLabel, t.method, t.observe, t.verifies.join('; ')]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
