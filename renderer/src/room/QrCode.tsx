import { useMemo } from 'react';
import { qrModules, qrPath } from './qr';

/** The join address as a QR code, drawn as one SVG path (no markup from strings). */
export function QrCode({ text, size = 200 }: { text: string; size?: number }) {
  const { size: n, d } = useMemo(() => qrPath(qrModules(text)), [text]);
  return (
    <svg className="qr" width={size} height={size} viewBox={`0 0 ${n} ${n}`} role="img" aria-label={`QR code for ${text}`} data-testid="room-qr" shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
