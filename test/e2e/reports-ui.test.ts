// Export a report and import a model through the toolbar, as a person would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, ROOT, startApp, type RunningApp } from './browser';

const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures', 'external');

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.locator('.react-flow__node').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openExampleFromDialog(id: string) {
  await page.getByRole('button', { name: /^Open/ }).click();
  await page.getByTestId(`example-${id}`).click();
  const discard = page.getByTestId('confirm-discard');
  if (await discard.isVisible().catch(() => false)) await discard.click();
  await page.locator('.react-flow__node').first().waitFor();
}

describe('export and import from the toolbar', () => {
  it('exports the RAG example as a PDF that reads back with its findings', async () => {
    await openExampleFromDialog('rag-support-chatbot');
    await page.getByTestId('toolbar-export').click();
    await page.locator('input[name="export-format"][value="pdf"]').check();
    const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-run').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('RAG customer-support chatbot');
    expect(text).toContain('AML.T0051.001');
    expect(text).toContain('LLM01:2025');
    await expect.poll(() => page.getByTestId('export-done').textContent()).toMatch(/Saved .*\.pdf/);
    await page.getByRole('button', { name: 'Close' }).last().click();
  });

  it('exports a SARIF file from the same dialog', async () => {
    await page.getByTestId('toolbar-export').click();
    await page.locator('input[name="export-format"][value="sarif"]').check();
    const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-run').click();
    const download = await downloadPromise;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const sarif = JSON.parse(readFileSync(file, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Close' }).last().click();
  });

  it.skipIf(!existsSync(FIXTURES))('imports the Threat Dragon v2 demo model and opens it on the canvas', async () => {
    await page.getByTestId('toolbar-import').click();
    await page.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'threat-dragon', 'v2-threat-model.json'));
    await page.getByTestId('import-summary').waitFor();
    await expect.poll(() => page.getByTestId('import-guesses').locator('tbody tr').count()).toBeGreaterThan(3);
    await page.getByTestId('import-open').click();
    const discard = page.getByTestId('confirm-discard');
    if (await discard.isVisible().catch(() => false)) await discard.click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(os.tmpdir(), 'mercator-import-td.png') });
  });

  it('refuses a file that is not a model it can import, with a clear error', async () => {
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-bad-')), 'notes.json');
    writeFileSync(bad, '{"hello": [1, 2,');
    await page.getByTestId('toolbar-import').click();
    await page.getByTestId('import-file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/notes\.json|JSON|line/i);
    await page.getByRole('button', { name: 'Cancel' }).last().click();
    expect(pageErrors(page).filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
