// Copy, paste, duplicate and align: pure functions over the model, plus an in-memory clipboard.
import type { Component, Flow, LayoutBox, Model, Zone } from '../../../core/model/schema';
import { COMPONENT_SIZE, ZONE_SIZE, assignZones, freshId, usedIds } from './model-edits';

export interface Fragment {
  zones: Zone[];
  components: Component[];
  /** Flows whose both ends are in the fragment. */
  flows: Flow[];
  boxes: Record<string, LayoutBox>;
}

let clipboard: Fragment | null = null;
export const getClipboard = () => clipboard;
export const setClipboard = (fragment: Fragment | null) => {
  clipboard = fragment;
};

export function copyFragment(model: Model, ids: Iterable<string>): Fragment | null {
  const set = new Set(ids);
  const components = model.components.filter((c) => set.has(c.id));
  const zones = model.zones.filter((z) => set.has(z.id));
  if (components.length === 0 && zones.length === 0) return null;
  const inside = new Set(components.map((c) => c.id));
  const flows = model.flows.filter((f) => inside.has(f.source) && inside.has(f.target));
  const boxes: Record<string, LayoutBox> = {};
  for (const item of [...components, ...zones]) {
    const box = model.layout.boxes[item.id];
    if (box) boxes[item.id] = box;
  }
  return { zones, components, flows, boxes };
}

/** Pastes a fragment with fresh ids, offset by `offset`; returns the new ids (to select them). */
export function pasteFragment(model: Model, fragment: Fragment, offset = { x: 32, y: 32 }): { model: Model; ids: string[] } {
  const taken = usedIds(model);
  const rename = new Map<string, string>();
  const fresh = (id: string) => {
    const next = freshId(model, id, taken);
    taken.add(next);
    rename.set(id, next);
    return next;
  };
  const zones = fragment.zones.map((z) => ({ ...z, id: fresh(z.id) }));
  const components = fragment.components.map((c) => ({ ...c, id: fresh(c.id) }));
  const flows = fragment.flows.map((f) => ({ ...f, id: fresh(f.id), source: rename.get(f.source)!, target: rename.get(f.target)! }));
  const boxes = { ...model.layout.boxes };
  for (const [id, box] of Object.entries(fragment.boxes)) {
    const to = rename.get(id);
    if (to) boxes[to] = { ...box, x: box.x + offset.x, y: box.y + offset.y };
  }
  for (const z of zones) if (z.parent && rename.has(z.parent)) z.parent = rename.get(z.parent);
  const next: Model = {
    ...model,
    zones: [...model.zones, ...zones],
    components: [...model.components, ...components],
    flows: [...model.flows, ...flows],
    layout: { ...model.layout, boxes },
  };
  return { model: assignZones(next), ids: [...rename.values()] };
}

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';

function sizeOf(model: Model, id: string, box: LayoutBox) {
  const isZone = model.zones.some((z) => z.id === id);
  const fallback = isZone ? ZONE_SIZE : COMPONENT_SIZE;
  return { width: box.width ?? fallback.width, height: box.height ?? fallback.height };
}

/** Aligns the boxes of `ids` along one edge or center line of their common bounds. */
export function alignBoxes(model: Model, ids: readonly string[], how: Alignment): Model {
  const items = ids
    .map((id) => ({ id, box: model.layout.boxes[id] }))
    .filter((i): i is { id: string; box: LayoutBox } => !!i.box)
    .map((i) => ({ ...i, ...sizeOf(model, i.id, i.box) }));
  if (items.length < 2) return model;
  const left = Math.min(...items.map((i) => i.box.x));
  const right = Math.max(...items.map((i) => i.box.x + i.width));
  const top = Math.min(...items.map((i) => i.box.y));
  const bottom = Math.max(...items.map((i) => i.box.y + i.height));
  const boxes = { ...model.layout.boxes };
  for (const i of items) {
    const b = { ...i.box };
    if (how === 'left') b.x = left;
    if (how === 'right') b.x = right - i.width;
    if (how === 'center') b.x = Math.round((left + right) / 2 - i.width / 2);
    if (how === 'top') b.y = top;
    if (how === 'bottom') b.y = bottom - i.height;
    if (how === 'middle') b.y = Math.round((top + bottom) / 2 - i.height / 2);
    boxes[i.id] = b;
  }
  return assignZones({ ...model, layout: { ...model.layout, boxes } });
}
