// One finding of the threat register in the PDF: a title line with a severity badge, then labelled
// rows (status, score, ATLAS, OWASP, path, why, mitigations, rationale) beside a bar in the residual
// severity's colour. Measured before it is drawn, so a group heading is never left alone at a page
// foot; an entry taller than a page continues on the next one with its bar.
import type { RegisterEntry } from '../../report/types';
import { severityLabel, statusLabel } from '../../report/escape';
import type { Severity } from '../../engine/types';
import { FONT, bottom, contentWidth, newPage, pdfText, type Doc } from './kit';

export const SEVERITY_COLOR: Record<Severity, string> = { critical: '#b71c1c', high: '#e53935', medium: '#ffb300', low: '#7cb342', info: '#9e9e9e' };
/** Text colour on each severity's colour. */
export const SEVERITY_INK: Record<Severity, string> = { critical: '#fff', high: '#fff', medium: '#000', low: '#000', info: '#fff' };

const LABEL_WIDTH = 60;
const INDENT = 10;
const BADGE = 46;
const ROW_GAP = 1.5;

function rows(e: RegisterEntry): Array<[string, string]> {
  const status = [statusLabel(e.status), e.owner && `owner ${e.owner}`, e.due && `due ${e.due}`, e.ticket && `ticket ${e.ticket}`].filter(Boolean).join(', ');
  const out: Array<[string, string]> = [
    ['Status', status],
    ['Score', `${e.inherent.score} ${severityLabel(e.inherent.severity)} (likelihood ${e.inherent.likelihood} × impact ${e.inherent.impact}); residual ${e.residual.score} ${severityLabel(e.residual.severity)}`],
    ['ATLAS', e.atlas.map((t) => `${t.id} ${t.name}${t.tactics.length ? ` [${t.tactics.map((x) => x.name).join(', ')}]` : ''}`).join('; ') || '-'],
    ['OWASP', e.owasp.map((o) => `${o.id} ${o.name}`).join('; ') || '-'],
  ];
  if (e.path.length) out.push(['Path', e.path.join(' → ')]);
  if (e.reasons.length) out.push(['Why', e.reasons.join(' ')]);
  if (e.mitigations.length) out.push(['Mitigations', e.mitigations.map((m) => `${m.controlLabel} on ${m.target.label}${m.present ? ' (present)' : ''}${m.atlas.length ? ` (${m.atlas.map((a) => a.id).join(', ')})` : ''}`).join('; ')]);
  if (e.rationale) out.push(['Rationale', e.rationale]);
  return out.map(([k, v]) => [k, pdfText(v, 1500)]);
}

const valueWidth = (doc: Doc) => contentWidth(doc) - INDENT - LABEL_WIDTH;
const titleOf = (e: RegisterEntry) => pdfText(`${e.ref}  ${e.title}`, 300);

function titleHeight(doc: Doc, title: string): number {
  doc.font(FONT.bold).fontSize(9.5);
  return Math.max(11, doc.heightOfString(title, { width: contentWidth(doc) - INDENT - BADGE - 8 })) + 2;
}

function rowHeight(doc: Doc, value: string): number {
  doc.font(FONT.regular).fontSize(8);
  return Math.max(9, doc.heightOfString(value, { width: valueWidth(doc) })) + ROW_GAP;
}

/** Height of the whole entry, capped at one page body. */
export function measureEntry(doc: Doc, e: RegisterEntry): number {
  const height = titleHeight(doc, titleOf(e)) + rows(e).reduce((h, [, v]) => h + rowHeight(doc, v), 0) + 6;
  return Math.min(height, bottom(doc) - doc.page.margins.top);
}

export function drawEntry(doc: Doc, e: RegisterEntry): void {
  const title = titleOf(e);
  const body = rows(e);
  // Title with the first two rows at least, on one page.
  const start = titleHeight(doc, title) + body.slice(0, 2).reduce((h, [, v]) => h + rowHeight(doc, v), 0);
  if (doc.y + Math.max(start, measureEntry(doc, e)) > bottom(doc)) newPage(doc);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const color = SEVERITY_COLOR[e.residual.severity];
  let barTop = doc.y;
  const bar = (to: number) => doc.rect(left, barTop, 4, to - barTop).fill(color);

  const y = doc.y;
  doc.font(FONT.bold).fontSize(9.5).fillColor('#000').text(title, left + INDENT, y, { width: width - INDENT - BADGE - 8 });
  doc.rect(left + width - BADGE, y, BADGE, 11).fill(color);
  doc.font(FONT.regular).fontSize(8).fillColor(SEVERITY_INK[e.residual.severity]).text(severityLabel(e.residual.severity), left + width - BADGE, y + 2, { width: BADGE, align: 'center', lineBreak: false });
  doc.y = y + titleHeight(doc, title);
  for (const [k, v] of body) {
    const h = rowHeight(doc, v);
    if (doc.y + h > bottom(doc)) {
      bar(doc.y);
      newPage(doc);
      barTop = doc.y;
    }
    const rowY = doc.y;
    doc.font(FONT.bold).fontSize(8).fillColor('#5f6368').text(k, left + INDENT, rowY, { width: LABEL_WIDTH - 2, lineBreak: false });
    doc.font(FONT.regular).fillColor('#000').text(v, left + INDENT + LABEL_WIDTH, rowY, { width: valueWidth(doc), height: bottom(doc) - rowY, ellipsis: true });
    doc.y = rowY + h;
  }
  bar(doc.y);
  doc.fillColor('#000');
  doc.x = left;
  doc.y += 6;
}
