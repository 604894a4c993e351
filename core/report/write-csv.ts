// CSV export of the threat register: one row per finding, RFC 4180 quoting, formula-safe cells.
import type { ReportData } from './types';
import { csvCell } from './escape';

export const CSV_COLUMNS = [
  'Ref', 'Key', 'Title', 'Subject type', 'Subject', 'Category', 'ATLAS techniques', 'ATLAS tactics', 'OWASP',
  'Likelihood', 'Impact', 'Score', 'Severity', 'Residual score', 'Residual severity', 'Status', 'Owner', 'Due', 'Ticket',
  'Rationale', 'Mitigations', 'Reasons',
] as const;

export function writeRegisterCsv(report: ReportData): string {
  const rows: Array<Array<string | number>> = [[...CSV_COLUMNS]];
  for (const group of report.register) {
    for (const e of group.entries) {
      rows.push([
        e.ref, e.key, e.title, e.subject.type, e.subject.label, e.category,
        e.atlas.map((t) => t.id).join('; '),
        [...new Set(e.atlas.flatMap((t) => t.tactics.map((ta) => ta.name)))].join('; '),
        e.owasp.map((o) => o.id).join('; '),
        e.inherent.likelihood, e.inherent.impact, e.inherent.score, e.inherent.severity,
        e.residual.score, e.residual.severity, e.status, e.owner, e.due, e.ticket, e.rationale,
        e.mitigations.map((m) => `${m.controlLabel} on ${m.target.label}${m.present ? ' (present)' : ''}`).join('; '),
        e.reasons.join(' '),
      ]);
    }
  }
  // Findings closed by a control in place follow, with status "closed by control" and the control named.
  for (const c of report.closed) {
    rows.push([
      '', c.key, c.title, '', c.subject, '', c.atlas.map((t) => t.id).join('; '), '', c.owasp.map((o) => o.id).join('; '),
      c.inherent.likelihood, c.inherent.impact, c.inherent.score, c.inherent.severity, '', '', 'closed by control', '', '', '', '',
      c.closedBy.join('; '), '',
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
