// A logo for the report cover: PNG or JPEG, told by its first bytes (never by the file name), at most
// 1 MB and 4,000 pixels a side. Pure, so the UI checks a picked file before sending it.

export const LOGO_MAX_BYTES = 1_048_576;
export const LOGO_MAX_SIDE = 4000;

export interface Logo {
  data: Uint8Array;
  type: 'png' | 'jpeg';
  width: number;
  height: number;
}

export type LogoCheck = { ok: true; logo: Logo } | { ok: false; error: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    // Start-of-frame markers (baseline, progressive …) carry the size; not DHT, JPG or DAC.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    }
    i += 2 + length;
  }
  return null;
}

/** Checks a logo's bytes; `name` only says which file in the error. */
export function checkLogo(data: Uint8Array, name = 'the logo'): LogoCheck {
  if (data.length === 0) return { ok: false, error: `${name} is empty` };
  if (data.length > LOGO_MAX_BYTES) return { ok: false, error: `${name} is ${Math.ceil(data.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB` };
  let type: Logo['type'];
  let size: { width: number; height: number } | null;
  if (PNG.every((v, i) => data[i] === v)) {
    type = 'png';
    const ihdr = String.fromCharCode(...data.subarray(12, 16));
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    size = ihdr === 'IHDR' && data.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
  } else if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    type = 'jpeg';
    size = jpegSize(data);
  } else return { ok: false, error: `${name} is neither a PNG nor a JPEG image (its first bytes say otherwise)` };
  if (!size || size.width === 0 || size.height === 0) return { ok: false, error: `${name} looks like a ${type.toUpperCase()} but its size cannot be read (damaged file?)` };
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE) return { ok: false, error: `${name} is ${size.width} × ${size.height} pixels; at most ${LOGO_MAX_SIDE} a side` };
  return { ok: true, logo: { data, type, ...size } };
}
