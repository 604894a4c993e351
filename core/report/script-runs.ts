// Splits text into runs of one script family, so a writer can draw each run in a font that has its
// letters (the PDF's fallback chain, the HTML report's embedded faces). Characters every script shares
// (spaces, digits, ASCII punctuation, combining marks, joiners, variation selectors) join the run they
// stand in; at the start of a text they join the first run that follows. Pure: no fonts here, only
// Unicode ranges.

/** The script families the report's fonts are chosen by. "latin" also covers Greek and Cyrillic. */
export const SCRIPT_FAMILIES = ['latin', 'hebrew', 'arabic', 'cjk', 'hangul', 'emoji', 'symbol'] as const;
export type ScriptFamily = (typeof SCRIPT_FAMILIES)[number];

export interface ScriptRun {
  text: string;
  script: ScriptFamily;
}

type Range = readonly [number, number, ScriptFamily | null];

// Sorted, non-overlapping; code points not listed are "latin" (the main font, which covers Latin,
// Greek and Cyrillic; any other script shows as its missing-glyph box there).
const RANGES: readonly Range[] = [
  [0x0000, 0x0040, null],
  [0x005b, 0x0060, null],
  [0x007b, 0x00bf, null],
  [0x02b0, 0x036f, null],
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0870, 0x08ff, 'arabic'],
  [0x1100, 0x11ff, 'hangul'],
  [0x2000, 0x206f, null],
  [0x20a0, 0x20cf, null],
  [0x2190, 0x21ff, 'symbol'],
  [0x2200, 0x22ff, 'symbol'],
  [0x2300, 0x23ff, 'symbol'],
  [0x2460, 0x24ff, 'symbol'],
  [0x2500, 0x25ff, 'symbol'],
  [0x2600, 0x27bf, 'symbol'],
  [0x27c0, 0x2bff, 'symbol'],
  [0x2e80, 0x2fdf, 'cjk'],
  [0x3000, 0x303f, 'cjk'],
  [0x3040, 0x30ff, 'cjk'],
  [0x3130, 0x318f, 'hangul'],
  [0x31f0, 0x31ff, 'cjk'],
  [0x3200, 0x4dbf, 'cjk'],
  [0x4e00, 0x9fff, 'cjk'],
  [0xa960, 0xa97f, 'hangul'],
  [0xac00, 0xd7ff, 'hangul'],
  [0xf900, 0xfaff, 'cjk'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe00, 0xfe0f, null],
  [0xfe30, 0xfe4f, 'cjk'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff00, 0xffef, 'cjk'],
  [0x1f000, 0x1faff, 'emoji'],
  [0x20000, 0x3ffff, 'cjk'],
  [0xe0000, 0xe007f, null],
];

/** The script family of one code point, or null for characters every script shares. */
export function scriptOf(codePoint: number): ScriptFamily | null {
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to, script] = RANGES[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return script;
  }
  return 'latin';
}

// Everything the main font draws by itself: a quick test that skips the split for most text.
// eslint-disable-next-line no-control-regex -- the range starts at U+0000 on purpose
const MAIN_FONT_ONLY = /^[\u0000-\u058f\u1e00-\u1fff\u2000-\u206f\u20a0-\u20cf]*$/;

/** Whether the text has any character outside the main (Latin, Greek, Cyrillic) font's scripts. */
export function needsFallback(text: string): boolean {
  return !MAIN_FONT_ONLY.test(text);
}

/** The text as consecutive runs of one script family each; joined, they give back the text. */
export function splitScriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let pending = '';
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (script === null) {
      if (last) last.text += ch;
      else pending += ch;
    } else if (last && last.script === script) last.text += ch;
    else {
      runs.push({ text: pending + ch, script });
      pending = '';
    }
  }
  if (pending) runs.push({ text: pending, script: 'latin' });
  return runs;
}

/** The script families a text uses, in the order of SCRIPT_FAMILIES. */
export function scriptsIn(text: string): ScriptFamily[] {
  if (!needsFallback(text)) return /[^\s\d\p{P}]/u.test(text) ? ['latin'] : [];
  const seen = new Set(splitScriptRuns(text).map((r) => r.script));
  return SCRIPT_FAMILIES.filter((s) => seen.has(s));
}

/** Whether a code point belongs to a right-to-left script (Hebrew, Arabic). */
export function isRtlCodePoint(codePoint: number): boolean {
  const s = scriptOf(codePoint);
  return s === 'hebrew' || s === 'arabic';
}
