// The architecture diagram as plain vector shapes: zones, component boxes and flow polylines in model
// coordinates (layout boxes, or an automatic layout for components nobody placed), with flows routed
// around components they would otherwise run under and every label given a place (./diagram-labels).
import type { Model } from '../model/schema';
import { autoLayout, AUTO_LAYOUT } from '../model/auto-layout';
import type { DiagramEdge, DiagramShape, ReportDiagram } from './types';
import { kindLabel } from './labels';
import { PAIR_OFFSET, clip, isBlocked, offsetLine, polyline, routeAround, type Point } from './diagram-route';
import { placeEdgeLabels, placeZoneLabels } from './diagram-labels';
import { safeBox, safeCoordinate } from './coordinates';

const ZONE_DEFAULT = { width: 420, height: 280 };

export function buildDiagram(model: Model): ReportDiagram {
  const boxes = model.layout.boxes;
  const missing = model.components.some((c) => !boxes[c.id]) || model.zones.some((z) => !boxes[z.id]);
  const fallback = missing ? autoLayout(model) : {};
  // When some components have no box, placing only those next to placed ones would overlap; lay out
  // everything automatically instead (the report must stay readable).
  const box = (id: string) => {
    const found = missing ? fallback[id] : boxes[id];
    return found ? safeBox(found) : undefined;
  };
  const zones: DiagramShape[] = model.zones.map((z) => {
    const b = box(z.id) ?? { x: 0, y: 0 };
    return { id: z.id, label: z.label, kind: z.kind, kindLabel: z.kind, x: b.x, y: b.y, width: b.width ?? ZONE_DEFAULT.width, height: b.height ?? ZONE_DEFAULT.height };
  });
  const nodes: DiagramShape[] = model.components.map((c) => {
    const b = box(c.id) ?? { x: 0, y: 0 };
    return { id: c.id, label: c.label, kind: c.kind, kindLabel: kindLabel(c.kind), x: b.x, y: b.y, width: b.width ?? AUTO_LAYOUT.nodeWidth, height: b.height ?? AUTO_LAYOUT.nodeHeight };
  });
  const edges = buildEdges(model, nodes, missing);
  placeZoneLabels(zones, nodes);
  placeEdgeLabels(edges, nodes, zones, { avoid: nodes.length <= ROUTE_LIMIT && edges.length <= 3 * ROUTE_LIMIT });
  return normalise(zones, nodes, edges);
}

/** Big models keep straight flows and labels at their middle: both searches compare every flow with every component. */
const ROUTE_LIMIT = 400;

function buildEdges(model: Model, nodes: DiagramShape[], missing: boolean): DiagramEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pairs = new Set(model.flows.map((f) => `${f.source}\u0000${f.target}`));
  const route = nodes.length <= ROUTE_LIMIT;
  // First every flow as the user drew it (bends) or straight; then the straight ones that run under a
  // component are routed around it, knowing where all the others go.
  const edges: Array<DiagramEdge & { s: DiagramShape; t: DiagramShape; paired: boolean; blocked: boolean }> = [];
  for (const f of model.flows) {
    const s = byId.get(f.source);
    const t = byId.get(f.target);
    if (!s || !t) continue;
    const given = missing ? [] : (model.layout.flowPoints[f.id] ?? []);
    const paired = pairs.has(`${f.target}\u0000${f.source}`);
    if (given.length > 0) {
      const bends = given.map((p) => ({ x: safeCoordinate(p.x), y: safeCoordinate(p.y) }));
      edges.push({ id: f.id, label: f.label, points: [clip(s, bends[0]!), ...bends, clip(t, bends[bends.length - 1]!)], s, t, paired, blocked: false });
      continue;
    }
    const points = polyline(s, t, []);
    // A flow the other way too: draw the two apart so neither arrow nor label hides the other.
    if (paired) offsetLine(points, PAIR_OFFSET);
    edges.push({ id: f.id, label: f.label, points, s, t, paired, blocked: route && isBlocked(points[0]!, points[1]!, s, t, nodes) });
  }
  // Both flows of a pair take the same detour (computed once, for the pair), drawn apart: when either
  // line runs under a component, both are routed.
  const blockedPairs = new Set(edges.filter((e) => e.blocked && e.paired).map((e) => [e.s.id, e.t.id].sort().join('\u0000')));
  for (const e of edges) if (e.paired && blockedPairs.has([e.s.id, e.t.id].sort().join('\u0000'))) e.blocked = true;
  const routes = new Map<string, Point[]>();
  for (const e of edges) {
    if (!e.blocked) continue;
    const forward = e.s.id < e.t.id;
    const key = forward ? `${e.s.id}\u0000${e.t.id}` : `${e.t.id}\u0000${e.s.id}`;
    const lines = edges.filter((o) => o !== e && !(o.paired && o.s === e.t && o.t === e.s)).map((o) => o.points);
    if (!routes.has(key)) routes.set(key, forward ? routeAround(e.s, e.t, nodes, lines) : routeAround(e.t, e.s, nodes, lines));
    const bends = forward ? routes.get(key)! : [...routes.get(key)!].reverse();
    if (bends.length === 0) continue;
    const shift = e.paired ? (forward ? PAIR_OFFSET : -PAIR_OFFSET) : 0;
    e.points = polyline(e.s, e.t, bends.map((p) => ({ x: p.x + shift, y: p.y + shift })));
  }
  return edges.map(({ id, label, points }) => ({ id, label, points }));
}

/** Moves everything so the drawing starts at (0, 0) and measures it, labels included. */
function normalise(zones: DiagramShape[], nodes: DiagramShape[], edges: DiagramEdge[]): ReportDiagram {
  const boxes = [...zones, ...nodes, ...zones.flatMap((z) => (z.labelBox ? [z.labelBox] : [])), ...edges.flatMap((e) => (e.labelBox ? [e.labelBox] : []))];
  // Loops, not Math.min(...list): a 10,000-component model has too many points for an argument list.
  let minX = 0;
  let minY = 0;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
  }
  for (const e of edges) {
    for (const p of e.points) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
    }
  }
  let width = 1;
  let height = 1;
  for (const b of boxes) {
    b.x -= minX;
    b.y -= minY;
    width = Math.max(width, b.x + b.width);
    height = Math.max(height, b.y + b.height);
  }
  for (const e of edges) {
    for (const p of e.points) {
      p.x -= minX;
      p.y -= minY;
      width = Math.max(width, p.x);
      height = Math.max(height, p.y);
    }
  }
  return { width, height, zones, nodes, edges };
}
