// The executive summary's figures in the PDF: findings by residual severity (bars) beside findings by
// status, then the likelihood × impact heatmap of the findings at their residual score with its colour legend.
import type { ReportData } from '../../report/types';
import { severityLabel, statusLabel } from '../../report/escape';
import { SEVERITIES } from '../../engine/types';
import { HEAT_COLOR, HEAT_INK, HEAT_LEGEND, heatSeverity } from '../../report/palette';
import { HEATMAP_AXES, HEATMAP_COUNTS } from '../../report/heatmap';
import { FONT, contentWidth, drawTable, type Doc } from './kit';
import { SEVERITY_COLOR } from './entry';

const HEADING = '#1a237e';

function columnHeading(doc: Doc, text: string, x: number, y: number, width: number): number {
  doc.font(FONT.bold).fontSize(12).fillColor(HEADING).text(text, x, y, { width, lineBreak: false });
  doc.fillColor('#000').font(FONT.regular);
  return y + 20;
}

/** Severity bars on the left half, the status table on the right half; returns the y below both. */
export function drawCounts(doc: Doc, summary: ReportData['summary']): number {
  const left = doc.page.margins.left;
  const half = (contentWidth(doc) - 20) / 2;
  const top = doc.y;
  let y = columnHeading(doc, 'Findings by residual severity', left, top, half);
  const max = Math.max(1, ...Object.values(summary.bySeverity));
  const barMax = half - 60 - 30;
  for (const s of [...SEVERITIES].reverse()) {
    const n = summary.bySeverity[s];
    doc.font(FONT.regular).fontSize(9).fillColor('#000').text(severityLabel(s), left, y + 1, { width: 55, lineBreak: false });
    if (n > 0) doc.rect(left + 60, y, (n / max) * barMax, 11).fill(SEVERITY_COLOR[s]);
    else doc.rect(left + 60, y, 0.8, 11).fill('#bdbdbd');
    doc.fillColor('#000').font(n > 0 ? FONT.bold : FONT.regular).text(String(n), left + 60 + (n / max) * barMax + 5, y + 1, { width: 30, lineBreak: false });
    y += 16;
  }
  const right = left + half + 20;
  doc.y = columnHeading(doc, 'Findings by status', right, top, half);
  drawTable(
    doc,
    [{ header: 'Status', width: 0.65 }, { header: 'Findings', width: 0.35, align: 'right' }],
    Object.entries(summary.byStatus).map(([s, n]) => [statusLabel(s), String(n)]),
    { x: right, width: half * 0.75 },
  );
  const below = Math.max(y, doc.y) + 8;
  doc.x = left;
  doc.y = below;
  return below;
}

/** The 5 × 5 heatmap (impact up, likelihood across, as in the app) with axis labels and a legend to its right; returns the y below it. */
export function drawHeatmap(doc: Doc, matrix: number[][]): number {
  const cell = 30;
  const left = doc.page.margins.left + 34;
  const top = doc.y + 4;
  for (let im = 5; im >= 1; im--) {
    const y = top + (5 - im) * cell;
    doc.font(FONT.regular).fontSize(8.5).fillColor('#000').text(String(im), left - 16, y + cell / 2 - 4, { width: 12, align: 'right', lineBreak: false });
    for (let l = 1; l <= 5; l++) {
      const x = left + (l - 1) * cell;
      const n = matrix[im - 1]?.[l - 1] ?? 0;
      const band = heatSeverity(l, im);
      doc.rect(x, y, cell, cell).fillAndStroke(HEAT_COLOR[band], '#fff');
      if (n > 0) doc.font(FONT.bold).fontSize(11).fillColor(HEAT_INK[band]).text(String(n), x, y + cell / 2 - 6.5, { width: cell, align: 'center', lineBreak: false });
      else doc.font(FONT.regular).fontSize(7).fillColor(band === 'critical' ? '#f5c6c4' : '#9e9e9e').text('0', x, y + cell / 2 - 4.5, { width: cell, align: 'center', lineBreak: false });
    }
  }
  doc.font(FONT.regular).fontSize(8.5).fillColor('#000');
  for (let l = 1; l <= 5; l++) doc.text(String(l), left + (l - 1) * cell, top + 5 * cell + 3, { width: cell, align: 'center', lineBreak: false });
  doc.font(FONT.bold).fontSize(8.5).text(HEATMAP_AXES.x, left, top + 5 * cell + 15, { width: 5 * cell, align: 'center', lineBreak: false });
  // The impact axis title, written upwards along the rows.
  doc.save();
  doc.rotate(-90, { origin: [left - 28, top + 2.5 * cell] });
  doc.text(HEATMAP_AXES.y, left - 28 - 2.5 * cell, top + 2.5 * cell - 4, { width: 5 * cell, align: 'center', lineBreak: false });
  doc.restore();

  const lx = left + 5 * cell + 30;
  let ly = top;
  doc.font(FONT.bold).fontSize(8.5).fillColor('#000').text('Cell colour: severity of likelihood × impact', lx, ly, { lineBreak: false });
  ly += 14;
  for (const { severity, color, range } of HEAT_LEGEND) {
    doc.rect(lx, ly, 14, 10).fill(color);
    doc.font(FONT.regular).fontSize(8.5).fillColor('#000').text(`${severityLabel(severity)} (${range})`, lx + 20, ly + 1.5, { lineBreak: false });
    ly += 14;
  }
  ly += 4;
  doc.font(FONT.regular).fontSize(8).fillColor('#5f6368').text(`Numbers: ${HEATMAP_COUNTS}`, lx, ly, { width: contentWidth(doc) - (lx - doc.page.margins.left) });
  doc.fillColor('#000');
  const below = top + 5 * cell + 32;
  doc.x = doc.page.margins.left;
  doc.y = below;
  return below;
}
