// A QR code's modules for a short text (the join address), error correction M.
import qrcode from 'qrcode-generator';

export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}

/** One SVG path ("M x y h1 v1 h-1 z" per dark module) for a square of `modules`, with a 4-module quiet zone. */
export function qrPath(modules: readonly boolean[][]): { size: number; d: string } {
  let d = '';
  modules.forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x + 4} ${y + 4}h1v1h-1z`)));
  return { size: modules.length + 8, d };
}
