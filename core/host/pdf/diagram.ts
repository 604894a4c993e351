// The architecture diagram drawn into the PDF as vectors: zones, flow lines, component boxes, every
// label on a white ground in the place core/report chose for it (so no line or box hides a label), and
// the arrowheads last (so no label hides a flow's direction). Component names shrink a little, then
// wrap to two lines, before they are cut. Drawn whole (scaled to fit a box) or as one tile of a larger
// drawing (a view: a scale and the model point at the box's top-left corner), clipped to the box.
import type { DiagramEdge, DiagramShape, ReportDiagram } from '../../report/types';
import { zoneFill } from '../../report/write-svg';
import { DIAGRAM_FONT, edgeLabelText } from '../../report/diagram-labels';
import { FONT, pdfText, type Doc } from './kit';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface View {
  scale: number;
  /** The model point drawn at the box's top-left corner. */
  x: number;
  y: number;
}

const PAD = 6;

/** The scale at which the whole diagram fits the box. */
export function fitScale(d: ReportDiagram, box: Box): number {
  return Math.min((box.width - 2 * PAD) / d.width, (box.height - 2 * PAD) / d.height, 1.2);
}

interface Frame {
  scale: number;
  X: (x: number) => number;
  Y: (y: number) => number;
  /** Whether a model-space rectangle can show in the box (shapes outside are not drawn). */
  visible: (left: number, top: number, right: number, bottom: number) => boolean;
}

function frameFor(d: ReportDiagram, box: Box, view?: View): Frame {
  if (!view) {
    const scale = fitScale(d, box);
    const ox = box.x + PAD + (box.width - 2 * PAD - d.width * scale) / 2;
    const oy = box.y + PAD;
    return { scale, X: (x) => ox + x * scale, Y: (y) => oy + y * scale, visible: () => true };
  }
  const { scale } = view;
  const right = view.x + box.width / scale;
  const bottom = view.y + box.height / scale;
  return {
    scale,
    X: (x) => box.x + (x - view.x) * scale,
    Y: (y) => box.y + (y - view.y) * scale,
    visible: (l, t, r, b) => r >= view.x && l <= right && b >= view.y && t <= bottom,
  };
}

const shapeVisible = (f: Frame, s: { x: number; y: number; width: number; height: number }) => f.visible(s.x, s.y, s.x + s.width, s.y + s.height);

function edgeVisible(f: Frame, e: DiagramEdge): boolean {
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  for (const p of e.points) {
    l = Math.min(l, p.x);
    t = Math.min(t, p.y);
    r = Math.max(r, p.x);
    b = Math.max(b, p.y);
  }
  return f.visible(l - 10, t - 10, r + 10, b + 10);
}

/** Draws the diagram into `box` (whole, or the part a view shows); returns the height it used. */
export function drawDiagram(doc: Doc, d: ReportDiagram, box: Box, view?: View): number {
  const f = frameFor(d, box, view);
  const { scale, X, Y } = f;
  const zones = d.zones.filter((z) => shapeVisible(f, z));
  const nodes = d.nodes.filter((n) => shapeVisible(f, n));
  const edges = d.edges.filter((e) => e.points.length >= 2 && edgeVisible(f, e));
  doc.save();
  if (view) doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.lineWidth(Math.max(0.3, 0.8 * scale));
  for (const z of [...zones].sort((a, b) => b.width * b.height - a.width * a.height)) {
    doc.roundedRect(X(z.x), Y(z.y), z.width * scale, z.height * scale, 8 * scale).fillColor(zoneFill(z.kind)).fill();
    doc.roundedRect(X(z.x), Y(z.y), z.width * scale, z.height * scale, 8 * scale).dash(5 * scale, { space: 3 * scale }).strokeColor('#888').stroke().undash();
  }
  doc.strokeColor('#555');
  for (const e of edges) {
    doc.moveTo(X(e.points[0]!.x), Y(e.points[0]!.y));
    for (const p of e.points.slice(1)) doc.lineTo(X(p.x), Y(p.y));
    doc.stroke();
  }
  for (const n of nodes) drawNode(doc, n, X(n.x), Y(n.y), n.width * scale, n.height * scale, scale);
  drawZoneLabels(doc, zones, f);
  drawEdgeLabels(doc, edges, f);
  drawRefs(doc, nodes, edges, f);
  // Arrowheads last: no label may hide which way a flow goes.
  doc.fillColor('#555');
  for (const e of edges) {
    const a = e.points[e.points.length - 2]!;
    const b = e.points[e.points.length - 1]!;
    const angle = Math.atan2(b.y - a.y, b.x - a.x);
    const head = 8 * scale;
    doc
      .polygon(
        [X(b.x), Y(b.y)],
        [X(b.x) - head * Math.cos(angle - 0.4), Y(b.y) - head * Math.sin(angle - 0.4)],
        [X(b.x) - head * Math.cos(angle + 0.4), Y(b.y) - head * Math.sin(angle + 0.4)],
      )
      .fill();
  }
  doc.restore();
  doc.fillColor('#000').strokeColor('#000').font(FONT.regular);
  return view ? box.height : d.height * scale + 2 * PAD;
}

