// CLI output with hostile model text, as real processes: `analyze --format markdown` rendered by a
// permissive Markdown renderer (raw HTML and linkify on) produces no live markup from 136 payloads,
// and no ESC / C1 / other control character from model text reaches stdout or stderr of analyze,
// validate, import or report.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { serializeModel } from '../../core/model/canonical';
import { escapeMarkdown } from '../../core/report/escape';
import { ROOT, model, report, scratch } from './helpers';

const work = scratch('cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bin = path.join(ROOT, 'bin', 'mercator.mjs');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: work, maxBuffer: 50e6 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const BASE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '![x](https://evil.example/p.png)',
  '<https://evil.example>',
  'https://evil.example/path',
  'www.evil.example',
  'evil.example',
  'mail me@evil.example',
  '**bold** _em_ ~~gone~~',
  '`code` ``x``',
  '<details open ontoggle=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];
const WRAP = [
  (p: string) => p,
  (p: string) => `a ${p} b`,
  (p: string) => `| ${p} |`,
  (p: string) => `# ${p}`,
  (p: string) => `\n${p}\n`,
  (p: string) => `> ${p}`,
  (p: string) => `1. ${p}`,
  (p: string) => `[${p}](https://evil.example)`,
];
const PAYLOADS = BASE.flatMap((b) => WRAP.map((w) => w(b))).slice(0, 136);

const SAFE_TAGS = new Set(['h1', 'h2', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li']);

/** Markup in the rendered HTML that a payload could have made: any other tag, any attribute. */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    if (!SAFE_TAGS.has(m[1]!.toLowerCase()) || m[2]!.trim() !== '') found.push(m[0]);
  }
  return found;
}

describe('CLI output with hostile model text', () => {
  it(`analyze --format markdown: ${PAYLOADS.length} payloads render as text in a permissive renderer`, async () => {
    expect(PAYLOADS.length).toBe(136);
    const m = model('<script>alert("title")</script> https://evil.example', 0);
    PAYLOADS.forEach((p, i) => m.components.push({ id: `c${i}`, kind: 'llm', label: p.slice(0, 200), facts: {}, controls: {} }));
    const file = path.join(work, 'payloads.mercator.json');
    writeFileSync(file, serializeModel(m));
    const r = await run(['analyze', file, '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    const html = new MarkdownIt({ html: true, linkify: true }).render(r.stdout);
    const live = liveMarkup(html);
    // Every payload made it into the output (as escaped text).
    const reached = PAYLOADS.filter((p) => r.stdout.includes(escapeMarkdown(p))).length;
    report('markdown payloads through analyze --format markdown', PAYLOADS.length, live.length, `${reached} seen in the output`);
    expect(live).toEqual([]);
    expect(reached).toBe(PAYLOADS.length);
  }, 120_000);

  it('the Markdown report links only to the catalog sites, never to URLs typed into the model', async () => {
    const m = model('Links https://evil.example/title www.evil.example', 0);
    PAYLOADS.slice(0, 40).forEach((p, i) => m.components.push({ id: `c${i}`, kind: 'llm', label: p.slice(0, 200), description: `see ${p}`, facts: {}, controls: {} }));
    const file = path.join(work, 'links.mercator.json');
    writeFileSync(file, serializeModel(m));
    const out = path.join(work, 'links.md');
    const r = await run(['report', file, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = new MarkdownIt({ html: true, linkify: true }).render(readFileSync(out, 'utf8'));
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((x) => x[1]!);
    const foreign = hrefs.filter((h) => !/^https:\/\/(atlas\.mitre\.org|owasp\.org|genai\.owasp\.org)\//.test(h));
    report('URLs in a model through the Markdown report', 41, foreign.length, `${hrefs.length} catalog links`);
    expect(foreign).toEqual([]);
    expect(html).not.toMatch(/<(script|img|iframe|svg|details|math)\b/i);
  }, 120_000);

  it('no control characters from model text reach stdout or stderr', async () => {
    const nasty = '\u001b]0;owned\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u009b31m\u0008\r';
    const m = model(`title ${nasty}`, 0);
    m.components.push({ id: 'llm', kind: 'llm', label: `label ${nasty}`, facts: {}, controls: {} });
    const good = path.join(work, 'esc.mercator.json');
    writeFileSync(good, serializeModel(m));
    // An invalid model whose unknown key carries the sequence (errors quote key names).
    const bad = path.join(work, 'esc-bad.mercator.json');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(serializeModel(m)), [`key${nasty}`]: 1 }));
    const runs = [
      ['analyze', good],
      ['analyze', good, '--format', 'markdown'],
      ['analyze', good, '--format', 'json'],
      ['analyze', good, '--format', 'sarif'],
      ['validate', good, bad],
      ['validate', bad, '--format', 'json'],
      ['report', good, '-o', path.join(work, 'r.md')],
      ['import', path.join(work, 'nope.json'), '-o', path.join(work, 'x.mercator.json')],
      ['analyze', `missing${nasty}.json`],
    ];
    let leaks = 0;
    const results = await Promise.all(runs.map((args) => run(args)));
    for (const [i, args] of runs.entries()) {
      const r = results[i]!;
      // eslint-disable-next-line no-control-regex -- looking for exactly these
      const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
      if (raw.test(r.stdout) || raw.test(r.stderr)) leaks++;
      expect(raw.test(r.stdout), `${args.join(' ')} stdout`).toBe(false);
      expect(raw.test(r.stderr), `${args.join(' ')} stderr`).toBe(false);
    }
    report('control characters through CLI output', runs.length, leaks);
    // The text is still there, visibly escaped.
    expect(results[0]!.stdout).toContain('\\u001b');
  }, 240_000);
});
