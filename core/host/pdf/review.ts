// The review pages of the PDF report: a sign-off page (status, owner, reviewers, each sign-off with
// its verification) and "Changes since the last review" when the latest baseline verifies.
import type { ReportReview } from '../../report/review';
import { REVIEW_STATUS_TEXT } from '../../report/review';
import { FONT, contentWidth, drawTable, ensureSpace, pdfText, type Doc } from './kit';

/** What the review pages need of the report writer (write-pdf.ts). */
export interface PdfSections {
  doc: Doc;
  section(title: string): void;
  heading(text: string, size?: number, keep?: number): void;
  para(text: string, size?: number): void;
}

const when = (at: string) => at.replace('T', ' ').replace(/(:\d{2})(\.\d+)?Z$/, '$1 UTC');
const plain = (line: string) => line.replace(/^[+\-~✓!?] /, '').replace(/ {2,}/g, ' ');
const MARK: Record<string, string> = { '+': '+', '-': '–', '~': '~', '✓': '✓', '!': '!', '?': '?' };
const RED = '#b42318';

export function writeReviewPages(pdf: PdfSections, review: ReportReview): void {
  const doc = pdf.doc;
  pdf.section('Review and sign-off');
  const left = doc.page.margins.left;
  const rows: Array<[string, string]> = [
    ['Review status', REVIEW_STATUS_TEXT[review.status]],
    ['Owner', review.owner || '—'],
    ['Reviewers', review.reviewers.join(', ') || '—'],
  ];
  for (const [k, v] of rows) {
    const y = doc.y;
    doc.font(FONT.bold).fontSize(10).fillColor('#5f6368').text(k, left, y, { width: 115, lineBreak: false });
    doc.font(FONT.regular).fillColor('#000').text(pdfText(v, 1000), left + 120, y, { width: contentWidth(doc) - 120 });
    doc.y += 3;
  }
  doc.x = left;
  doc.moveDown(1);
  if (review.signOffs.length === 0) pdf.para('Not signed off yet.', 10);
  else {
    pdf.heading('Sign-offs', 12);
    drawTable(
      doc,
      [{ header: 'Sign-off', width: 0.12 }, { header: 'Date', width: 0.2 }, { header: 'Status', width: 0.12 }, { header: 'Signed by', width: 0.18 }, { header: 'Reviewers', width: 0.18 }, { header: 'Baseline', width: 0.2 }],
      review.signOffs.map((s) => [s.id, when(s.signedAt), REVIEW_STATUS_TEXT[s.status], s.signedBy.join(', ') || '—', s.reviewers.join(', ') || '—', s.verified ? `verified\nsha256 ${s.hash.slice(0, 16)}…` : `TAMPERED: ${s.problem ?? ''}`]),
      { fontSize: 8.5, maxCell: 600 },
    );
    const bad = review.signOffs.filter((s) => !s.verified);
    if (bad.length > 0) {
      doc.moveDown(0.5).font(FONT.bold).fontSize(10).fillColor(RED).text(pdfText(`Warning: ${bad.map((s) => s.id).join(', ')} ${bad.length === 1 ? 'does' : 'do'} not match the hash recorded at sign-off; the file was changed afterwards.`), left);
      doc.fillColor('#000').font(FONT.regular);
    }
    // Signature lines for a printed copy.
    doc.moveDown(2);
    const latest = review.signOffs.at(-1)!;
    for (const name of latest.reviewers.length ? latest.reviewers : latest.signedBy) {
      ensureSpace(doc, 40);
      const y = doc.y + 18;
      doc.moveTo(left, y).lineTo(left + 220, y).lineWidth(0.6).strokeColor('#5f6368').stroke();
      doc.font(FONT.regular).fontSize(8.5).fillColor('#5f6368').text(pdfText(name, 200), left, y + 3, { width: 220 });
      doc.text('Date', left + 260, y + 3, { width: 100 });
      doc.moveTo(left + 260, y).lineTo(left + 380, y).stroke();
      doc.fillColor('#000');
      doc.y = y + 16;
      doc.x = left;
    }
  }

  const latest = review.signOffs.at(-1);
  if (latest && !latest.verified) {
    pdf.section('Changes since the last review');
    doc.font(FONT.bold).fontSize(10).fillColor(RED).text(pdfText(`The latest baseline (${latest.id}) does not verify, so no changes are shown against it.`));
    doc.fillColor('#000').font(FONT.regular);
    return;
  }
  const c = review.changes;
  if (!c) return;
  pdf.section('Changes since the last review');
  pdf.para(`Since ${c.since.id}, signed off on ${when(c.since.signedAt)}${c.since.signedBy.length ? ` by ${c.since.signedBy.join(', ')}` : ''}.`, 10);
  pdf.para(c.summary, 9);
  for (const s of c.sections) {
    pdf.heading(s.title, 11, 30);
    for (const line of s.lines) {
      ensureSpace(doc, 14);
      const mark = MARK[line[0] ?? ''] ?? '•';
      const y = doc.y;
      doc.font(FONT.bold).fontSize(9).fillColor(mark === '+' ? '#1a7f37' : mark === '–' ? RED : '#5f6368').text(mark === '✓' ? '+' : mark, left, y, { width: 12, lineBreak: false });
      doc.font(FONT.regular).fillColor('#000').text(pdfText(plain(line), 1000), left + 14, y, { width: contentWidth(doc) - 14 });
      doc.moveDown(0.15);
    }
    doc.x = left;
    doc.moveDown(0.4);
  }
}
