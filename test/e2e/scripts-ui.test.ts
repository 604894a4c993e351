// Labels in eleven scripts, as a person sees them: the canvas draws them with the app's own fallback
// fonts (served by the app, no network), and the HTML report exported from the toolbar shows them
// with the faces it carries. Screenshots go to /tmp (docs/screenshots with MERCATOR_UPDATE_SCREENSHOTS=1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, ROOT, startApp, type RunningApp } from './browser';
import { SCRIPT_LABELS, scriptLabelModel } from '../integration/script-labels';

const OUT = process.env.MERCATOR_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : mkdtempSync(path.join(os.tmpdir(), 'mercator-scripts-'));

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  writeFileSync(path.join(app.workspace, 'scripts.mercator.json'), scriptLabelModel(ROOT));
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The fallback faces the page has loaded (family "Mercator Fallback"), by status. */
function fallbackFaces(p: Page): Promise<Record<string, string[]>> {
  return p.evaluate(async () => {
    await document.fonts.ready;
    const out: Record<string, string[]> = {};
    document.fonts.forEach((f) => {
      if (!/Mercator Fallback/.test(f.family)) return;
      (out[f.status] ??= []).push(f.unicodeRange);
    });
    return out;
  });
}

/** The font families Chromium draws a canvas label with (DevTools protocol, CSS.getPlatformFontsForNode). */
async function fontsDrawing(p: Page, label: string): Promise<string[]> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.react-flow__node-component *' });
  const families = new Set<string>();
  for (const nodeId of nodeIds) {
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    if (!outerHTML.includes(label) || /<div[^>]*>.*<div/s.test(outerHTML)) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) families.add(f.familyName);
  }
  await cdp.detach();
  return [...families];
}

describe('labels in every script', () => {
  it('shows on the canvas with the bundled fallback fonts', async () => {
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByRole('button', { name: 'scripts.mercator.json' }).click();
    await expect.poll(() => page.locator('.react-flow__node-component').count(), { timeout: 15_000 }).toBe(11);
    const texts = await page.locator('.react-flow__node-component').allTextContents();
    for (const label of SCRIPT_LABELS) expect(texts.join('\n'), label).toContain(label);
    // This machine's own fonts have no Korean and no emoji: those come from the app's faces, fetched
    // from the app and parsed (a broken or missing file would be "error"), and Chromium draws the
    // labels with them.
    await expect.poll(async () => (await fallbackFaces(page)).loaded?.join(' ') ?? '', { timeout: 15_000 }).toMatch(/U\+AC00.*U\+1F000|U\+1F000.*U\+AC00/);
    expect((await fallbackFaces(page)).error ?? []).toEqual([]);
    expect(await fontsDrawing(page, '검색 서비스')).toContain('Noto Sans KR');
    expect(await fontsDrawing(page, '🔒 Secrets vault 🤖')).toContain('Noto Emoji');
    await page.screenshot({ path: path.join(OUT, 'scripts-canvas.png') });
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows in the HTML report exported from the toolbar', async () => {
    await page.getByTestId('toolbar-export').click();
    await page.locator('input[name="export-format"][value="html"]').check();
    const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-run').click();
    const download = await downloadPromise;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const report = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    await report.goto(`file://${file}`);
    const text = await report.locator('body').textContent();
    for (const label of SCRIPT_LABELS) expect(text, label).toContain(label);
    // The report's own faces (data: URLs) draw what this machine lacks: Korean and emoji.
    await expect.poll(async () => (await fallbackFaces(report)).loaded?.length ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const faces = await fallbackFaces(report);
    expect(faces.error ?? []).toEqual([]);
    const loaded = (faces.loaded ?? []).join(',');
    for (const ch of '검🔒') expect(loaded, ch).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase()}`);
    await report.locator('svg.diagram').scrollIntoViewIfNeeded();
    await report.screenshot({ path: path.join(OUT, 'scripts-html-report.png') });
    await report.context().close();
  });
});