function drawZoneLabels(doc: Doc, zones: DiagramShape[], { scale, X, Y }: Frame): void {
  const size = DIAGRAM_FONT.zone * scale;
  for (const z of zones) {
    const b = z.labelBox ?? { x: z.x + 8, y: z.y + 6, width: z.width - 16, height: DIAGRAM_FONT.zone * 1.3 };
    const text = pdfText(z.label, 80);
    const width = Math.max(4, (z.width - 16) * scale);
    doc.font(FONT.bold).fontSize(size);
    // On the zone's own colour, so a flow passing the title does not strike it through.
    doc.rect(X(b.x) - 1, Y(b.y), Math.min(width, doc.widthOfString(text)) + 2, b.height * scale).fill(zoneFill(z.kind));
    doc.fillColor('#444').text(text, X(b.x), Y(b.y) + 0.1 * size, { width, lineBreak: false, ellipsis: true, height: size * 1.3 });
  }
}

function drawEdgeLabels(doc: Doc, edges: DiagramEdge[], { scale, X, Y }: Frame): void {
  const size = DIAGRAM_FONT.edge * scale;
  doc.font(FONT.regular).fontSize(size);
  const line = DIAGRAM_FONT.edge * 1.2 * scale;
  for (const e of edges) {
    if (!e.labelBox) continue;
    const lines = (e.labelLines ?? [edgeLabelText(e.label)]).map((l) => pdfText(l, 60)).filter(Boolean);
    if (lines.length === 0) continue;
    const b = e.labelBox;
    const w = Math.min(Math.max(...lines.map((l) => doc.widthOfString(l))) + 3 * scale, b.width * scale * 1.15);
    const cx = X(b.x + b.width / 2);
    const top = Y(b.y);
    const h = b.height * scale;
    doc.rect(cx - w / 2, top, w, h).fillOpacity(0.9).fill('#fff').fillOpacity(1);
    doc.fillColor('#333');
    const first = top + (h - lines.length * line) / 2 + 0.15 * size;
    lines.forEach((l, i) => doc.text(l, cx - w / 2, first + i * line, { width: w, align: 'center', lineBreak: false, ellipsis: true, height: line }));
  }
}

const REF_COLOR = '#b71c1c';

/** As many register numbers as fit in `width`, then "+N". */
export function fitRefs(doc: Doc, refs: string[], width: number): string {
  let text = '';
  for (let i = 0; i < refs.length; i++) {
    const next = text ? `${text} ${refs[i]}` : refs[i]!;
    const rest = refs.length - i - 1;
    if (doc.widthOfString(rest ? `${next} +${rest}` : next) > width) return text ? `${text} +${refs.length - i}` : `${refs[0]} +${refs.length - 1}`;
    text = next;
  }
  return text;
}

