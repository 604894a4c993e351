// The PDF's written and cross-reference sections: scope and method (the model's own texts), data
// flows, controls in place (evidence), and the red-team test plan.
import type { ReportData } from '../../report/types';
import { severityLabel } from '../../report/escape';
import { FONT, drawTable, ensureSpace, pdfText, type Doc } from './kit';

export interface SectionWriter {
  readonly doc: Doc;
  section(title: string, options?: { landscape?: boolean }): void;
  heading(text: string, size?: number, keep?: number): void;
  para(text: string, size?: number): void;
  /** Adds a bookmark under the current section. */
  bookmark(title: string): void;
}

const NOT_RECORDED = 'Not recorded in the model.';

export function writeScope(w: SectionWriter, report: ReportData): void {
  w.section('Scope and method');
  const n = report.narrative;
  const parts: Array<[string, string]> = [
    ['Scope', n.scope],
    ['Assumptions', n.assumptions],
    ['Out of scope', n.exclusions],
    ['Methodology', n.methodology],
  ];
  for (const [title, text] of parts) {
    w.heading(title, 12, 30);
    w.para(text.trim() || NOT_RECORDED, 9.5);
    w.doc.moveDown(0.4);
  }
}

export function writeFlows(w: SectionWriter, report: ReportData): void {
  w.section('Data flows');
  if (report.flows.length === 0) {
    w.para('The model has no data flows.');
    return;
  }
  w.para('Every data flow with what it carries and how it is protected. "Not recorded" means nobody said whether the control is there.');
  drawTable(
    w.doc,
    [
      { header: 'Flow', width: 0.15 },
      { header: 'Source', width: 0.14 },
      { header: 'Target', width: 0.14 },
      { header: 'Carries', width: 0.16 },
      { header: 'Classification', width: 0.11 },
      { header: 'Authenticated', width: 0.1 },
      { header: 'Encrypted', width: 0.09 },
      { header: 'Findings', width: 0.11 },
    ],
    report.flows.map((f) => [f.label || '(no label)', f.source, f.target, f.carries || '-', f.classification, f.authenticated, f.encrypted, f.findings.join(', ')]),
    { fontSize: 7.5 },
  );
}

export function writeEvidence(w: SectionWriter, report: ReportData): void {
  w.section('Controls in place');
  const { controls } = report.evidence;
  const closed = report.closed;
  if (controls.length === 0) w.para('No control is recorded as present in the model.');
  else {
    w.para('Each control the model records as present, where it is, and the findings it closes (kept below as evidence) or whose residual score it lowers.');
    drawTable(
      w.doc,
      [
        { header: 'Control', width: 0.22 },
        { header: 'Where', width: 0.26 },
        { header: 'Closes', width: 0.22 },
        { header: 'Lowers', width: 0.3 },
      ],
      controls.map((c) => [c.controlLabel, `${c.target.type === 'flow' ? 'Flow' : 'Component'}: ${c.target.label}`, c.closes.join(', ') || '-', c.lowers.join(', ') || '-']),
    );
  }
  w.heading('Findings closed by controls', 12);
  if (closed.length === 0) w.para('No finding is closed by a control in place.');
  else
    drawTable(
      w.doc,
      [
        { header: 'Ref', width: 0.08 },
        { header: 'Finding', width: 0.3 },
        { header: 'Where', width: 0.2 },
        { header: 'Closed by', width: 0.28 },
        { header: 'Without it', width: 0.14 },
      ],
      closed.map((c) => [c.ref, c.title, c.subject, c.closedBy.join('\n'), `${c.inherent.score} ${severityLabel(c.inherent.severity)}`]),
      { maxCell: 2000 },
    );
}

export function writeRedTeam(w: SectionWriter, report: ReportData): void {
  w.section('Red-team test plan');
  const doc = w.doc;
  if (report.redTeam.length === 0) {
    w.para('No finding is open, so there is nothing to test.');
    return;
  }
  w.para('For each open finding, the tests that would show whether it is real, what to look for, and which controls a passing test shows to work. Grouped by the element the finding is about; tool families are named generically.');
  for (const g of report.redTeam) {
    const kind = g.subject.type === 'flow' ? 'Flow' : g.subject.type === 'path' ? 'Path' : 'Component';
    ensureSpace(doc, 90);
    w.bookmark(pdfText(`${kind}: ${g.subject.label}`, 120));
    w.heading(`${kind}: ${g.subject.label}`, 11, 60);
    for (const item of g.items) {
      ensureSpace(doc, 60);
      doc.font(FONT.bold).fontSize(9).fillColor('#000').text(pdfText(`${item.ref}  ${item.title}  (residual ${item.residual.score} ${severityLabel(item.residual.severity)})`, 300));
      if (item.atlas.length) doc.font(FONT.regular).fontSize(7.5).fillColor('#5f6368').text(pdfText(`ATLAS: ${item.atlas.join(', ')}`, 300));
      doc.fillColor('#000').moveDown(0.2);
      drawTable(
        doc,
        [
          { header: 'Test', width: 0.17 },
          { header: 'How', width: 0.37 },
          { header: 'What shows the finding is real', width: 0.26 },
          { header: 'Verifies', width: 0.2 },
        ],
        item.tests.map((t) => [t.kindLabel, t.method, t.observe, t.verifies.join('\n') || '-']),
        { fontSize: 7 },
      );
    }
  }
}
