// Escaping user text per format: what would be markup is shown as the characters typed.
import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, escapeMarkdown } from './escape';

describe('escapeMarkdown', () => {
  it.each([
    ['1.3 <rc>', '1\\.3 &lt;rc&gt;'],
    ['2) second', '2\\) second'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['**bold** [link](javascript:x)', '\\*\\*bold\\*\\* \\[link\\](javascript:x)'],
    ['a | b', 'a \\| b'],
    ['line\nbreak', 'line break'],
    ['2026-Q4 review', '2026-Q4 review'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('escapeHtml and csvCell', () => {
  it('escape markup and neutralise formulas', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });
});

describe('no live links from model text in Markdown', () => {
  it.each([
    ['see https://evil.example/x', 'see https:\\/\\/evil\\.example/x'],
    ['www.evil.example', 'www\\.evil\\.example'],
    ['ops@evil.example', 'ops\\@evil\\.example'],
    ['v1.2 and 3.5', 'v1.2 and 3.5'],
    ['a\rb\u2028c', 'a b c'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('csvCell formula near-misses', () => {
  it.each([
    [' =1+1', "' =1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\t@SUM(A1)', "'\t@SUM(A1)"],
    ['\u3000+1', "'\u3000+1"],
    ['\uff1dHYPERLINK("https://evil.example")', `"'\uff1dHYPERLINK(""https://evil.example"")"`],
    ['\uff0b1', "'\uff0b1"],
    ['\uff20x', "'\uff20x"],
    ['plain = text', 'plain = text'],
  ])('neutralises %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});
