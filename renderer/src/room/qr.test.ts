import { describe, expect, it } from 'vitest';
import { qrModules, qrPath } from './qr';

describe('join-address QR code', () => {
  it('has the three finder patterns and grows with the text', () => {
    const modules = qrModules('http://192.168.1.20:40123/room.html#code=ABCDEF');
    const n = modules.length;
    expect(n).toBeGreaterThanOrEqual(25);
    // A finder pattern: a dark 7×7 ring with a dark 3×3 centre, at three corners.
    for (const [r, c] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      expect(modules[r]![c]).toBe(true);
      expect(modules[r + 1]![c + 1]).toBe(false);
      expect(modules[r + 3]![c + 3]).toBe(true);
      expect(modules[r + 6]![c + 6]).toBe(true);
    }
    expect(qrModules('x'.repeat(200)).length).toBeGreaterThan(n);
    const { size, d } = qrPath(modules);
    expect(size).toBe(n + 8);
    expect(d.match(/M/g)!.length).toBe(modules.flat().filter(Boolean).length);
  });
});
