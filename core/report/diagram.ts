// The architecture diagram as plain vector shapes: zones, component boxes and flow polylines in model
// coordinates (layout boxes, or an automatic layout for components nobody placed).
import type { Model } from '../model/schema';
import { autoLayout, AUTO_LAYOUT } from '../model/auto-layout';
import type { DiagramShape, ReportDiagram } from './types';
import { kindLabel } from './labels';

const ZONE_DEFAULT = { width: 420, height: 280 };

export function buildDiagram(model: Model): ReportDiagram {
  const boxes = model.layout.boxes;
  const missing = model.components.some((c) => !boxes[c.id]) || model.zones.some((z) => !boxes[z.id]);
  const fallback = missing ? autoLayout(model) : {};
  // When some components have no box, placing only those next to placed ones would overlap; lay out
  // everything automatically instead (the report must stay readable).
  const box = (id: string) => (missing ? fallback[id] : boxes[id]);
  const zones: DiagramShape[] = model.zones.map((z) => {
    const b = box(z.id) ?? { x: 0, y: 0 };
    return { id: z.id, label: z.label, kind: z.kind, kindLabel: z.kind, x: b.x, y: b.y, width: b.width ?? ZONE_DEFAULT.width, height: b.height ?? ZONE_DEFAULT.height };
  });
  const nodes: DiagramShape[] = model.components.map((c) => {
    const b = box(c.id) ?? { x: 0, y: 0 };
    return { id: c.id, label: c.label, kind: c.kind, kindLabel: kindLabel(c.kind), x: b.x, y: b.y, width: b.width ?? AUTO_LAYOUT.nodeWidth, height: b.height ?? AUTO_LAYOUT.nodeHeight };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pairs = new Set(model.flows.map((f) => `${f.source}\u0000${f.target}`));
  const edges = model.flows.flatMap((f) => {
    const s = byId.get(f.source);
    const t = byId.get(f.target);
    if (!s || !t) return [];
    const bends = missing ? [] : (model.layout.flowPoints[f.id] ?? []);
    const start = bends[0] ?? { x: t.x + t.width / 2, y: t.y + t.height / 2 };
    const end = bends[bends.length - 1] ?? { x: s.x + s.width / 2, y: s.y + s.height / 2 };
    const points = [clip(s, start), ...bends.map((p) => ({ x: p.x, y: p.y })), clip(t, end)];
    // A flow the other way too: draw the two apart so neither arrow nor label hides the other.
    if (bends.length === 0 && pairs.has(`${f.target}\u0000${f.source}`)) offset(points, PAIR_OFFSET);
    return [{ id: f.id, label: f.label, points }];
  });
  const all = [...zones, ...nodes];
  const minX = Math.min(0, ...all.map((s) => s.x));
  const minY = Math.min(0, ...all.map((s) => s.y));
  if (minX < 0 || minY < 0) {
    for (const s of all) {
      s.x -= minX;
      s.y -= minY;
    }
    for (const e of edges) for (const p of e.points) Object.assign(p, { x: p.x - minX, y: p.y - minY });
  }
  const width = Math.max(1, ...all.map((s) => s.x + s.width));
  const height = Math.max(1, ...all.map((s) => s.y + s.height));
  return { width, height, zones, nodes, edges };
}

const PAIR_OFFSET = 9;

/** Shifts a straight line sideways (to its right), keeping its direction. */
function offset(points: Array<{ x: number; y: number }>, by: number): void {
  const a = points[0]!;
  const b = points[points.length - 1]!;
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = -(b.y - a.y) / len;
  const ny = (b.x - a.x) / len;
  for (const p of points) {
    p.x += nx * by;
    p.y += ny * by;
  }
}

/** The point where the line from the box's centre towards `toward` leaves the box. */
function clip(b: DiagramShape, toward: { x: number; y: number }): { x: number; y: number } {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}
