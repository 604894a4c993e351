// Coordinates from a model file are finite but may be huge (1e308): sums and differences of such
// numbers overflow to Infinity and then NaN, which breaks every drawing. Everything drawn (canvas,
// SVG, PDF) works on coordinates clamped to a range far beyond any real diagram.

export const COORDINATE_LIMIT = 1_000_000;
export const SIZE_LIMIT = 100_000;

export function safeCoordinate(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, value));
}

export function safeSize(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return Math.min(SIZE_LIMIT, value);
}

/** A layout box with every number clamped; sizes out of range fall back to the default (undefined). */
export function safeBox<B extends { x: number; y: number; width?: number; height?: number }>(box: B): B {
  const width = safeSize(box.width);
  const height = safeSize(box.height);
  const { width: _w, height: _h, ...rest } = box;
  return { ...rest, x: safeCoordinate(box.x), y: safeCoordinate(box.y), ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) } as B;
}
