// Geometry of floating edges: a flow leaves and enters a box where the line between the two centers
// crosses the box's border, so diagrams stay clean whichever side the boxes are on.
import { Position, type InternalNode } from '@xyflow/react';

type Box = { x: number; y: number; width: number; height: number };

export function boxOf(node: InternalNode): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? node.initialWidth ?? 0,
    height: node.measured.height ?? node.height ?? node.initialHeight ?? 0,
  };
}

/** Where the segment from the center of `from` towards the center of `to` leaves `from`. */
export function borderPoint(from: Box, to: Box): { x: number; y: number; side: Position } {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const dx = to.x + to.width / 2 - cx;
  const dy = to.y + to.height / 2 - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy, side: Position.Right };
  const sx = from.width / 2 / Math.abs(dx || 1e-9);
  const sy = from.height / 2 / Math.abs(dy || 1e-9);
  const s = Math.min(sx, sy);
  const side = sx < sy ? (dx > 0 ? Position.Right : Position.Left) : dy > 0 ? Position.Bottom : Position.Top;
  return { x: cx + dx * s, y: cy + dy * s, side };
}
