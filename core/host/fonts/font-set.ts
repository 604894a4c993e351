// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- fontkit ships no types; the reference carries ours into every program that uses this file (the Electron build's too).
/// <reference path="./fontkit.d.ts" />
// The fonts reports embed: Noto faces (SIL Open Font License) that `npm run build` copies from their
// npm packages into dist/renderer/fonts, where the UI loads them too (scripts/fonts.mjs names the
// packages). Each script family has a fallback chain; a character goes to the first font in its
// family's chain that has a glyph for it. Files are read once per process and parsed lazily.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { scriptOf, splitScriptRuns, type ScriptFamily } from '../../report/script-runs';

export const FONT_FILES = {
  Sans: 'NotoSans-Regular.ttf',
  'Sans-Bold': 'NotoSans-Bold.ttf',
  'Sans-Italic': 'NotoSans-Italic.ttf',
  Hebrew: 'NotoSansHebrew-Regular.ttf',
  'Hebrew-Bold': 'NotoSansHebrew-Bold.ttf',
  Arabic: 'NotoNaskhArabic-Regular.ttf',
  'Arabic-Bold': 'NotoNaskhArabic-Bold.ttf',
  CJK: 'NotoSansSC-Regular.ttf',
  Hangul: 'NotoSansKR-Regular.ttf',
  Emoji: 'NotoEmoji-Regular.ttf',
  Symbols: 'NotoSansSymbols2-Regular.ttf',
  Math: 'NotoSansMath-Regular.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;
export type Face = 'regular' | 'bold' | 'oblique';

/** Fonts whose text needs shaping (joining forms, marks, right-to-left order); the others map characters to glyphs one to one. */
export const SHAPED_FONTS: ReadonlySet<FontName> = new Set(['Hebrew', 'Hebrew-Bold', 'Arabic', 'Arabic-Bold']);

/** The fonts a script family is drawn with, first choice first. */
const CHAINS: Record<ScriptFamily, FontName[]> = {
  latin: ['Sans', 'Math', 'Symbols', 'CJK'],
  hebrew: ['Hebrew', 'Sans'],
  arabic: ['Arabic', 'Sans'],
  cjk: ['CJK', 'Hangul', 'Sans'],
  hangul: ['Hangul', 'CJK'],
  emoji: ['Emoji', 'Symbols', 'Sans', 'CJK'],
  symbol: ['Sans', 'Math', 'Symbols', 'Emoji', 'CJK'],
};

/** The face of a font in another weight or style, where the family has one. */
export function faceOf(name: FontName, face: Face): FontName {
  if (face === 'bold' && (name === 'Sans' || name === 'Hebrew' || name === 'Arabic')) return `${name}-Bold`;
  if (face === 'oblique' && name === 'Sans') return 'Sans-Italic';
  return name;
}

export function faceOfName(name: string): Face {
  return name.endsWith('-Bold') ? 'bold' : name.endsWith('-Italic') ? 'oblique' : 'regular';
}

/** A piece of text and the font that draws it. */
export interface FontPiece {
  text: string;
  font: FontName;
  /** Index of the piece's first UTF-16 unit in the whole text. */
  start: number;
}

const bytes = new Map<string, Buffer>();
const parsed = new Map<string, fontkit.Font>();

/**
 * Where the fonts are: dist/renderer/fonts under the app folder. Searched upwards from `start`
 * (default: the working folder) when no folder is given.
 */
export function findFontsDir(start = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'dist', 'renderer', 'fonts');
    if (existsSync(path.join(candidate, FONT_FILES.Sans))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`the report fonts were not found (looked for dist/renderer/fonts/${FONT_FILES.Sans} above ${start}); run "npm run build"`);
    dir = parent;
  }
}

export class FontSet {
  constructor(readonly dir: string) {
    if (!existsSync(path.join(dir, FONT_FILES.Sans))) throw new Error(`the report fonts are missing from ${dir} (${FONT_FILES.Sans} not found); run "npm run build"`);
  }

  /** The font file's bytes (read once per process). */
  bytes(name: FontName): Buffer {
    const file = path.join(this.dir, FONT_FILES[name]);
    let b = bytes.get(file);
    if (!b) {
      try {
        b = readFileSync(file);
      } catch (error) {
        throw new Error(`the report font ${FONT_FILES[name]} could not be read from ${this.dir}: ${(error as Error).message}`, { cause: error });
      }
      bytes.set(file, b);
    }
    return b;
  }

  font(name: FontName): fontkit.Font {
    const file = path.join(this.dir, FONT_FILES[name]);
    let f = parsed.get(file);
    if (!f) {
      f = fontkit.create(this.bytes(name));
      parsed.set(file, f);
    }
    return f;
  }

  has(name: FontName, codePoint: number): boolean {
    return this.font(name).hasGlyphForCodePoint(codePoint);
  }

  /**
   * The text cut into pieces, each drawn by one font: by script family first, then, inside a
   * family, by which font of its chain has the glyph. Whitespace and joiners stay with the piece
   * they stand in.
   */
  pieces(text: string, face: Face = 'regular'): FontPiece[] {
    const out: FontPiece[] = [];
    let at = 0;
    for (const run of splitScriptRuns(text)) {
      const chain = CHAINS[run.script];
      for (const ch of run.text) {
        const cp = ch.codePointAt(0)!;
        const last = out[out.length - 1];
        const adjacent = last !== undefined && last.start + last.text.length === at;
        if (WHITESPACE.test(ch)) {
          // Spaces in the main font: the emoji and symbol fonts have em-wide ones.
          const sans = faceOf('Sans', face);
          if (adjacent && last.font === sans) last.text += ch;
          else out.push({ text: ch, font: sans, start: at });
        } else if (adjacent && (JOINER.test(ch) || (scriptOf(cp) === null && this.has(baseOf(last.font), cp)))) {
          // Marks, joiners and variation selectors belong to the character before them; digits and
          // punctuation stay in the font they stand in when it has them.
          last.text += ch;
        } else {
          const base = chain.find((f) => this.has(f, cp)) ?? chain[0]!;
          const font = faceOf(base, face);
          if (adjacent && last.font === font) last.text += ch;
          else out.push({ text: ch, font, start: at });
        }
        at += ch.length;
      }
    }
    return out;
  }
}

const WHITESPACE = /^\s$/u;
const JOINER = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f]|[\u{e0020}-\u{e007f}])$/u;

function baseOf(name: FontName): FontName {
  return name.replace(/-(Bold|Italic)$/, '') as FontName;
}
