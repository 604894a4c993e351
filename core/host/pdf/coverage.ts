// The ATLAS coverage matrix of one model in the PDF, laid out like the ATLAS matrix itself: one column
// per tactic (in ATLAS order), one cell per technique this model's findings cite, coloured by its state
// (exposed cells by the severity of their highest residual score). Columns that do not fit on one page
// continue on the next, under their tactic names again.
import type { CoverageTactic, CoverageTechnique } from '../../report/types';
import { COVERAGE_LEGEND, coverageColor } from '../../report/palette';
import { FONT, bottom, contentWidth, newPage, pdfText, type Doc } from './kit';

const GAP = 3;
const PAD = 2.5;
const FONT_SIZE = 6.5;

function cellText(t: CoverageTechnique): string {
  return pdfText(`${t.name} (${t.maxResidual})`, 160);
}

function cellHeight(doc: Doc, t: CoverageTechnique, width: number): number {
  doc.font(FONT.bold).fontSize(FONT_SIZE);
  const id = doc.currentLineHeight(true);
  doc.font(FONT.regular).fontSize(FONT_SIZE);
  return id + doc.heightOfString(cellText(t), { width: width - 2 * PAD }) + 2 * PAD;
}

function legend(doc: Doc, y: number): number {
  let x = doc.page.margins.left;
  doc.font(FONT.regular).fontSize(7);
  for (const item of COVERAGE_LEGEND) {
    const w = doc.widthOfString(item.label) + 22;
    doc.rect(x, y, 12, 8).fill(item.color);
    doc.fillColor('#000').text(item.label, x + 15, y + 0.5, { lineBreak: false });
    x += w;
  }
  doc.fillColor('#5f6368').text('Cells: technique name (highest residual score of its findings).', doc.page.margins.left, y + 13, { lineBreak: false });
  doc.fillColor('#000');
  return y + 24;
}

/** Draws the matrix from the current position of a landscape page; leaves doc.y below it. */
export function drawCoverageMatrix(doc: Doc, tactics: CoverageTactic[]): void {
  if (tactics.length === 0) return;
  // ATLAS has 16 tactics: all fit across one landscape page; more (custom catalogs) share pages evenly.
  const perPage = Math.ceil(tactics.length / Math.ceil(tactics.length / 16));
  for (let first = 0; first < tactics.length; first += perPage) {
    const group = tactics.slice(first, first + perPage);
    if (first > 0) newPage(doc, 'landscape');
    let y = legend(doc, doc.y);
    const width = (contentWidth(doc) - GAP * (perPage - 1)) / perPage;
    const x = (i: number) => doc.page.margins.left + i * (width + GAP);
    const queue = group.map((t) => [...t.techniques]);
    let continued = false;
    while (queue.some((q) => q.length > 0)) {
      if (continued) {
        newPage(doc, 'landscape');
        y = doc.y;
      }
      // Tactic names across the top.
      doc.font(FONT.bold).fontSize(7);
      const head = Math.max(...group.map((t) => doc.heightOfString(pdfText(t.name, 80), { width: width - 2 * PAD }))) + 2 * PAD;
      group.forEach((t, i) => {
        doc.rect(x(i), y, width, head).fill('#1a237e');
        doc.fillColor('#fff').text(pdfText(t.name + (continued ? ' (cont.)' : ''), 80), x(i) + PAD, y + PAD, { width: width - 2 * PAD, align: 'center' });
      });
      const top = y + head + GAP;
      let lowest = top;
      group.forEach((_, i) => {
        let cy = top;
        const q = queue[i]!;
        while (q.length > 0) {
          const t = q[0]!;
          const h = cellHeight(doc, t, width);
          if (cy + h > bottom(doc) && cy > top) break;
          doc.rect(x(i), cy, width, h).fill(coverageColor(t));
          // The id on one line, a little smaller where the column is narrow (AML.T0000.000 is long).
          const id = pdfText(t.id, 40);
          doc.font(FONT.bold).fontSize(FONT_SIZE);
          doc.fontSize(Math.min(FONT_SIZE, (FONT_SIZE * (width - 2 * PAD)) / doc.widthOfString(id)));
          doc.fillColor('#000').text(id, x(i) + PAD, cy + PAD, { width: width - 2 * PAD + 1, lineBreak: false });
          doc.font(FONT.regular).fontSize(FONT_SIZE);
          doc.text(cellText(t), x(i) + PAD, cy + PAD + doc.currentLineHeight(true), { width: width - 2 * PAD });
          cy += h + GAP;
          q.shift();
        }
        lowest = Math.max(lowest, cy);
      });
      continued = true;
      doc.x = doc.page.margins.left;
      doc.y = lowest + 4;
    }
  }
  doc.fillColor('#000').font(FONT.regular);
}
