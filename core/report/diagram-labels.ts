// Where the report diagram puts its text: zone titles in a corner no component covers, flow labels
// on a stretch of their line (or beside it, in one line or two) where they hide no component, no other
// label, no arrowhead and as few other lines as possible. Sizes are estimated from the character count (Helvetica averages about half an em), which
// is all a layout needs; writers draw the text centred in the box it was given.
import type { DiagramEdge, DiagramShape, LabelBox } from './types';
import type { Point } from './diagram-route';
import { segmentHitsRect } from './diagram-route';

/** Font sizes in model units, shared by the PDF and SVG writers. */
export const DIAGRAM_FONT = { zone: 12, node: 11, kind: 9, edge: 9 } as const;
/** Longest flow label drawn; longer ones are cut with an ellipsis. */
export const EDGE_LABEL_MAX = 40;

export function edgeLabelText(label: string): string {
  const one = label.replace(/\s+/g, ' ').trim();
  return one.length > EDGE_LABEL_MAX ? one.slice(0, EDGE_LABEL_MAX - 1) + '…' : one;
}

const textWidth = (text: string, size: number, bold = false) => text.length * size * (bold ? 0.6 : 0.54);

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const toRect = (b: LabelBox): Rect => ({ left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height });
const shapeRect = (s: DiagramShape, grow = 0): Rect => ({ left: s.x - grow, top: s.y - grow, right: s.x + s.width + grow, bottom: s.y + s.height + grow });
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** Share of `a` covered by `b` (0–1). */
const covered = (a: Rect, b: Rect) => (Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))) / ((a.right - a.left) * (a.bottom - a.top) || 1);

/** Puts each zone's title in the first corner of the zone that no component covers. */
export function placeZoneLabels(zones: DiagramShape[], nodes: DiagramShape[]): void {
  const nodeRects = nodes.map((n) => shapeRect(n, 2));
  for (const z of zones) {
    const height = DIAGRAM_FONT.zone * 1.3;
    const width = Math.min(Math.max(20, z.width - 16), textWidth(z.label, DIAGRAM_FONT.zone, true) + 4);
    const corners: LabelBox[] = [
      { x: z.x + 8, y: z.y + 6, width, height },
      { x: z.x + z.width - 8 - width, y: z.y + 6, width, height },
      { x: z.x + 8, y: z.y + z.height - 6 - height, width, height },
      { x: z.x + z.width - 8 - width, y: z.y + z.height - 6 - height, width, height },
    ];
    z.labelBox = corners.find((c) => !nodeRects.some((r) => overlaps(toRect(c), r))) ?? corners[0]!;
  }
}

interface Candidate {
  box: LabelBox;
  lines: string[];
  /** Distance along the flow from its middle, as a share of its length: prefer the middle. */
  drift: number;
}

/** The label in two lines, broken at the space that makes the longer line shortest (or null). */
export function splitLabel(text: string): [string, string] | null {
  let best: [string, string] | null = null;
  for (let i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
    const pair: [string, string] = [text.slice(0, i), text.slice(i + 1)];
    if (!best || Math.max(pair[0].length, pair[1].length) < Math.max(best[0].length, best[1].length)) best = pair;
  }
  return best;
}

interface Shape {
  lines: string[];
  width: number;
  height: number;
  /** Extra cost: one line reads better than two. */
  cost: number;
}

function shapesOf(text: string): Shape[] {
  const line = DIAGRAM_FONT.edge * 1.2;
  const one: Shape = { lines: [text], width: textWidth(text, DIAGRAM_FONT.edge) + 6, height: line + 2, cost: 0 };
  const two = splitLabel(text);
  if (!two) return [one];
  return [one, { lines: two, width: Math.max(...two.map((l) => textWidth(l, DIAGRAM_FONT.edge))) + 6, height: 2 * line + 2, cost: 6 }];
}

function candidatesFor(points: Point[], shapes: Shape[]): Candidate[] {
  const segments = points.slice(1).map((q, i) => ({ p: points[i]!, q, len: Math.hypot(q.x - points[i]!.x, q.y - points[i]!.y) }));
  const total = segments.reduce((s, x) => s + x.len, 0) || 1;
  const out: Candidate[] = [];
  let start = 0;
  for (const { p, q, len } of segments) {
    for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
      const x = p.x + (q.x - p.x) * f;
      const y = p.y + (q.y - p.y) * f;
      const drift = Math.abs((start + len * f) / total - 0.5);
      const horizontal = Math.abs(q.x - p.x) >= Math.abs(q.y - p.y);
      for (const { lines, width, height, cost } of shapes) {
        const at = (bx: number, by: number, extra: number) => out.push({ box: { x: bx, y: by, width, height }, lines, drift: drift + extra + cost / 20 });
        at(x - width / 2, y - height / 2, 0);
        if (horizontal) {
          at(x - width / 2, y - height - 2, 0.05);
          at(x - width / 2, y + 2, 0.05);
        } else {
          at(x + 4, y - height / 2, 0.05);
          at(x - 4 - width, y - height / 2, 0.05);
        }
      }
    }
    start += len;
  }
  return out.sort((a, b) => a.drift - b.drift);
}

/**
 * Places every flow label; labels that cannot avoid everything take the least bad spot. Without
 * `avoid` (very big models) each label simply sits at the middle of its flow.
 */
export function placeEdgeLabels(edges: DiagramEdge[], nodes: DiagramShape[], zones: DiagramShape[], options: { avoid: boolean }): void {
  const blocked: Rect[] = nodes.map((n) => shapeRect(n, 2));
  const soft: Rect[] = zones.flatMap((z) => (z.labelBox ? [toRect(z.labelBox)] : []));
  // Arrowheads: a label on one would hide which way the flow goes.
  const tips: Rect[] = edges.flatMap((e) => {
    const t = e.points[e.points.length - 1];
    return t ? [{ left: t.x - 7, top: t.y - 7, right: t.x + 7, bottom: t.y + 7 }] : [];
  });
  const placed: Rect[] = [];
  for (const e of edges) {
    const text = edgeLabelText(e.label);
    if (!text || e.points.length < 2) continue;
    let best: { c: Candidate; cost: number } | undefined;
    const candidates = candidatesFor(e.points, options.avoid ? shapesOf(text) : shapesOf(text).slice(0, 1));
    if (!options.avoid) {
      e.labelBox = candidates[0]!.box;
      e.labelLines = candidates[0]!.lines;
      continue;
    }
    for (const c of candidates) {
      const r = toRect(c.box);
      let cost = c.drift * 20;
      // Over a component: the less of the label it covers, the better (some labels cannot avoid one).
      for (const b of blocked) if (overlaps(r, b)) cost += 400 + 1000 * covered(r, b);
      for (const b of tips) if (overlaps(r, b)) cost += 300;
      for (const b of placed) if (overlaps(r, b)) cost += 1000;
      for (const b of soft) if (overlaps(r, b)) cost += 300;
      for (const other of edges) {
        if (other === e) continue;
        for (let i = 0; i + 1 < other.points.length; i++) if (segmentHitsRect(other.points[i]!, other.points[i + 1]!, r)) cost += 40;
      }
      if (!best || cost < best.cost) best = { c, cost };
      if (cost === 0) break;
    }
    if (best) {
      e.labelBox = best.c.box;
      e.labelLines = best.c.lines;
      placed.push(toRect(best.c.box));
    }
  }
}
