// Report options through `mercator report` as a real process: chosen sections, the classification
// marking on every page, a cover logo (checked by its bytes), cover fields, and the red-team plan as
// Markdown and CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePng } from './png';
import { checkLogo } from '../../core/report/logo';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'mercator.mjs');
const EXAMPLE = path.join(ROOT, 'examples', 'fine-tuning-pipeline.mercator.json');

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-options-'));
  writeFileSync(path.join(dir, 'logo.png'), makePng(120, 40));
  writeFileSync(path.join(dir, 'fake.png'), 'GIF89a not a png at all');
});

function mercator(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const pages = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());

describe('report options on the command line', () => {
  it('writes only the chosen sections, marks every page, and prints the cover fields and logo', () => {
    const run = mercator(['report', EXAMPLE, '-o', 'chosen.pdf', '--sections', 'summary,flows,redteam', '--classification', 'CONFIDENTIAL', '--logo', 'logo.png', '--title', 'Support model review', '--owner', 'Dana Lee', '--authors', 'Ada; Grace', '--reviewers', 'CISO office, Red team']);
    expect(run.status, run.stderr).toBe(0);
    const file = path.join(dir, 'chosen.pdf');
    const all = pages(file);
    const contents = all[1]!;
    for (const title of ['Executive summary', 'Data flows', 'Red-team test plan']) expect(contents).toContain(title);
    for (const title of ['Threat register', 'Architecture', 'Mitigation plan', 'ATLAS coverage', 'Appendix']) expect(contents).not.toContain(title);
    // The marking on every page, the cover included.
    for (const [i, page] of all.entries()) expect(page.match(/CONFIDENTIAL/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
    const cover = all[0]!;
    for (const text of ['Support model review', 'Dana Lee', 'Ada, Grace', 'CISO office, Red team']) expect(cover).toContain(text);
    // The logo is an image on the cover.
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' });
    expect(images).toMatch(/\b120\s+40\b/);
  });

  it('refuses a logo that is not a PNG or JPEG, naming the file, and unknown sections as usage errors', () => {
    const fake = mercator(['report', EXAMPLE, '-o', 'fake.pdf', '--logo', 'fake.png']);
    expect(fake.status).toBe(1);
    expect(fake.stderr).toContain('fake.png: fake.png is neither a PNG nor a JPEG image');
    expect(existsSync(path.join(dir, 'fake.pdf'))).toBe(false);
    const bad = mercator(['report', EXAMPLE, '-o', 'x.pdf', '--sections', 'summary,gossip']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown section "gossip"');
  });

  it('writes the red-team plan as Markdown and CSV, inferring the format from the name', () => {
    expect(mercator(['report', EXAMPLE, '-o', 'plan.redteam.md']).status).toBe(0);
    const md = readFileSync(path.join(dir, 'plan.redteam.md'), 'utf8');
    expect(md).toMatch(/^# Red-team test plan: Fine-tuning pipeline/);
    expect(md).toContain('## Component: Fine-tuning job');
    expect(md).toContain('**Model verification and integrity checks.**');
    expect(mercator(['report', EXAMPLE, '-o', 'plan.redteam.csv']).status).toBe(0);
    const rows = readFileSync(path.join(dir, 'plan.redteam.csv'), 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('Subject type,Subject,Ref,Finding,Residual score,Residual severity,ATLAS techniques,Test,How,What shows the finding is real,Verifies');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.includes('Data-poisoning and label-flip checks'))).toBe(true);
  });
});

describe('checkLogo', () => {
  it('tells PNG and JPEG by their bytes, reads their size, and refuses the rest', () => {
    expect(checkLogo(makePng(30, 20))).toMatchObject({ ok: true, logo: { type: 'png', width: 30, height: 20 } });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x32, 0x00, 0x64, 0x03, 0, 0, 0, 0, 0, 0]);
    expect(checkLogo(jpeg)).toMatchObject({ ok: true, logo: { type: 'jpeg', width: 100, height: 50 } });
    expect(checkLogo(Buffer.from('<svg/>'))).toMatchObject({ ok: false });
    expect(checkLogo(Buffer.alloc(0))).toMatchObject({ ok: false, error: 'the logo is empty' });
    expect(checkLogo(Buffer.alloc(2_000_000, 1))).toMatchObject({ ok: false });
    expect(checkLogo(makePng(5000, 1))).toMatchObject({ ok: false, error: expect.stringContaining('5000 × 1 pixels') });
  });
});
