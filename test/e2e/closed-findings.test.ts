// Findings closed by a control in place stay visible as evidence: listed apart in the findings panel,
// each naming the control and where it sits, and the finding card says which controls close a
// finding and which only lower it. Done as a person would: open an example, tick a control.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { showFindings } from './editor-helpers';

const OUT = mkdtempSync(path.join(os.tmpdir(), 'mercator-closed-'));
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app, { width: 1280, height: 720 });
  await page.getByTestId('doc-title').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('closed-by-control findings', () => {
  it('lists a finding closed by a control with the control named, and tells closing from lowering controls', async () => {
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByTestId('example-rag-support-chatbot').click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('RAG customer-support chatbot');
    await showFindings(page);
    // The open harmful-content finding on the LLM: its card names content filtering as the control that closes it.
    const finding = page.locator('[data-testid="finding"][data-rule="harmful-content"]').first();
    await finding.waitFor({ timeout: 10_000 });
    const key = (await finding.getAttribute('data-key'))!;
    const subject = key.split('@')[1]!;
    await finding.locator('.finding-head').click();
    await expect.poll(() => finding.getByTestId('mitigations-closing').textContent(), { timeout: 10_000 }).toContain('Content safety filtering');
    // Tick the control on the subject in the inspector: the finding leaves the open list ...
    await page.getByTestId(`node-${subject}`).click();
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('field-contentSafetyFiltering').check();
    await showFindings(page);
    await expect.poll(() => page.locator(`[data-testid="finding"][data-key="${key}"]`).count(), { timeout: 10_000 }).toBe(0);
    // ... and is listed under "Closed by controls", naming the control and where it sits.
    const closed = page.getByTestId('closed-findings');
    await closed.locator(':scope > summary').click();
    const item = closed.locator(`[data-testid="closed-finding"][data-key="${key}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getAttribute('data-status')).toBe('closed-by-control');
    expect(await item.getByTestId('closed-by').textContent()).toMatch(/^Closed by Content safety filtering on /);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'closed-by-control-1280x720.png') });
    // Unticking records the control as absent, and the finding is open again.
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('field-contentSafetyFiltering').uncheck();
    await expect.poll(() => page.getByTestId('control-state-contentSafetyFiltering').textContent(), { timeout: 10_000 }).toBe('Absent');
    await showFindings(page);
    await expect.poll(() => page.locator(`[data-testid="finding"][data-key="${key}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    console.log(`screenshot: ${path.join(OUT, 'closed-by-control-1280x720.png')}`);
  });
});
