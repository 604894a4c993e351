// Trust-boundary *lines* (Threat Dragon curves, TMT line boundaries) drawn between elements: each line,
// with its two ends extended outwards along their last segments, splits the plane in two. An
// element's side of each line is the parity of the crossings of a vertical ray from its centre; the
// elements on the same side of every line share a zone. An element whose box the line cuts through,
// or whose side depends only on the extended ends, is reported as ambiguous.
import type { LayoutBox } from '../model/schema';

export type Point = { x: number; y: number };

const FAR = 1e6;

function extend(line: Point[]): { points: Point[]; drawnFrom: number; drawnTo: number } {
  if (line.length < 2) return { points: line, drawnFrom: 0, drawnTo: line.length - 1 };
  const away = (from: Point, to: Point): Point => {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const len = Math.hypot(dx, dy) || 1;
    return { x: to.x + (dx / len) * FAR, y: to.y + (dy / len) * FAR };
  };
  const head = away(line[1]!, line[0]!);
  const tail = away(line[line.length - 2]!, line[line.length - 1]!);
  return { points: [head, ...line, tail], drawnFrom: 1, drawnTo: line.length };
}

/** Crossings of the upward ray from p with the polyline; whether any crossing is on an extension. */
function rayCrossings(p: Point, points: Point[], drawnFrom: number, drawnTo: number): { count: number; viaExtension: boolean } {
  let count = 0;
  let viaExtension = false;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (a.x > p.x === b.x > p.x) continue;
    const y = a.y + ((p.x - a.x) / (b.x - a.x)) * (b.y - a.y);
    if (y < p.y) {
      count++;
      if (i < drawnFrom || i >= drawnTo) viaExtension = true;
    }
  }
  return { count, viaExtension };
}

function side(p: Point, ext: ReturnType<typeof extend>): { side: 0 | 1; viaExtension: boolean } {
  const r = rayCrossings(p, ext.points, ext.drawnFrom, ext.drawnTo);
  return { side: (r.count % 2) as 0 | 1, viaExtension: r.viaExtension };
}

export interface SideGroups {
  /** Elements grouped by their sides of every line (each group becomes a zone), in first-seen order. */
  groups: string[][];
  /** Elements whose side of some line is uncertain, with the line's index. */
  ambiguous: Array<{ id: string; line: number; why: 'cut' | 'beyond-ends' }>;
}

export function groupBySides(elements: Array<{ id: string; box: LayoutBox }>, lines: Point[][]): SideGroups {
  const extended = lines.filter((l) => l.length >= 2).map(extend);
  const bySignature = new Map<string, string[]>();
  const ambiguous: SideGroups['ambiguous'] = [];
  for (const { id, box } of elements) {
    const w = box.width ?? 0;
    const h = box.height ?? 0;
    const centre = { x: box.x + w / 2, y: box.y + h / 2 };
    const corners = [
      { x: box.x, y: box.y },
      { x: box.x + w, y: box.y },
      { x: box.x, y: box.y + h },
      { x: box.x + w, y: box.y + h },
    ];
    const signature = extended
      .map((ext, line) => {
        const s = side(centre, ext);
        if (corners.some((c) => side(c, ext).side !== s.side)) ambiguous.push({ id, line, why: 'cut' });
        else if (s.viaExtension) ambiguous.push({ id, line, why: 'beyond-ends' });
        return s.side;
      })
      .join('');
    const group = bySignature.get(signature) ?? [];
    group.push(id);
    bySignature.set(signature, group);
  }
  return { groups: [...bySignature.values()], ambiguous };
}

/** The box around some boxes, with a margin. */
export function enclosing(boxes: LayoutBox[], margin = 30): LayoutBox | undefined {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x)) - margin;
  const y0 = Math.min(...boxes.map((b) => b.y)) - margin;
  const x1 = Math.max(...boxes.map((b) => b.x + (b.width ?? 0))) + margin;
  const y1 = Math.max(...boxes.map((b) => b.y + (b.height ?? 0))) + margin;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function centreOf(b: LayoutBox): Point {
  return { x: b.x + (b.width ?? 0) / 2, y: b.y + (b.height ?? 0) / 2 };
}

export function boxInside(inner: LayoutBox, outer: LayoutBox): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + (inner.width ?? 0) <= outer.x + (outer.width ?? 0) && inner.y + (inner.height ?? 0) <= outer.y + (outer.height ?? 0);
}

export function pointInside(p: Point, box: LayoutBox): boolean {
  return p.x >= box.x && p.y >= box.y && p.x <= box.x + (box.width ?? 0) && p.y <= box.y + (box.height ?? 0);
}

export function area(box: LayoutBox): number {
  return (box.width ?? 0) * (box.height ?? 0);
}

/** Zones from boxes by containment: each box's parent is the smallest other box around it. */
export function nestBoxes<T extends { box: LayoutBox }>(zones: T[]): Map<T, T | undefined> {
  const parents = new Map<T, T | undefined>();
  for (const z of zones) {
    const around = zones.filter((o) => o !== z && boxInside(z.box, o.box) && area(o.box) > area(z.box)).sort((a, b) => area(a.box) - area(b.box));
    parents.set(z, around[0]);
  }
  return parents;
}

/** The smallest zone box holding a point. */
export function innermost<T extends { box: LayoutBox }>(p: Point, zones: T[]): T | undefined {
  return zones.filter((z) => pointInside(p, z.box)).sort((a, b) => area(a.box) - area(b.box))[0];
}
