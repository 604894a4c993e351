// Screenshots for the README and the user guide (docs/screenshots/*.png), taken from the real app.
// Each step checks what it shows, so a broken screen fails the test instead of producing a bad image.
// A plain `npm test` writes them to a temporary folder (so a test run leaves the checkout as it was);
// MERCATOR_UPDATE_SCREENSHOTS=1 writes them to docs/screenshots.
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, startApp, type RunningApp } from './browser';
import { newEmptyModel, showFindings } from './editor-helpers';

const OUT = process.env.MERCATOR_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : mkdtempSync(path.join(os.tmpdir(), 'mercator-screenshots-'));
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app, { width: 1440, height: 900 });
  await page.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (name: string) => page.screenshot({ path: path.join(OUT, name) });

describe('screenshots', () => {
  it('empty app', async () => {
    await newEmptyModel(page);
    await shot('empty-app.png');
  });

  it('RAG example with findings', async () => {
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByTestId('example-rag-support-chatbot').click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('RAG customer-support chatbot');
    await showFindings(page);
    const first = page.locator('[data-testid="finding"][data-rule="direct-prompt-injection"]').first();
    await first.locator('.finding-head').click();
    await expect.poll(() => page.locator('.component-node.highlighted').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await page.waitForTimeout(400);
    await shot('rag-findings.png');
  });

  it('heatmaps', async () => {
    await page.getByTestId('tab-risk').click();
    await page.locator('.risk-views').waitFor();
    await page.waitForTimeout(600);
    await shot('risk-heatmaps.png');
  });

  it('catalog browser', async () => {
    await page.getByTestId('tab-catalog').click();
    await page.getByTestId('catalog-status').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(400);
    await shot('catalog-browser.png');
  });

  it('dark theme', async () => {
    await page.getByTestId('tab-findings').click();
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.waitForTimeout(300);
    await shot('dark-theme.png');
  });
});