/** Finding numbers (F-001 …) on their component (top of the box) and flow (under its label). */
function drawRefs(doc: Doc, nodes: DiagramShape[], edges: DiagramEdge[], { scale, X, Y }: Frame): void {
  const size = Math.max(3, 5.5 * scale);
  doc.font(FONT.bold).fontSize(size);
  for (const n of nodes) {
    if (!n.refs?.length) continue;
    const text = fitRefs(doc, n.refs, Math.max(10, n.width * scale - 6 * scale));
    doc.fillColor(REF_COLOR).text(text, X(n.x) + 3 * scale, Y(n.y) + 1.5 * scale, { width: n.width * scale - 6 * scale, align: 'right', lineBreak: false });
  }
  for (const e of edges) {
    if (!e.refs?.length) continue;
    const b = e.labelBox;
    const mid = e.points[Math.floor(e.points.length / 2)]!;
    const cx = b ? X(b.x + b.width / 2) : X(mid.x);
    const top = b ? Y(b.y + b.height) + 0.5 * scale : Y(mid.y) + 2 * scale;
    const text = fitRefs(doc, e.refs, 120 * scale);
    const w = doc.widthOfString(text) + 2 * scale;
    doc.rect(cx - w / 2, top, w, size * 1.25).fillOpacity(0.9).fill('#fff').fillOpacity(1);
    doc.fillColor(REF_COLOR).text(text, cx - w / 2, top + 0.1 * size, { width: w, align: 'center', lineBreak: false });
  }
  doc.fillColor('#000').font(FONT.regular);
}

function drawNode(doc: Doc, n: DiagramShape, x: number, y: number, w: number, h: number, scale: number): void {
  doc.roundedRect(x, y, w, h, 5 * scale).fillAndStroke('#ffffff', '#1a73e8');
  const inner = Math.max(4, w - 8 * scale);
  const label = pdfText(n.label.replace(/\s+/g, ' ').trim(), 80);
  const kind = pdfText(n.kindLabel, 60);
  let nameSize = DIAGRAM_FONT.node * scale;
  doc.font(FONT.bold).fontSize(nameSize);
  // Long names: first a smaller size on one line, then two lines, then cut.
  if (doc.widthOfString(label) > inner) {
    nameSize = Math.max(DIAGRAM_FONT.node * 0.85 * scale, Math.min(nameSize, (nameSize * inner) / doc.widthOfString(label)));
    doc.fontSize(nameSize);
  }
  const lineHeight = doc.currentLineHeight(true);
  const lines = doc.widthOfString(label) > inner ? 2 : 1;
  const kindSize = DIAGRAM_FONT.kind * scale;
  const block = lines * lineHeight + 2 * scale + kindSize * 1.15;
  const top = y + (h - block) / 2;
  doc.fillColor('#111').text(label, x + 4 * scale, top, { width: inner, align: 'center', height: lines * lineHeight + 0.5, ellipsis: true, lineGap: 0 });
  doc.fillColor('#666').font(FONT.regular).fontSize(kindSize);
  doc.text(kind, x + 4 * scale, top + lines * lineHeight + 2 * scale, { width: inner, align: 'center', lineBreak: false, ellipsis: true, height: kindSize * 1.3 });
}

/** Marks the tiles on the overview: a dashed frame and its number for each. */
export function drawTileFrames(doc: Doc, d: ReportDiagram, box: Box, tiles: Array<{ x: number; y: number; width: number; height: number }>): void {
  const f = frameFor(d, box);
  doc.save();
  doc.lineWidth(0.6).strokeColor('#c62828').fillColor('#c62828').font(FONT.bold).fontSize(9);
  tiles.forEach((t, i) => {
    doc.rect(f.X(t.x), f.Y(t.y), t.width * f.scale, t.height * f.scale).dash(3, { space: 2 }).stroke().undash();
    doc.text(String(i + 1), f.X(t.x) + 2, f.Y(t.y) + 2, { lineBreak: false });
  });
  doc.restore();
  doc.fillColor('#000').strokeColor('#000').font(FONT.regular);
}
