// A simple layered layout, for models that arrive without positions (imports) and for reports of
// components nobody has placed yet. Columns follow the flows (longest path from a source, cycles
// broken in input order); each zone gets its own horizontal band, so zone boxes never overlap.
import type { LayoutBox, Model } from './schema';

export const AUTO_LAYOUT = {
  nodeWidth: 176,
  nodeHeight: 60,
  columnGap: 90,
  rowGap: 36,
  zonePadding: 36,
  zoneGap: 40,
  zoneHeader: 28,
} as const;

/** Column of each component: the longest flow path leading to it (ignoring back edges). */
export function layerComponents(model: Pick<Model, 'components' | 'flows'>): Map<string, number> {
  const ids = model.components.map((c) => c.id);
  const known = new Set(ids);
  const out = new Map<string, string[]>();
  for (const id of ids) out.set(id, []);
  for (const flow of model.flows) {
    if (known.has(flow.source) && known.has(flow.target) && flow.source !== flow.target) out.get(flow.source)!.push(flow.target);
  }
  // Depth-first search marks back edges (cycles) so the rest is a DAG.
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top.id)!;
      if (top.next >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const target = targets[top.next++]!;
      const seen = state.get(target);
      if (seen === 1) back.add(`${top.id}\u0000${target}`);
      else if (seen === undefined) {
        state.set(target, 1);
        stack.push({ id: target, next: 0 });
      }
    }
  }
  const indegree = new Map(ids.map((id) => [id, 0]));
  for (const [source, targets] of out) {
    for (const target of targets) if (!back.has(`${source}\u0000${target}`)) indegree.set(target, indegree.get(target)! + 1);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const target of out.get(id)!) {
      if (back.has(`${id}\u0000${target}`)) continue;
      layer.set(target, Math.max(layer.get(target)!, layer.get(id)! + 1));
      const left = indegree.get(target)! - 1;
      indegree.set(target, left);
      if (left === 0) queue.push(target);
    }
  }
  return layer;
}

/** Positions and sizes for every component and zone (nested zones are laid out as bands of their own). */
export function autoLayout(model: Pick<Model, 'components' | 'flows' | 'zones'>): Record<string, LayoutBox> {
  const L = AUTO_LAYOUT;
  const layers = layerComponents(model);
  const zoneIds = model.zones.map((z) => z.id);
  const bands: Array<string | null> = [...zoneIds, null];
  const byBand = new Map<string | null, Map<number, string[]>>();
  for (const band of bands) byBand.set(band, new Map());
  const knownZones = new Set(zoneIds);
  for (const component of model.components) {
    const band = component.zone !== undefined && knownZones.has(component.zone) ? component.zone : null;
    const column = layers.get(component.id) ?? 0;
    const columns = byBand.get(band)!;
    if (!columns.has(column)) columns.set(column, []);
    columns.get(column)!.push(component.id);
  }
  const boxes: Record<string, LayoutBox> = {};
  let y = 0;
  for (const band of bands) {
    const columns = byBand.get(band)!;
    const rows = Math.max(0, ...[...columns.values()].map((c) => c.length));
    if (band === null && rows === 0) continue;
    const top = y + (band === null ? 0 : L.zoneHeader + L.zonePadding);
    for (const [column, members] of columns) {
      members.forEach((id, row) => {
        boxes[id] = {
          x: L.zonePadding + column * (L.nodeWidth + L.columnGap),
          y: top + row * (L.nodeHeight + L.rowGap),
          width: L.nodeWidth,
          height: L.nodeHeight,
        };
      });
    }
    const contentHeight = Math.max(1, rows) * (L.nodeHeight + L.rowGap) - L.rowGap;
    if (band !== null) {
      const usedColumns = columns.size > 0 ? Math.max(...columns.keys()) + 1 : 1;
      boxes[band] = {
        x: 0,
        y,
        width: usedColumns * (L.nodeWidth + L.columnGap) - L.columnGap + 2 * L.zonePadding,
        height: L.zoneHeader + 2 * L.zonePadding + contentHeight,
      };
      y += boxes[band].height! + L.zoneGap;
    } else y = top + contentHeight + L.zoneGap;
  }
  return boxes;
}
