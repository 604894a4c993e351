// A pdfkit document that prints every script: text is measured and drawn run by run, each run in the
// font of its fallback chain that has its letters (../fonts/font-set.ts), right-to-left runs in visual
// order (the Unicode bidirectional algorithm, bidi-js) and shaped by fontkit (Arabic joining forms,
// ligatures). Plain Latin, Greek and Cyrillic text takes pdfkit's own path unchanged.
//
// Two pdfkit methods are replaced: widthOfString (so line wrapping, ellipses and table heights
// measure mixed text right) and _fragment (pdfkit's "draw one line" step, after wrapping), which is
// internal to pdfkit 0.20 (pinned in package.json; test/integration/report-fonts.test.ts checks it).
import PDFDocument from 'pdfkit';
import bidiFactory from 'bidi-js';
import { needsFallback, isRtlCodePoint } from '../../report/script-runs';
import { FONT_FILES, SHAPED_FONTS, faceOfName, type FontName, type FontSet } from '../fonts/font-set';

interface FragmentOptions {
  align?: string;
  width?: number;
  lineWidth?: number;
  textWidth?: number;
  wordCount?: number;
  baseline?: number | string;
  destination?: string;
  [key: string]: unknown;
}

interface GlyphRun {
  glyphs: Array<{ advanceWidth: number }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
  advanceWidth: number;
}

interface LayoutFont {
  layout(text: string, features?: unknown): GlyphRun;
  glyphsForString(text: string): Array<{ advanceWidth: number }>;
}

interface PdfkitInternals {
  _font: { ascender: number; descender: number; font?: LayoutFont };
  _fontSize: number;
  _fragment(text: string, x: number, y: number, options: FragmentOptions): void;
}

type Base = InstanceType<typeof PDFDocument> & PdfkitInternals;
const BaseDocument = PDFDocument as unknown as new (options?: PDFKit.PDFDocumentOptions) => Base;

const bidi = bidiFactory();
const direct = new WeakSet<object>();

/** One piece of a line as drawn: its text in the order the font is given it, and its font. */
export interface VisualPiece {
  text: string;
  font: FontName;
}

export class ScriptDocument extends BaseDocument {
  private fontName = '';

  constructor(
    readonly fonts: FontSet,
    options?: PDFKit.PDFDocumentOptions,
  ) {
    super(options);
    for (const name of Object.keys(FONT_FILES) as FontName[]) this.registerFont(name, fonts.bytes(name));
  }

  override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number, size?: number): this {
    if (typeof src === 'string') this.fontName = src;
    // pdfkit's font() takes (src, size) as well as (src, family, size).
    const result = (typeof family === 'number' ? super.font(src, family) : super.font(src, family as string, size as number)) as this;
    const opened = this._font?.font;
    if (opened && typeof src === 'string' && src in FONT_FILES && !SHAPED_FONTS.has(src as FontName) && !direct.has(opened)) {
      // Scripts that need no shaping skip fontkit's OpenType layout (parsing the big Latin and CJK
      // GSUB/GPOS tables cost seconds per document): one glyph per character, its own advance.
      direct.add(opened);
      opened.layout = (text: string) => {
        const glyphs = opened.glyphsForString(text);
        let advanceWidth = 0;
        const positions = glyphs.map((g) => {
          advanceWidth += g.advanceWidth;
          return { xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
        });
        return { glyphs, positions, advanceWidth };
      };
    }
    return result;
  }

  private get current(): FontName {
    return (this.fontName in FONT_FILES ? this.fontName : 'Sans') as FontName;
  }

  override widthOfString(text: string, options?: PDFKit.Mixins.TextOptions): number {
    if (!needsFallback(text)) return super.widthOfString(text, options);
    const name = this.current;
    let width = 0;
    for (const p of this.fonts.pieces(text, faceOfName(name))) {
      this.font(p.font);
      width += super.widthOfString(p.text, options);
    }
    this.font(name);
    return width;
  }

  /** The line as pieces in visual order (left to right on the page), each in its font. */
  visualPieces(text: string): VisualPiece[] {
    const pieces = this.fonts.pieces(text, faceOfName(this.current));
    const fontAt: FontName[] = [];
    for (const p of pieces) for (let i = 0; i < p.text.length; i++) fontAt[p.start + i] = p.font;
    const levels = bidi.getEmbeddingLevels(text, 'auto');
    const order = bidi.getReorderedIndices(text, levels);
    const out: VisualPiece[] = [];
    let i = 0;
    while (i < order.length) {
      const first = order[i]!;
      const level = levels.levels[first]!;
      const font = fontAt[first]!;
      const rtl = level % 2 === 1;
      const space = /\s/.test(text[first]!);
      // A piece: logically contiguous units of one level and font; right-to-left pieces also stop at
      // spaces (pdfkit shapes word by word and would put the words back in logical order).
      let j = i + 1;
      while (j < order.length) {
        const u = order[j]!;
        if (levels.levels[u] !== level || fontAt[u] !== font || u !== order[j - 1]! + (rtl ? -1 : 1)) break;
        if (rtl && /\s/.test(text[u]!) !== space) break;
        j++;
      }
      const from = Math.min(order[i]!, order[j - 1]!);
      const to = Math.max(order[i]!, order[j - 1]!);
      let piece = text.slice(from, to + 1);
      // fontkit lays out a run of a right-to-left script in visual order by itself; neutral characters
      // (spaces, brackets, punctuation) at a right-to-left level are reversed and mirrored here.
      if (rtl && !hasRtl(piece)) piece = [...piece].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
      out.push({ text: piece, font });
      i = j;
    }
    return out;
  }

  override _fragment(text: string, x: number, y: number, options: FragmentOptions): void {
    if (!needsFallback(text)) {
      super._fragment(text, x, y, options);
      return;
    }
    const name = this.current;
    const line = text.replace(/\n/g, '');
    if (line.length === 0) return;
    if (options.width) {
      if (options.align === 'right') x += (options.lineWidth ?? options.width) - this.widthOfString(line.replace(/\s+$/, ''));
      else if (options.align === 'center') x += (options.lineWidth ?? options.width) / 2 - (options.textWidth ?? this.widthOfString(line)) / 2;
    }
    // One baseline for every font of the line: where the line's own font would put it.
    const baseline = typeof options.baseline === 'number' ? options.baseline : -((this._font.ascender / 1000) * this._fontSize);
    let first = true;
    for (const p of this.visualPieces(line)) {
      this.font(p.font);
      const width = super.widthOfString(p.text);
      const rest: FragmentOptions = { ...options, align: 'left', width: 0, textWidth: width, wordCount: p.text.trim() ? p.text.trim().split(/\s+/).length : 0, baseline, wordSpacing: 0 };
      if (!first) delete rest.destination;
      super._fragment(p.text, x, y, rest);
      x += width;
      first = false;
    }
    this.font(name);
  }
}

function hasRtl(text: string): boolean {
  for (const ch of text) if (isRtlCodePoint(ch.codePointAt(0)!)) return true;
  return false;
}
