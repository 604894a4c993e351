// Flow routing for the report diagram: a flow the user gave no bends is drawn straight unless the
// straight line would run under another component (which reads as a flow into or out of that
// component); then it takes the shortest L or Z shaped detour that passes no component. Pure geometry
// in model coordinates.
import type { DiagramShape } from './types';

export interface Point {
  x: number;
  y: number;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Clearance kept between a detour and the components it passes. */
const CLEARANCE = 18;
/** How deep a straight line may cut into a component's corner before it is routed around it. */
const GRAZE = 8;
/** How far apart the two flows of a pair (a → b and b → a) are drawn. */
export const PAIR_OFFSET = 9;

const rect = (s: DiagramShape, grow = 0): Rect => ({ left: s.x - grow, top: s.y - grow, right: s.x + s.width + grow, bottom: s.y + s.height + grow });
const centre = (s: DiagramShape): Point => ({ x: s.x + s.width / 2, y: s.y + s.height / 2 });
const inside = (p: Point, r: Rect) => p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom;

/** Whether the segment p–q passes through the inside of r (Liang–Barsky clipping). */
export function segmentHitsRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: Array<[number, number]> = [
    [-dx, p.x - r.left],
    [dx, r.right - p.x],
    [-dy, p.y - r.top],
    [dy, r.bottom - p.y],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq <= 0) return false;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return t1 - t0 > 1e-6;
}

/** The point where the line from the box's centre towards `toward` leaves the box. */
export function clip(b: DiagramShape, toward: Point): Point {
  const c = centre(b);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/**
 * Where a line towards `bend` leaves the box: straight out of the side it faces when the bend is level
 * with the box (so an orthogonal route stays orthogonal), otherwise from the centre.
 */
export function attach(b: DiagramShape, bend: Point): Point {
  const r = rect(b);
  if (bend.y > r.top && bend.y < r.bottom && (bend.x >= r.right || bend.x <= r.left)) return { x: bend.x >= r.right ? r.right : r.left, y: bend.y };
  if (bend.x > r.left && bend.x < r.right && (bend.y >= r.bottom || bend.y <= r.top)) return { x: bend.x, y: bend.y >= r.bottom ? r.bottom : r.top };
  return clip(b, bend);
}

/** The whole polyline of a flow from s to t through the bends. */
export function polyline(s: DiagramShape, t: DiagramShape, bends: Point[]): Point[] {
  if (bends.length === 0) return [clip(s, centre(t)), clip(t, centre(s))];
  return [attach(s, bends[0]!), ...bends.map((p) => ({ ...p })), attach(t, bends[bends.length - 1]!)];
}

function crossings(points: Point[], s: DiagramShape, t: DiagramShape, obstacles: Rect[]): number {
  let n = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    for (const o of obstacles) if (segmentHitsRect(p, q, o)) n++;
    // Only the first segment may touch the source and only the last the target.
    if (i > 0 && segmentHitsRect(p, q, rect(s, 2))) n++;
    if (i < points.length - 2 && segmentHitsRect(p, q, rect(t, 2))) n++;
  }
  return n;
}

const length = (points: Point[]) => points.slice(1).reduce((sum, p, i) => sum + Math.abs(p.x - points[i]!.x) + Math.abs(p.y - points[i]!.y), 0);

