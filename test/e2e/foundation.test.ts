// The foundation end to end, in real Chromium against `mercator web`: the example appears, a
// component is dragged, saved with Save as, reopened after a reload with its new position; a bad
// model shows its code and pointer in the problems panel; markup in a label stays text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { createEmptyModel, type Model } from '../../core/model/schema';
import { serializeModel } from '../../core/model/canonical';

const SHOTS = '/tmp';
let app: RunningApp;
let browser: Browser;
let page: Page;
const failedResponses: string[] = [];

function node(id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** The node's position on the canvas (React Flow's own transform), in flow coordinates. */
async function flowPosition(id: string): Promise<{ x: number; y: number }> {
  const transform = await node(id).evaluate((el) => (el as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`no position in "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

async function openFromDialog(file: string) {
  await page.getByRole('button', { name: /^Open/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Open a model' });
  await dialog.getByRole('button', { name: file, exact: true }).click();
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('foundation end to end', () => {
  it('shows an example on start, and the RAG example from the Open dialog', async () => {
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.getByRole('button', { name: /^Open/ }).first().click();
    await page.getByRole('dialog', { name: 'Open a model' }).getByRole('button', { name: /RAG customer-support chatbot/ }).click();
    await node('chat-api').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(7);
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toContain('RAG customer-support chatbot');
    await page.screenshot({ path: path.join(SHOTS, 'mercator-e2e-1-example.png') });
  });

  it('drags a component, saves it with Save as, and keeps the position after a reload and reopen', async () => {
    const before = await flowPosition('chat-api');
    const box = (await node('chat-api').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 14, box.y + box.height / 2 + i * 9);
    await page.mouse.up();
    await expect.poll(async () => (await flowPosition('chat-api')).x).not.toBe(before.x);
    const moved = await flowPosition('chat-api');
    expect(moved.y).not.toBe(before.y);

    await page.getByRole('button', { name: /^Save as/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as' });
    await dialog.getByTestId('save-as-name').fill('moved.mercator.json');
    await page.screenshot({ path: path.join(SHOTS, 'mercator-e2e-2-save-as.png') });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toContain('moved.mercator.json');

    const saved = JSON.parse(readFileSync(path.join(app.workspace, 'moved.mercator.json'), 'utf8')) as Model;
    expect(saved.layout.boxes['chat-api']).toMatchObject({ x: Math.round(moved.x), y: Math.round(moved.y) });

    await page.reload();
    await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('doc-title').textContent()).not.toContain('moved.mercator.json');
    await openFromDialog('moved.mercator.json');
    await expect.poll(() => page.getByTestId('doc-title').textContent()).toContain('moved.mercator.json');
    await expect.poll(() => flowPosition('chat-api')).toEqual({ x: Math.round(moved.x), y: Math.round(moved.y) });
    await page.screenshot({ path: path.join(SHOTS, 'mercator-e2e-3-reopened.png') });
  });

  it('shows the code and pointer of a bad model in the problems panel', async () => {
    const bad = createEmptyModel('Broken');
    bad.components.push({ id: 'a', kind: 'llm', label: 'A', facts: {}, controls: {} });
    bad.flows.push({ id: 'f1', source: 'a', target: 'ghost', label: '', facts: {}, controls: {} });
    writeFileSync(path.join(app.workspace, 'broken.mercator.json'), JSON.stringify(bad, null, 2));
    await openFromDialog('broken.mercator.json');
    const problems = page.getByTestId('problems');
    await problems.waitFor({ state: 'visible' });
    await expect.poll(() => problems.textContent()).toContain('E_DANGLING_FLOW');
    expect(await problems.textContent()).toContain('/flows/0/target');
    await page.screenshot({ path: path.join(SHOTS, 'mercator-e2e-4-problems.png') });
  });

  it('renders markup in a label as literal text', async () => {
    const label = '<img src=x onerror=window.__xss=1>';
    const model = createEmptyModel('<script>window.__xss=2</script>');
    model.components.push({ id: 'evil', kind: 'llm', label, facts: {}, controls: {} });
    model.layout.boxes.evil = { x: 100, y: 100 };
    writeFileSync(path.join(app.workspace, 'markup.mercator.json'), serializeModel(model));
    await openFromDialog('markup.mercator.json');
    await node('evil').waitFor({ state: 'visible' });
    expect(await node('evil').textContent()).toContain(label);
    expect(await node('evil').locator('img').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.getByTestId('doc-title').textContent()).toContain('<script>window.__xss=2</script>');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.screenshot({ path: path.join(SHOTS, 'mercator-e2e-5-markup.png') });
  });

  it('had no console errors and no failed requests (favicon included)', async () => {
    const favicon = await page.evaluate(async () => (await fetch('/favicon.svg')).status);
    expect(favicon).toBe(200);
    expect(pageErrors(page)).toEqual([]);
    expect(failedResponses).toEqual([]);
  });
});
