// Decisions, saving and reopening, undo/redo and the unsaved-changes guard, driven like a person would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { expectFinding, newEmptyModel, nodeIds, showFindings } from './editor-helpers';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('decisions survive save and reopen', () => {
  it('accepts a finding with a rationale, saves, reopens and finds the decision kept', async () => {
    await page.getByRole('button', { name: 'New model' }).click();
    await page.getByTestId('new-from-rag-support-chatbot').click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('RAG customer-support chatbot (copy)');
    await showFindings(page);
    // The RAG model's own findings (not those of the model shown before it).
    await page.locator('[data-testid="finding"][data-rule="direct-prompt-injection"]').first().waitFor();
    const key = (await page.locator('[data-testid="finding"][data-rule="direct-prompt-injection"]').first().getAttribute('data-key'))!;
    const item = page.locator(`[data-testid="finding"][data-key="${key}"]`);
    await item.locator('.finding-head').click();
    await item.getByTestId('decision-status').selectOption('accepted');
    await item.getByTestId('decision-rationale').fill('Vendor contract covers it; reviewed in the design review.');
    await item.getByTestId('decision-owner').fill('Security team');
    await expect.poll(() => page.locator(`[data-testid="finding"][data-key="${key}"]`).getAttribute('data-status'), { timeout: 10_000 }).toBe('accepted');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toMatch(/^● /);

    await page.keyboard.press('Control+s');
    await page.getByTestId('save-as-name').fill('rag-reviewed');
    await page.getByTestId('save-as-name').press('Enter');
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('rag-reviewed.mercator.json');
    await expect.poll(() => page.getByTestId('dirty-marker').count(), { timeout: 10_000 }).toBe(0);
    const onDisk = JSON.parse(readFileSync(path.join(app.workspace, 'rag-reviewed.mercator.json'), 'utf8'));
    expect(onDisk.decisions[key]).toMatchObject({ status: 'accepted', owner: 'Security team' });

    // A fresh page (the app restarts with an example), then Open → Recent.
    await page.reload();
    await page.getByTestId('doc-title').waitFor();
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByTestId('recent-files').getByRole('button', { name: /rag-reviewed/ }).click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('rag-reviewed.mercator.json');
    await showFindings(page);
    const reopened = page.locator(`[data-testid="finding"][data-key="${key}"]`);
    await expect.poll(() => reopened.getAttribute('data-status'), { timeout: 10_000 }).toBe('accepted');
    await reopened.locator('.finding-head').click();
    await expect.poll(() => reopened.getByTestId('decision-rationale').inputValue(), { timeout: 10_000 }).toBe('Vendor contract covers it; reviewed in the design review.');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes a sequence of edits, typing counting as one step', async () => {
    await newEmptyModel(page);
    await page.getByTestId('palette-component-llm').click();
    await page.getByTestId('palette-component-agent').click();
    await page.getByTestId('palette-component-tool').click();
    expect(await nodeIds(page)).toEqual(['llm', 'agent', 'tool']);
    await page.getByTestId('tab-inspector').click();
    const label = page.getByTestId('inspector-label');
    await label.fill('');
    await label.pressSequentially('Shell tool', { delay: 20 });
    await expect.poll(() => page.getByTestId('node-tool').textContent(), { timeout: 10_000 }).toContain('Shell tool');
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });

    await page.keyboard.press('Control+z'); // the whole rename
    await expect.poll(() => page.getByTestId('node-tool').textContent(), { timeout: 10_000 }).not.toContain('Shell');
    await page.keyboard.press('Control+z'); // adding the tool
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual(['llm', 'agent']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual(['llm']);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual(['llm', 'agent', 'tool']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('node-tool').textContent(), { timeout: 10_000 }).toContain('Shell tool');

    // Duplicate, then delete with the keyboard, then undo the delete.
    await page.getByTestId('node-agent').click();
    await page.keyboard.press('Control+d');
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual(['llm', 'agent', 'tool', 'agent-2']);
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual(['llm', 'agent', 'tool']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual(['llm', 'agent', 'tool', 'agent-2']);
  });

  it('asks before unsaved changes are lost', async () => {
    await page.getByRole('button', { name: 'New model' }).click();
    await page.getByTestId('new-empty').click();
    await page.getByTestId('confirm-message').waitFor();
    await page.getByTestId('confirm-cancel').click();
    expect(await nodeIds(page)).toEqual(['llm', 'agent', 'tool', 'agent-2']);
    await page.getByRole('button', { name: 'New model' }).click();
    await page.getByTestId('new-empty').click();
    await page.getByTestId('confirm-discard').click();
    await expect.poll(() => nodeIds(page), { timeout: 10_000 }).toEqual([]);
    await expectFinding(page, 'llm-endpoint-no-authentication', false);
    expect(pageErrors(page)).toEqual([]);
  });
});