/** Proper crossing of segments p–q and r–u (touching ends do not count). */
function segmentsCross(p: Point, q: Point, r: Point, u: Point): boolean {
  const d = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const d1 = d(r, u, p);
  const d2 = d(r, u, q);
  const d3 = d(p, q, r);
  const d4 = d(p, q, u);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Variants of a coordinate: the box's centre line and a quarter to either side (separate ports). */
const spread = (centreValue: number, size: number) => [centreValue, centreValue - size / 4, centreValue + size / 4];

function candidates(s: DiagramShape, t: DiagramShape, blockers: Rect[]): Point[][] {
  const a = centre(s);
  const b = centre(t);
  const rs = rect(s);
  const rt = rect(t);
  const xs = new Set<number>([(rs.right + rt.left) / 2, (rt.right + rs.left) / 2, rs.left - CLEARANCE, rs.right + CLEARANCE, rt.left - CLEARANCE, rt.right + CLEARANCE]);
  const ys = new Set<number>([(rs.bottom + rt.top) / 2, (rt.bottom + rs.top) / 2, rs.top - CLEARANCE, rs.bottom + CLEARANCE, rt.top - CLEARANCE, rt.bottom + CLEARANCE]);
  for (const o of blockers) {
    xs.add(o.left - CLEARANCE);
    xs.add(o.right + CLEARANCE);
    ys.add(o.top - CLEARANCE);
    ys.add(o.bottom + CLEARANCE);
  }
  const out: Point[][] = [];
  for (const ya of spread(a.y, s.height)) {
    for (const yb of spread(b.y, t.height)) {
      for (const x of xs) out.push([{ x, y: ya }, { x, y: yb }]);
    }
    for (const xb of spread(b.x, t.width)) out.push([{ x: xb, y: ya }]);
  }
  for (const xa of spread(a.x, s.width)) {
    for (const xb of spread(b.x, t.width)) {
      for (const y of ys) out.push([{ x: xa, y }, { x: xb, y }]);
    }
    for (const yb of spread(b.y, t.height)) out.push([{ x: xa, y: yb }]);
  }
  const grownS = rect(s, 4);
  const grownT = rect(t, 4);
  return out.filter((bends) => bends.every((p) => !inside(p, grownS) && !inside(p, grownT)));
}

/** Whether the straight line p–q from s to t runs under another component (more than grazing a corner). */
export function isBlocked(p: Point, q: Point, s: DiagramShape, t: DiagramShape, nodes: DiagramShape[]): boolean {
  return nodes.some((n) => n !== s && n !== t && segmentHitsRect(p, q, rect(n, -GRAZE)));
}

/**
 * Bends for a flow from s to t that the user did not route: none when the straight line is clear,
 * otherwise the cheapest detour: fewest components passed, then the fewest crossings of and shared
 * end points with the other flows (`lines`), then shortest with fewest bends.
 */
export function routeAround(s: DiagramShape, t: DiagramShape, nodes: DiagramShape[], lines: Point[][] = []): Point[] {
  const others = nodes.filter((n) => n !== s && n !== t);
  const straight = polyline(s, t, []);
  // What stands near the straight line (a pair's lines run beside it) gives the detour its bearings.
  const blockers = others.filter((n) => segmentHitsRect(straight[0]!, straight[1]!, rect(n, PAIR_OFFSET))).map((n) => rect(n));
  const obstacles = others.map((n) => rect(n, 10));
  const ends = lines.flatMap((l) => (l.length ? [l[0]!, l[l.length - 1]!] : []));
  const near = (p: Point) => ends.filter((e) => Math.abs(e.x - p.x) < 8 && Math.abs(e.y - p.y) < 8).length;
  let best: { bends: Point[]; cost: number } = { bends: [], cost: blockers.length * 1e6 + length(straight) };
  for (const bends of candidates(s, t, blockers)) {
    const points = polyline(s, t, bends);
    let cost = crossings(points, s, t, obstacles) * 1e6 + length(points) + bends.length * 40;
    if (cost >= best.cost) continue;
    cost += 150 * (near(points[0]!) + near(points[points.length - 1]!));
    for (let i = 0; i + 1 < points.length && cost < best.cost; i++) {
      for (const l of lines) for (let k = 0; k + 1 < l.length; k++) if (segmentsCross(points[i]!, points[i + 1]!, l[k]!, l[k + 1]!)) cost += 25;
    }
    if (cost < best.cost) best = { bends, cost };
  }
  return best.bends;
}

/** Moves a polyline sideways, to the right of its overall direction. */
export function offsetLine(points: Point[], by: number): void {
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
