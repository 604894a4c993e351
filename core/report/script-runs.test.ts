import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRtlCodePoint, needsFallback, scriptOf, scriptsIn, splitScriptRuns } from './script-runs';

const cp = (s: string) => s.codePointAt(0)!;

describe('scriptOf', () => {
  it.each([
    ['a', 'latin'],
    ['ł', 'latin'],
    ['Ω', 'latin'],
    ['Ж', 'latin'],
    ['ש', 'hebrew'],
    ['م', 'arabic'],
    ['ﻻ', 'arabic'],
    ['模', 'cjk'],
    ['デ', 'cjk'],
    ['。', 'cjk'],
    ['한', 'hangul'],
    ['🔒', 'emoji'],
    ['✓', 'symbol'],
    ['→', 'symbol'],
    ['𠀀', 'cjk'],
  ])('%s is %s', (ch, script) => expect(scriptOf(cp(ch))).toBe(script));

  it.each([' ', '1', '-', '(', '\u0301', '\u200d', '\ufe0f', '—', '€'])('%j is shared by every script', (ch) => expect(scriptOf(cp(ch))).toBeNull());
});

describe('splitScriptRuns', () => {
  it('keeps plain Latin in one run', () => {
    expect(splitScriptRuns('Zażółć gęślą jaźń 42')).toEqual([{ text: 'Zażółć gęślą jaźń 42', script: 'latin' }]);
  });

  it('splits mixed text at script changes; shared characters join the run they stand in', () => {
    expect(splitScriptRuns('Model 模型 (2) שלום 🔒!')).toEqual([
      { text: 'Model ', script: 'latin' },
      { text: '模型 (2) ', script: 'cjk' },
      { text: 'שלום ', script: 'hebrew' },
      { text: '🔒!', script: 'emoji' },
    ]);
  });

  it('gives leading shared characters to the first run that follows', () => {
    expect(splitScriptRuns('12 مرحبا')).toEqual([{ text: '12 مرحبا', script: 'arabic' }]);
    expect(splitScriptRuns(' - ')).toEqual([{ text: ' - ', script: 'latin' }]);
    expect(splitScriptRuns('')).toEqual([]);
  });

  it('keeps astral characters whole', () => {
    expect(splitScriptRuns('a🤖b')).toEqual([
      { text: 'a', script: 'latin' },
      { text: '🤖', script: 'emoji' },
      { text: 'b', script: 'latin' },
    ]);
  });

  it('gives back the text when joined, with no two neighbouring runs of one script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const runs = splitScriptRuns(text);
        expect(runs.map((r) => r.text).join('')).toBe(text);
        for (let i = 1; i < runs.length; i++) expect(runs[i]!.script).not.toBe(runs[i - 1]!.script);
      }),
    );
  });
});

describe('needsFallback, scriptsIn, isRtlCodePoint', () => {
  it('tells text the main font draws alone from text that needs other fonts', () => {
    expect(needsFallback('Training data — Ελληνικά, Кириллица, Zażółć')).toBe(false);
    expect(needsFallback('RAG 검색')).toBe(true);
    expect(needsFallback('ok ✓')).toBe(true);
  });

  it('lists the families a text uses in a fixed order', () => {
    expect(scriptsIn('🔒 مرحبا 模型 abc')).toEqual(['latin', 'arabic', 'cjk', 'emoji']);
    expect(scriptsIn('abc')).toEqual(['latin']);
    expect(scriptsIn('12 - ')).toEqual([]);
  });

  it('knows the right-to-left scripts', () => {
    expect(isRtlCodePoint(cp('ש'))).toBe(true);
    expect(isRtlCodePoint(cp('م'))).toBe(true);
    expect(isRtlCodePoint(cp('a'))).toBe(false);
    expect(isRtlCodePoint(cp('1'))).toBe(false);
  });
});
