// Positions for formats that say "inside" by drawing one box inside another (Threat Dragon boundary
// boxes): the model's own layout when it already agrees with its zones, otherwise a layout where each
// zone's box holds its components in a row and its child zones below them.
import type { LayoutBox, Model } from '../model/schema';
import { centreOf, innermost, nestBoxes } from './boundary-sides';

const W = 160;
const H = 80;
const GAP = 40;
const PAD = 30;
const HEADER = 30;

/** Whether the layout's boxes say the same as the zones: each component in its zone's box, each zone inside its parent's. */
export function layoutAgrees(model: Model): boolean {
  const boxes = model.layout.boxes;
  if (!model.components.every((c) => boxes[c.id]?.width && boxes[c.id]?.height)) return false;
  if (!model.zones.every((z) => boxes[z.id]?.width && boxes[z.id]?.height)) return false;
  const zones = model.zones.map((z) => ({ id: z.id, box: boxes[z.id]! }));
  const parents = nestBoxes(zones);
  if (!zones.every((z) => (parents.get(z)?.id ?? undefined) === model.zones.find((x) => x.id === z.id)!.parent)) return false;
  return model.components.every((c) => innermost(centreOf(boxes[c.id]!), zones)?.id === c.zone);
}

export function nestedLayout(model: Model): Record<string, LayoutBox> {
  if (layoutAgrees(model)) return model.layout.boxes;
  const boxes: Record<string, LayoutBox> = {};
  const known = new Set(model.zones.map((z) => z.id));
  const childrenOf = (parent: string | undefined) => model.zones.filter((z) => (z.parent && known.has(z.parent) ? z.parent : undefined) === parent);
  const membersOf = (zone: string | undefined) => model.components.filter((c) => (c.zone && known.has(c.zone) ? c.zone : undefined) === zone);
  const seen = new Set<string>();
  // Lays out the content of a zone (or the top level) at (x, y); returns its size.
  const place = (zone: string | undefined, x: number, y: number): { width: number; height: number } => {
    let width = 0;
    let cy = y;
    const members = membersOf(zone);
    members.forEach((c, i) => (boxes[c.id] = { x: x + i * (W + GAP), y: cy, width: W, height: H }));
    if (members.length) {
      width = members.length * (W + GAP) - GAP;
      cy += H + GAP;
    }
    for (const child of childrenOf(zone)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      const inner = place(child.id, x + PAD, cy + HEADER + PAD);
      const box = { x, y: cy, width: Math.max(inner.width, W) + 2 * PAD, height: inner.height + HEADER + 2 * PAD };
      boxes[child.id] = box;
      width = Math.max(width, box.width);
      cy += box.height + GAP;
    }
    return { width, height: Math.max(cy - y - GAP, H) };
  };
  place(undefined, 0, 0);
  return boxes;
}
