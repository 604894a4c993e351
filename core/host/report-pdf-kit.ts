// Drawing helpers for the PDF report on top of pdfkit (Node-only, hence in core/host): safe text,
// headings with bookmarks, tables that break across pages with their header repeated, the diagram.
import type PDFDocument from 'pdfkit';
import type { ReportDiagram } from '../report/types';
import { zoneFill } from '../report/write-svg';

export type Doc = InstanceType<typeof PDFDocument>;

export const PAGE = { size: 'A4' as const, margin: 50, footer: 28 };
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', oblique: 'Helvetica-Oblique' };

// Characters the standard PDF fonts (WinAnsi) can show beyond Latin-1.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '✓': 'yes', '≤': '<=', '≥': '>=', '×': 'x' };

/**
 * User text as the standard fonts can draw it: control characters become spaces, characters outside
 * WinAnsi become "?". Text is always drawn as text; nothing in it is interpreted.
 */
export function pdfText(text: string, max = 4000): string {
  let out = '';
  for (const ch of text.length > max ? text.slice(0, max - 1) + '…' : text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += '\n';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` points are left on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
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
}

/** A table whose rows never split: a row that does not fit goes to the next page, under a repeated header. */
export function drawTable(doc: Doc, columns: Column[], rows: string[][], options: TableOptions = {}): void {
  const fontSize = options.fontSize ?? 8;
  const maxCell = options.maxCell ?? 600;
  const pad = 3;
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
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

  ensureSpace(doc, 40);
  header();
  rows.forEach((row, r) => {
    const cells = row.map((cell) => pdfText(cell, maxCell));
    const heights = cells.map((cell, i) => (cell ? doc.heightOfString(cell, { width: widths[i]! - 2 * pad }) : fontSize));
    const h = Math.min(maxRow, Math.max(...heights) + 2 * pad);
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      header();
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
  doc.x = left;
  doc.moveDown(0.8);
}

/** The architecture diagram as vectors, scaled to fit the box (x, y, width, height). */
export function drawDiagram(doc: Doc, d: ReportDiagram, box: { x: number; y: number; width: number; height: number }): void {
  const pad = 10;
  const scale = Math.min((box.width - 2 * pad) / d.width, (box.height - 2 * pad) / d.height, 1.2);
  const ox = box.x + pad + (box.width - 2 * pad - d.width * scale) / 2;
  const oy = box.y + pad;
  const X = (x: number) => ox + x * scale;
  const Y = (y: number) => oy + y * scale;
  const font = (size: number) => Math.max(1.5, size * scale);
  doc.save();
  doc.lineWidth(Math.max(0.2, scale));
  for (const z of [...d.zones].sort((a, b) => b.width * b.height - a.width * a.height)) {
    doc.roundedRect(X(z.x), Y(z.y), z.width * scale, z.height * scale, 8 * scale).fillColor(zoneFill(z.kind)).fill();
    doc.roundedRect(X(z.x), Y(z.y), z.width * scale, z.height * scale, 8 * scale).dash(5 * scale, { space: 3 * scale }).strokeColor('#888').stroke().undash();
    doc.fillColor('#444').font(FONT.bold).fontSize(font(12));
    doc.text(pdfText(z.label, 80), X(z.x + 8), Y(z.y + 6), { width: Math.max(4, (z.width - 16) * scale), lineBreak: false, ellipsis: true, height: font(14) });
  }
  doc.strokeColor('#555').fillColor('#555');
  for (const e of d.edges) {
    const pts = e.points;
    if (pts.length < 2) continue;
    doc.moveTo(X(pts[0]!.x), Y(pts[0]!.y));
    for (const p of pts.slice(1)) doc.lineTo(X(p.x), Y(p.y));
    doc.stroke();
    const a = pts[pts.length - 2]!;
    const b = pts[pts.length - 1]!;
    const angle = Math.atan2(b.y - a.y, b.x - a.x);
    const size = 8 * scale;
    doc
      .polygon(
        [X(b.x), Y(b.y)],
        [X(b.x) - size * Math.cos(angle - 0.4), Y(b.y) - size * Math.sin(angle - 0.4)],
        [X(b.x) - size * Math.cos(angle + 0.4), Y(b.y) - size * Math.sin(angle + 0.4)],
      )
      .fill();
    if (e.label) {
      const mid = Math.floor((pts.length - 1) / 2);
      const p = pts[mid]!;
      const q = pts[mid + 1] ?? p;
      doc.fillColor('#333').font(FONT.regular).fontSize(font(9));
      const w = 120 * scale;
      doc.text(pdfText(e.label, 60), X((p.x + q.x) / 2) - w / 2, Y((p.y + q.y) / 2) - font(11), { width: w, align: 'center', lineBreak: false, ellipsis: true, height: font(11) });
      doc.fillColor('#555');
    }
  }
  for (const n of d.nodes) {
    doc.roundedRect(X(n.x), Y(n.y), n.width * scale, n.height * scale, 5 * scale).fillAndStroke('#ffffff', '#1a73e8');
    doc.fillColor('#111').font(FONT.bold).fontSize(font(11));
    const inner = Math.max(4, (n.width - 8) * scale);
    doc.text(pdfText(n.label, 80), X(n.x + 4), Y(n.y + n.height / 2 - 13), { width: inner, align: 'center', lineBreak: false, ellipsis: true, height: font(13) });
    doc.fillColor('#666').font(FONT.regular).fontSize(font(9));
    doc.text(pdfText(n.kindLabel, 60), X(n.x + 4), Y(n.y + n.height / 2 + 3), { width: inner, align: 'center', lineBreak: false, ellipsis: true, height: font(11) });
  }
  doc.restore();
  doc.fillColor('#000').strokeColor('#000');
}
