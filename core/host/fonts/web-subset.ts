// Fonts for the standalone HTML report: @font-face rules with the fonts as data: URLs, so the file
// shows every script on a machine without those fonts. Hebrew and Arabic are embedded whole (small,
// and the browser needs their shaping tables); the big fonts (CJK, Hangul, emoji, symbols, math) are
// cut to the characters the report uses. fontkit's subsets are made for PDF embedding and have no
// character map, so one is added here (cmap format 12), with the original's OS/2, name and post tables.
import { FONT_FILES, SHAPED_FONTS, type FontName, type FontSet } from './font-set';

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const r: TableRecord = { tag: String.fromCharCode(font[at]!, font[at + 1]!, font[at + 2]!, font[at + 3]!), offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
    out.set(r.tag, font.subarray(r.offset, r.offset + r.length));
  }
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum = (sum + (((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0))) >>> 0;
  return sum;
}

/** An sfnt (TrueType) file from its tables. */
function sfnt(parts: Map<string, Uint8Array>): Uint8Array {
  const tags = [...parts.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  let length = headerLength;
  for (const t of tags) length += (parts.get(t)!.length + 3) & ~3;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, pow * 16);
  view.setUint16(8, Math.log2(pow));
  view.setUint16(10, tags.length * 16 - pow * 16);
  let offset = headerLength;
  tags.forEach((tag, i) => {
    const data = parts.get(tag)!;
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    out.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  return out;
}

/** cmap with one format 12 subtable (Unicode full repertoire), listed for platforms 0 and 3. */
function cmap(map: Array<[number, number]>): Uint8Array {
  const groups = [...map].sort((a, b) => a[0] - b[0]);
  const sub = 16 + 12 * groups.length;
  const out = new Uint8Array(4 + 8 * 2 + sub);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0);
  v.setUint16(2, 2);
  const start = 4 + 16;
  v.setUint16(4, 0);
  v.setUint16(6, 4);
  v.setUint32(8, start);
  v.setUint16(12, 3);
  v.setUint16(14, 10);
  v.setUint32(16, start);
  v.setUint16(start, 12);
  v.setUint16(start + 2, 0);
  v.setUint32(start + 4, sub);
  v.setUint32(start + 8, 0);
  v.setUint32(start + 12, groups.length);
  groups.forEach(([code, glyph], i) => {
    const at = start + 16 + 12 * i;
    v.setUint32(at, code);
    v.setUint32(at + 4, code);
    v.setUint32(at + 8, glyph);
  });
  return out;
}

/** The font cut to the given code points, as a TrueType file a browser loads. */
export function webSubset(fonts: FontSet, name: FontName, codePoints: Iterable<number>): Uint8Array {
  const font = fonts.font(name);
  const subset = font.createSubset();
  const map: Array<[number, number]> = [];
  for (const cp of codePoints) {
    if (!font.hasGlyphForCodePoint(cp)) continue;
    map.push([cp, subset.includeGlyph(font.glyphForCodePoint(cp))]);
  }
  const parts = tables(subset.encode());
  const original = tables(fonts.bytes(name));
  parts.set('cmap', cmap(map));
  for (const tag of ['OS/2', 'name']) if (original.has(tag)) parts.set(tag, original.get(tag)!);
  const post = new Uint8Array(32);
  post.set(original.get('post')!.subarray(0, 32));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  parts.set('post', post);
  return sfnt(parts);
}

/** A CSS unicode-range for a set of code points (neighbours merged). */
export function unicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return parts.join(',');
}

const base64 = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

/**
 * @font-face rules (family "Mercator Fallback") for the characters of `text` that the main font
 * does not draw; '' when there are none.
 */
export function htmlFontFaces(fonts: FontSet, text: string): string {
  const chars = new Set<string>();
  for (const ch of text) if (ch.codePointAt(0)! > 0x24f) chars.add(ch);
  if (chars.size === 0) return '';
  const byFont = new Map<FontName, Set<number>>();
  // Regular faces only, with no weight of their own: browsers pick one group of faces by weight
  // before looking at unicode-range, so mixed weights would hide faces; bold is emboldened.
  for (const p of fonts.pieces([...chars].join(''))) {
    if (p.font === 'Sans') continue;
    const set = byFont.get(p.font) ?? new Set<number>();
    for (const ch of p.text) set.add(ch.codePointAt(0)!);
    byFont.set(p.font, set);
  }
  const rules: string[] = [];
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    const used = byFont.get(name);
    if (!used) continue;
    const data = SHAPED_FONTS.has(name) ? fonts.bytes(name) : webSubset(fonts, name, used);
    rules.push(`@font-face{font-family:"Mercator Fallback";unicode-range:${unicodeRange(used)};src:url(data:font/ttf;base64,${base64(data)}) format("truetype")}`);
  }
  return rules.join('\n');
}
