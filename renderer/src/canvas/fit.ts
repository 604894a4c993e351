// The bounds of a model's diagram, from its layout (before anything is measured), for the first fit.
import type { Model } from '../../../core/model/schema';
import { COMPONENT_SIZE, ZONE_SIZE } from '../state/model-edits';
import type { Rect } from './render-window';

export function fitBounds(model: Model): Rect {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const add = (id: string, size: { width: number; height: number }) => {
    const b = model.layout.boxes[id];
    if (!b) return;
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + (b.width ?? size.width));
    y2 = Math.max(y2, b.y + (b.height ?? size.height));
  };
  for (const z of model.zones) add(z.id, ZONE_SIZE);
  for (const c of model.components) add(c.id, COMPONENT_SIZE);
  if (x1 === Infinity) return { x: 0, y: 0, width: COMPONENT_SIZE.width, height: COMPONENT_SIZE.height };
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
