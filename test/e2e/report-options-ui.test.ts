// Report options in the export dialog, as a person sets them: sections unticked, a classification
// marking, a logo picked (a file that is not an image is refused on the spot), and the PDF that comes
// back carries exactly that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { makePng } from '../integration/png';

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-options-ui-'));
  writeFileSync(path.join(dir, 'logo.png'), makePng(90, 30));
  writeFileSync(path.join(dir, 'notes.png'), 'just some text');
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.locator('.react-flow__node').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('export dialog options', () => {
  it('exports a PDF with the chosen sections, the marking on every page and the logo', async () => {
    await page.getByRole('button', { name: /^Open/ }).click();
    await page.getByTestId('example-fine-tuning-pipeline').click();
    const discard = page.getByTestId('confirm-discard');
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByTestId('toolbar-export').click();
    await page.locator('input[name="export-format"][value="pdf"]').check();
    for (const s of ['register', 'coverage', 'appendix', 'inventory']) await page.locator(`input[name="export-section"][value="${s}"]`).uncheck();
    await page.locator('input[name="export-classification"]').fill('INTERNAL USE ONLY');
    await page.locator('input[name="export-reviewers"]').fill('Security review board');
    // A text file named .png is refused before anything is sent.
    await page.getByTestId('export-logo').setInputFiles(path.join(dir, 'notes.png'));
    await expect.poll(() => page.getByTestId('export-logo-error').textContent()).toContain('neither a PNG nor a JPEG');
    await page.getByTestId('export-logo').setInputFiles(path.join(dir, 'logo.png'));
    await expect.poll(() => page.getByTestId('export-logo-error').count()).toBe(0);
    await page.screenshot({ path: path.join(dir, 'export-options.png') });
    const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-run').click();
    const download = await downloadPromise;
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    const contents = pages[1]!;
    for (const title of ['Executive summary', 'Architecture', 'Data flows', 'Controls in place', 'Red-team test plan']) expect(contents).toContain(title);
    for (const title of ['Threat register', 'ATLAS coverage', 'Appendix', 'Components']) expect(contents).not.toContain(title);
    for (const p of pages) expect(p).toContain('INTERNAL USE ONLY');
    expect(pages[0]).toContain('Security review board');
    expect(execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file], { encoding: 'utf8' })).toMatch(/\b90\s+30\b/);
    expect(pageErrors(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).last().click();
  });

  it('exports the diagram as SVG and as PNG, with the finding numbers on it', async () => {
    const save = async (format: string) => {
      await page.getByTestId('toolbar-export').click();
      await page.locator(`input[name="export-format"][value="${format}"]`).check();
      const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
      await page.getByTestId('export-run').click();
      const download = await downloadPromise;
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      await expect.poll(() => page.getByTestId('export-done').textContent()).toMatch(/Saved/);
      await page.getByRole('button', { name: 'Close' }).last().click();
      return file;
    };
    const svgFile = await save('diagram-svg');
    expect(svgFile).toMatch(/\.diagram\.svg$/);
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="\d+" height="\d+"/);
    expect(svg).toContain('Fine-tuning job');
    expect(svg).toMatch(/class="refs"[^>]*>F-\d{3}/);
    expect(svg).not.toMatch(/<script|href="http/i);
    const pngFile = await save('diagram-png');
    expect(pngFile).toMatch(/\.diagram\.png$/);
    const png = readFileSync(pngFile);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg)!;
    expect(width).toBe(Math.round(Math.ceil(Number(viewBox[1])) * 2));
    expect(height).toBe(Math.round(Math.ceil(Number(viewBox[2])) * 2));
    expect(pageErrors(page)).toEqual([]);
  });
});
