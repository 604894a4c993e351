// JSON export of the findings (the register), for scripts and other tools.
import type { ReportData } from './types';

export const FINDINGS_JSON_FORMAT = 'mercator-findings/1';

export function writeFindingsJson(report: ReportData): string {
  const findings = report.register.flatMap((g) => g.entries);
  return (
    JSON.stringify(
      {
        format: FINDINGS_JSON_FORMAT,
        model: { title: report.cover.title, ...(report.cover.version ? { version: report.cover.version } : {}), modelDate: report.cover.modelDate },
        catalog: report.cover.catalogVersion,
        generatedAt: report.cover.generatedAt,
        summary: {
          findings: report.summary.findings,
          bySeverity: report.summary.bySeverity,
          byStatus: report.summary.byStatus,
          closedByControls: report.summary.closedByControls,
        },
        findings,
        closedByControls: report.closed,
        staleDecisions: report.stale,
      },
      null,
      2,
    ) + '\n'
  );
}
