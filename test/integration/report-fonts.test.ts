// Every script printed: `mercator report` as a real process on a model labelled in eleven scripts.
// The PDF gives every label back through pdftotext, embeds only font subsets (Noto, with the fallback
// faces the labels need) and draws the right-to-left labels in visual order; the HTML report carries
// the fallback faces as data: URLs with cmap tables a browser reads.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { SCRIPT_LABELS, scriptLabelModel } from './script-labels';
import '../../core/host/fonts/font-set';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'mercator.mjs');

let dir: string;
let model: string;
beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  // Run from elsewhere: the CLI finds its fonts beside its own data/, not in the working folder.
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-fonts-'));
  model = path.join(dir, 'scripts.mercator.json');
  writeFileSync(model, scriptLabelModel(ROOT));
});

function report(out: string): string {
  const run = spawnSync(process.execPath, [CLI, 'report', model, '-o', out], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return path.join(dir, out);
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('reports in every script', () => {
  it('PDF: pdftotext gives every label back, fonts are embedded subsets, right-to-left text is in visual order', () => {
    const file = report('scripts.pdf');
    const text = flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const label of [...SCRIPT_LABELS, 'Scripts: 模型']) expect(text, label).toContain(label);
    expect(text).not.toContain('?');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const face of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansHebrew', 'NotoNaskhArabic', 'NotoSansSC-Regular', 'NotoSansKR-Regular', 'NotoEmoji-Regular', 'NotoSansSymbols2-Regular', 'NotoSansMath-Regular']) {
      expect(fonts.some((l) => l.includes(`+${face}`)), face).toBe(true);
    }
    // Every font embedded (emb), as a subset (sub), with a Unicode map (uni); no standard font left.
    for (const line of fonts) expect(line, line).toMatch(/\byes\s+yes\s+yes\b/);
    expect(fonts.join('\n')).not.toMatch(/Helvetica/);
    // The whole report stays small: subsets, not whole fonts (the Chinese font alone is 10 MB).
    expect(readFileSync(file).length).toBeLessThan(400_000);
    // Right to left: the glyphs stand in visual order, so poppler's word boxes (which keep page
    // order) hold the words reversed: the first letter of each word is its rightmost glyph.
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const reversed = (word: string) => [...word].reverse().join('');
    for (const word of ['גדול', 'מודל', 'نموذج']) expect(boxes, word).toContain(`>${reversed(word)}</word>`);
  });

  it('HTML: carries the fallback faces as data: URLs a font parser reads, with every label as text', () => {
    const html = readFileSync(report('scripts.html'), 'utf8');
    for (const label of SCRIPT_LABELS) expect(html, label).toContain(label);
    expect(html).toContain("font-src data:");
    const faces = [...html.matchAll(/@font-face\{[^}]*unicode-range:([^;]+);src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.length).toBeGreaterThanOrEqual(6);
    const covered = new Set<number>();
    for (const [, range, data] of faces) {
      const font = fontkit.create(Buffer.from(data!, 'base64'));
      // Each face maps the characters of its unicode-range to real glyphs (its own cmap).
      const first = Number.parseInt(/U\+([0-9A-F]+)/.exec(range!)![1]!, 16);
      expect(font.hasGlyphForCodePoint(first), range).toBe(true);
      for (const part of range!.split(',')) {
        const [a, b] = part.replace('U+', '').split('-').map((x) => Number.parseInt(x, 16));
        for (let cp = a!; cp <= (b ?? a!); cp++) covered.add(cp);
      }
    }
    for (const ch of '模검🔒✓→שم') expect(covered.has(ch.codePointAt(0)!), ch).toBe(true);
    // Subsets: the whole page stays far below the size of the Chinese font.
    expect(html.length).toBeLessThan(2_000_000);
  });
});
