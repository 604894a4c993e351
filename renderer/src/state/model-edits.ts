// Pure edits of a model: each takes a model and returns a new one (or the same one when nothing
// changes), so that every edit can be one undoable step of the document store.
import type { Component, Flow, LayoutBox, Model, Zone } from '../../../core/model/schema';

export const COMPONENT_SIZE = { width: 176, height: 60 };
export const ZONE_SIZE = { width: 420, height: 280 };

/** A fresh id that is not used in the model yet: `${base}-2`, `${base}-3` … */
export function freshId(model: Model, base: string, taken: Set<string> = usedIds(model)): string {
  const clean = base.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 48) || 'item';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) {
    const candidate = `${clean}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function usedIds(model: Model): Set<string> {
  const ids = new Set<string>();
  for (const z of model.zones) ids.add(z.id);
  for (const c of model.components) ids.add(c.id);
  for (const f of model.flows) ids.add(f.id);
  return ids;
}

function withBox(model: Model, id: string, box: LayoutBox): Model['layout'] {
  return { ...model.layout, boxes: { ...model.layout.boxes, [id]: box } };
}

export function addComponent(model: Model, kind: string, label: string, at: { x: number; y: number }): { model: Model; id: string } {
  const id = freshId(model, kind);
  const component: Component = { id, kind, label, facts: {}, controls: {} };
  const next = { ...model, components: [...model.components, component], layout: withBox(model, id, { x: Math.round(at.x), y: Math.round(at.y) }) };
  return { model: assignZones(next, [id]), id };
}

export function addZone(model: Model, kind: string, label: string, at: { x: number; y: number }): { model: Model; id: string } {
  const id = freshId(model, `zone-${kind}`);
  const zone: Zone = { id, kind, label };
  const box = { x: Math.round(at.x), y: Math.round(at.y), ...ZONE_SIZE };
  const next = { ...model, zones: [...model.zones, zone], layout: withBox(model, id, box) };
  return { model: assignZones(next), id };
}

export function addFlow(model: Model, source: string, target: string): { model: Model; id: string } {
  const id = freshId(model, `${source}-to-${target}`);
  const flow: Flow = { id, source, target, label: '', facts: {}, controls: {} };
  return { model: { ...model, flows: [...model.flows, flow] }, id };
}

/** Deletes components, zones and flows by id; flows of deleted components go with them. */
export function deleteItems(model: Model, ids: Iterable<string>): Model {
  const gone = new Set(ids);
  if (gone.size === 0) return model;
  const components = model.components.filter((c) => !gone.has(c.id));
  const zones = model.zones.filter((z) => !gone.has(z.id));
  const flows = model.flows.filter((f) => !gone.has(f.id) && !gone.has(f.source) && !gone.has(f.target));
  if (components.length === model.components.length && zones.length === model.zones.length && flows.length === model.flows.length) return model;
  const flowIds = new Set(flows.map((f) => f.id));
  const keepThreat = (t: Model['threats'][number]) => (t.subject.type === 'flow' ? flowIds.has(t.subject.id) : !gone.has(t.subject.id));
  const boxes = { ...model.layout.boxes };
  const flowPoints = { ...model.layout.flowPoints };
  for (const id of gone) {
    delete boxes[id];
    delete flowPoints[id];
  }
  for (const f of model.flows) if (!flows.includes(f)) delete flowPoints[f.id];
  const next = {
    ...model,
    components,
    zones: zones.map((z) => (z.parent && gone.has(z.parent) ? withoutKey(z, 'parent') : z)),
    flows,
    // Threats on deleted elements go with them (undo brings them back); decisions and comments stay.
    threats: model.threats.every(keepThreat) ? model.threats : model.threats.filter(keepThreat),
    views: model.views.map((v) => (v.members.some((m) => gone.has(m)) ? { ...v, members: v.members.filter((m) => !gone.has(m)) } : v)),
    layout: { ...model.layout, boxes, flowPoints },
  };
  return assignZones(next);
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Moves boxes to new positions (and sizes), then recomputes which zone each component is in. */
export function moveBoxes(model: Model, moves: ReadonlyMap<string, Partial<LayoutBox>>): Model {
  if (moves.size === 0) return model;
  const boxes = { ...model.layout.boxes };
  let changed = false;
  for (const [id, change] of moves) {
    const previous = boxes[id] ?? { x: 0, y: 0 };
    const next: LayoutBox = { ...previous };
    if (change.x !== undefined) next.x = Math.round(change.x);
    if (change.y !== undefined) next.y = Math.round(change.y);
    if (change.width !== undefined) next.width = Math.round(change.width);
    if (change.height !== undefined) next.height = Math.round(change.height);
    if (next.x !== previous.x || next.y !== previous.y || next.width !== previous.width || next.height !== previous.height) {
      boxes[id] = next;
      changed = true;
    }
  }
  if (!changed) return model;
  return assignZones({ ...model, layout: { ...model.layout, boxes } });
}

type Rect = { id: string; x: number; y: number; width: number; height: number };

function zoneRects(model: Model): Rect[] {
  return model.zones.map((z) => {
    const b = model.layout.boxes[z.id] ?? { x: 0, y: 0 };
    return { id: z.id, x: b.x, y: b.y, width: b.width ?? ZONE_SIZE.width, height: b.height ?? ZONE_SIZE.height };
  });
}

/** The smallest zone containing the point, or undefined. */
export function zoneAt(rects: readonly Rect[], x: number, y: number, except?: string): string | undefined {
  let best: Rect | undefined;
  for (const r of rects) {
    if (r.id === except) continue;
    if (x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height) {
      if (!best || r.width * r.height < best.width * best.height) best = r;
    }
  }
  return best?.id;
}

/**
 * Sets `component.zone` from the zone containing its center (the smallest when zones nest) and
 * `zone.parent` from the smallest other zone containing the zone's center and larger than it.
 * Only the listed components are checked when `only` is given (zones unchanged).
 */
export function assignZones(model: Model, only?: readonly string[]): Model {
  const rects = zoneRects(model);
  const onlySet = only ? new Set(only) : null;
  let changed = false;
  const components = model.components.map((c) => {
    if (onlySet && !onlySet.has(c.id)) return c;
    const b = model.layout.boxes[c.id];
    if (!b) return c;
    const zone = zoneAt(rects, b.x + (b.width ?? COMPONENT_SIZE.width) / 2, b.y + (b.height ?? COMPONENT_SIZE.height) / 2);
    if (zone === c.zone) return c;
    changed = true;
    return zone ? { ...c, zone } : withoutKey(c, 'zone');
  });
  let zones = model.zones;
  if (!onlySet) {
    const areas = new Map(rects.map((r) => [r.id, r.width * r.height]));
    zones = model.zones.map((z, i) => {
      const r = rects[i]!;
      const bigger = rects.filter((o) => o.id !== z.id && areas.get(o.id)! > r.width * r.height);
      const parent = zoneAt(bigger, r.x + r.width / 2, r.y + r.height / 2);
      if (parent === z.parent) return z;
      changed = true;
      return parent ? { ...z, parent } : withoutKey(z, 'parent');
    });
  }
  return changed ? { ...model, components, zones } : model;
}

export function updateComponent(model: Model, id: string, change: (c: Component) => Component): Model {
  let changed = false;
  const components = model.components.map((c) => {
    if (c.id !== id) return c;
    const next = change(c);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? { ...model, components } : model;
}

export function updateFlow(model: Model, id: string, change: (f: Flow) => Flow): Model {
  let changed = false;
  const flows = model.flows.map((f) => {
    if (f.id !== id) return f;
    const next = change(f);
    if (next !== f) changed = true;
    return next;
  });
  return changed ? { ...model, flows } : model;
}

export function updateZone(model: Model, id: string, change: (z: Zone) => Zone): Model {
  let changed = false;
  const zones = model.zones.map((z) => {
    if (z.id !== id) return z;
    const next = change(z);
    if (next !== z) changed = true;
    return next;
  });
  return changed ? { ...model, zones } : model;
}

/** Sets (or, with undefined, removes) one entry of a facts or controls record. */
export function setEntry<T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> {
  if (value === undefined) {
    if (!(key in record)) return record;
    const copy = { ...record };
    delete copy[key];
    return copy;
  }
  if (record[key] === value) return record;
  return { ...record, [key]: value };
}

/** Sets the model's free-text version (meta.version); a blank one is left out of the file. */
export function setModelVersion(model: Model, version: string): Model {
  if (version.trim() === '') return model.meta.version === undefined ? model : { ...model, meta: withoutKey(model.meta, 'version') };
  return model.meta.version === version ? model : { ...model, meta: { ...model.meta, version } };
}
