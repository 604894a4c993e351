// A small layered layout for imported or generated models: each zone becomes a block, placed left to
// right in the order data flows through them; inside a block components are layered by longest path
// along flows (cycles broken where a depth-first search finds a back edge) and ordered within a layer
// by the mean position of their predecessors. O(V + E) per sweep, no dependencies.
import type { LayoutBox, Model } from '../../../core/model/schema';
import { COMPONENT_SIZE, assignZones } from './model-edits';

const LAYER_GAP = 90;
const ROW_GAP = 36;
const ZONE_PAD = { top: 44, side: 28, bottom: 28 };
const BLOCK_GAP = 80;

/** Layer (column) of each node: longest path from a source, ignoring back edges. */
export function layerNodes(ids: readonly string[], edges: ReadonlyArray<readonly [string, string]>): Map<string, number> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [s, t] of edges) if (out.has(s) && out.has(t) && s !== t) out.get(s)!.push(t);
  // Iterative DFS to find a topological order, skipping back edges.
  const state = new Map<string, 0 | 1 | 2>();
  const order: string[] = [];
  for (const root of ids) {
    if (state.get(root)) continue;
    const stack: Array<[string, number]> = [[root, 0]];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = out.get(top[0])![top[1]++];
      if (next === undefined) {
        state.set(top[0], 2);
        order.push(top[0]);
        stack.pop();
      } else if (!state.get(next)) {
        state.set(next, 1);
        stack.push([next, 0]);
      }
    }
  }
  order.reverse();
  const position = new Map(order.map((id, i) => [id, i]));
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of order) {
    for (const t of out.get(id)!) {
      if (position.get(t)! > position.get(id)!) layer.set(t, Math.max(layer.get(t)!, layer.get(id)! + 1));
    }
  }
  return layer;
}

function layoutBlock(ids: string[], edges: Array<readonly [string, string]>, globalRank: Map<string, number>) {
  const layer = layerNodes(ids, edges);
  const columns: string[][] = [];
  for (const id of ids) (columns[layer.get(id)!] ??= []).push(id);
  const preds = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [s, t] of edges) if (preds.has(t) && layer.has(s)) preds.get(t)!.push(s);
  const row = new Map<string, number>();
  columns.forEach((col) => {
    col.sort((a, b) => (globalRank.get(a) ?? 0) - (globalRank.get(b) ?? 0));
    col.forEach((id, i) => row.set(id, i));
  });
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const col of columns.slice(1)) {
      if (!col) continue;
      const mean = (id: string) => {
        const p = preds.get(id)!.map((q) => row.get(q)!).filter((v) => v !== undefined);
        return p.length ? p.reduce((a, b) => a + b, 0) / p.length : row.get(id)!;
      };
      const keyed = col.map((id) => [id, mean(id)] as const).sort((a, b) => a[1] - b[1]);
      keyed.forEach(([id], i) => {
        col[i] = id;
        row.set(id, i);
      });
    }
  }
  const positions = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) =>
    col?.forEach((id, r) => positions.set(id, { x: c * (COMPONENT_SIZE.width + LAYER_GAP), y: r * (COMPONENT_SIZE.height + ROW_GAP) })),
  );
  const width = columns.length * (COMPONENT_SIZE.width + LAYER_GAP) - LAYER_GAP;
  const height = Math.max(1, ...columns.map((c) => c?.length ?? 0)) * (COMPONENT_SIZE.height + ROW_GAP) - ROW_GAP;
  return { positions, width, height };
}

/** Lays out every component and zone of the model; returns a new model (semantics unchanged). */
export function autoLayout(model: Model): Model {
  const allEdges = model.flows.map((f) => [f.source, f.target] as const);
  const globalLayer = layerNodes(model.components.map((c) => c.id), allEdges);
  const blocks = new Map<string, string[]>();
  const zoneIds = new Set(model.zones.map((z) => z.id));
  for (const c of model.components) {
    const key = c.zone && zoneIds.has(c.zone) ? c.zone : '';
    (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(c.id);
  }
  for (const z of model.zones) if (!blocks.has(z.id)) blocks.set(z.id, []);
  const meanLayer = (ids: string[]) => (ids.length ? ids.reduce((a, id) => a + globalLayer.get(id)!, 0) / ids.length : Infinity);
  const ordered = [...blocks.entries()].sort((a, b) => meanLayer(a[1]) - meanLayer(b[1]));
  const boxes: Record<string, LayoutBox> = {};
  let x = 40;
  // Wrap blocks into rows so a model with many zones stays roughly as wide as it is tall.
  const rowWidth = Math.max(1600, Math.sqrt(model.components.length) * (COMPONENT_SIZE.width + LAYER_GAP) * 1.6);
  let y = 40;
  let rowHeight = 0;
  for (const [zone, ids] of ordered) {
    const inside = new Set(ids);
    const block = layoutBlock(ids, allEdges.filter(([s, t]) => inside.has(s) && inside.has(t)), globalLayer);
    const pad = zone ? ZONE_PAD : { top: 0, side: 0, bottom: 0 };
    const width = Math.max(zone ? 240 : 0, block.width + pad.side * 2);
    const height = Math.max(zone ? 140 : 0, block.height + pad.top + pad.bottom);
    if (x > 40 && x + width > rowWidth) {
      x = 40;
      y += rowHeight + BLOCK_GAP;
      rowHeight = 0;
    }
    if (zone) boxes[zone] = { x, y, width, height };
    for (const [id, p] of block.positions) boxes[id] = { x: x + pad.side + p.x, y: y + pad.top + p.y };
    x += width + BLOCK_GAP;
    rowHeight = Math.max(rowHeight, height);
  }
  const next: Model = { ...model, layout: { ...model.layout, boxes: { ...model.layout.boxes, ...boxes } } };
  return assignZones(next);
}

/** True when some component has no position yet (imported or generated models). */
export function needsLayout(model: Model): boolean {
  return model.components.some((c) => !model.layout.boxes[c.id]);
}
