// Drawing helpers for the PDF report on top of pdfkit (Node-only, hence in core/host): safe text,
// pages that all share one size and margins, tables that break across pages with their header repeated.
import type { ScriptDocument } from './script-doc';

export type Doc = ScriptDocument;

export const PAGE = { size: 'A4' as const, margin: 50, footer: 28 };
/** Every page's margins; the bottom one leaves room for the footer. */
export const MARGINS = { top: PAGE.margin, bottom: PAGE.margin + PAGE.footer / 2, left: PAGE.margin, right: PAGE.margin };
/** The report's faces (registered by ./script-doc.ts; other scripts fall back from these). */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold', oblique: 'Sans-Italic' };

/**
 * User text as the PDF draws it: control characters become spaces (a line feed stays), text longer
 * than `max` is cut with an ellipsis. Every script is kept: the embedded fonts draw it. Text is
 * always drawn as text; nothing in it is interpreted.
 */
export function pdfText(text: string, max = 4000): string {
  const cut = text.length > max ? text.slice(0, max - 1) + '…' : text;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  return cut.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/**
 * A new page, A4 with the report's margins. Always pass size and margins: pdfkit's addPage(options)
 * takes its defaults (US Letter, 72 pt margins) for whatever the options leave out.
 */
export function newPage(doc: Doc, layout: 'portrait' | 'landscape' = 'portrait'): void {
  doc.addPage({ size: PAGE.size, layout, margins: MARGINS });
}

/** Starts a new page when less than `height` points are left on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) newPage(doc);
}

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableOptions {
  fontSize?: number;
  /** Longest text drawn in one cell; longer text is cut with an ellipsis. */
  maxCell?: number;
  /** Left edge and width of the table (default: the content area). */
  x?: number;
  width?: number;
  /**
   * A column whose value is written only where it changes (rows below leave it empty): the first row
   * on a new page repeats it, marked "(cont.)".
   */
  groupColumn?: number;
}

/** A table whose rows never split: a row that does not fit goes to the next page, under a repeated header. */
export function drawTable(doc: Doc, columns: Column[], rows: string[][], options: TableOptions = {}): void {
  const fontSize = options.fontSize ?? 8;
  const maxCell = options.maxCell ?? 600;
  const pad = 3;
  const left = options.x ?? doc.page.margins.left;
  const total = options.width ?? contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const maxRow = bottom(doc) - doc.page.margins.top - 40;

  const header = () => {
    doc.font(FONT.bold).fontSize(fontSize);
    const h = Math.max(...columns.map((c, i) => doc.heightOfString(c.header, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    const y = doc.y;
    doc.rect(left, y, total, h).fill('#e8eaed');
    doc.fillColor('#000');
    columns.forEach((c, i) => doc.text(c.header, xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, align: c.align ?? 'left', lineBreak: true }));
    doc.y = y + h;
    doc.font(FONT.regular).fontSize(fontSize);
  };

  // The header never stays alone at the bottom of a page: it goes with the first row.
  doc.font(FONT.regular).fontSize(fontSize);
  const firstRow = rows[0] ? Math.min(maxRow, Math.max(...rows[0].map((cell, i) => doc.heightOfString(pdfText(cell, maxCell), { width: widths[i]! - 2 * pad }))) + 2 * pad) : 0;
  ensureSpace(doc, fontSize + 2 * pad + 4 + firstRow);
  header();
  let group = '';
  rows.forEach((row, r) => {
    const g = options.groupColumn;
    if (g !== undefined && row[g]) group = row[g];
    const cells = row.map((cell) => pdfText(cell, maxCell));
    const rowHeight = () => Math.min(maxRow, Math.max(...cells.map((cell, i) => (cell ? doc.heightOfString(cell, { width: widths[i]! - 2 * pad }) : fontSize))) + 2 * pad);
    let h = rowHeight();
    if (doc.y + h > bottom(doc)) {
      newPage(doc);
      header();
      if (g !== undefined && !cells[g] && group) {
        cells[g] = pdfText(`${group} (cont.)`, maxCell);
        h = rowHeight();
      }
    }
    const y = doc.y;
    if (r % 2 === 1) {
      doc.rect(left, y, total, h).fill('#f8f9fa');
      doc.fillColor('#000');
    }
    cells.forEach((cell, i) => {
      if (cell) doc.text(cell, xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, height: h - 2 * pad, ellipsis: true, align: columns[i]!.align ?? 'left' });
    });
    doc.moveTo(left, y + h).lineTo(left + total, y + h).lineWidth(0.3).strokeColor('#ccc').stroke();
    doc.y = y + h;
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.8);
}
