// A diagram too big to read on one page (drawn below TILE_BELOW) is also printed in parts, at a scale
// where component names are about 6.5 pt, overlapping a little so a flow cut at an edge can be followed.
// Tiles with no component in them are left out; very big models get a smaller scale rather than more
// than MAX_TILES pages.
import type { ReportDiagram } from '../../report/types';

/** Below this scale the whole-page diagram is too small to read, and parts follow it. */
export const TILE_BELOW = 0.45;
/** The scale of the parts: component names about 6.5 pt, flow labels about 5.5 pt. */
export const READABLE_SCALE = 0.6;
const MAX_TILES = 24;
const OVERLAP = 0.05;

export interface Tile {
  scale: number;
  /** The part of the model (model coordinates) the tile shows. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The parts to print after the whole diagram drawn at `fit`: none when it is readable as it is. */
export function diagramTiles(d: ReportDiagram, page: { width: number; height: number }, fit: number): Tile[] {
  if (fit >= TILE_BELOW) return [];
  let scale = READABLE_SCALE;
  for (;;) {
    const tiles = tilesAt(d, page, scale);
    // One part would only repeat the whole drawing.
    if (tiles.length < 2) return [];
    if (tiles.length <= MAX_TILES || scale <= fit * 1.5) return tiles;
    scale *= 0.85;
  }
}

function tilesAt(d: ReportDiagram, page: { width: number; height: number }, scale: number): Tile[] {
  const width = page.width / scale;
  const height = page.height / scale;
  const stepX = width * (1 - OVERLAP);
  const stepY = height * (1 - OVERLAP);
  const tiles: Tile[] = [];
  for (let y = 0; y < d.height; y += stepY) {
    for (let x = 0; x < d.width; x += stepX) {
      const any = d.nodes.some((n) => n.x + n.width > x && n.x < x + width && n.y + n.height > y && n.y < y + height);
      if (any) tiles.push({ scale, x, y, width: Math.min(width, d.width - x), height: Math.min(height, d.height - y) });
      if (x + width >= d.width) break;
    }
    if (y + height >= d.height) break;
  }
  return tiles;
}
