// Opening a generated 1,000-component model: it opens, paints and stays editable.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { generateEditorModel } from '../../bench/editor-model';
import { connect } from './editor-helpers';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  writeFileSync(path.join(app.workspace, 'big.mercator.json'), JSON.stringify(generateEditorModel(1000)));
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a 1,000-component model', () => {
  it('opens from the workspace, paints every component and shows its findings', async () => {
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByRole('button', { name: 'big.mercator.json' }).click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 15_000 }).toContain('Generated model with 1000 components');
    // Zoomed to fit: every component is on screen, so every one is rendered.
    await expect.poll(() => page.locator('.react-flow__node-component').count(), { timeout: 20_000 }).toBe(1000);
    await page.getByTestId('tab-inspector').click();
    await expect.poll(() => page.getByTestId('inspector-model').textContent(), { timeout: 10_000 }).toContain('1000 components');
    await page.getByTestId('tab-findings').click();
    await expect.poll(async () => Number((await page.getByTestId('findings-count').textContent())?.match(/of (\d+)/)?.[1] ?? 0), { timeout: 20_000 }).toBeGreaterThan(100);
    // Zoomed far out the canvas draws the overview: plain boxes and every flow in one path.
    await expect.poll(() => page.locator('.component-node.overview').count()).toBe(1000);
    expect(await page.getByTestId('overview-flows').locator('path').first().getAttribute('d')).toMatch(/^M[\d.-]+ [\d.-]+L/);
    expect(await page.locator('.react-flow__edge').count()).toBe(0);
    if (process.env.MERCATOR_UPDATE_SCREENSHOTS === '1') {
      // The overview at about 500 components on screen, for the user guide.
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
      await page.mouse.click(1, 1); // nothing selected, so the findings list shows the whole model
      await page.waitForTimeout(1500); // let the zoom animation end and the layer re-raster
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'overview.png') });
    }
    // Zooming in brings back text, handles and the flows as edges.
    for (let i = 0; i < 12 && (await page.locator('.component-node.overview').count()) > 0; i++) {
      await page.getByRole('button', { name: 'Zoom In' }).click();
    }
    await expect.poll(() => page.locator('.component-node.overview').count()).toBe(0);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('overview-flows').count()).toBe(0);
    // Still editable: select a component in the middle of the screen and rename it.
    const middle = await page.evaluate(() => {
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-component')];
      const distance = (n: HTMLElement) => {
        const r = n.getBoundingClientRect();
        return Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      };
      return nodes.sort((a, b) => distance(a) - distance(b))[0]!.dataset.id!;
    });
    const first = page.locator(`.react-flow__node-component[data-id="${middle}"]`);
    await first.click();
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('inspector-label').fill('Renamed in a big model');
    await expect.poll(() => page.getByText('Renamed in a big model', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The model opened in the overview (no handles): after zooming in, a flow drawn by dragging from
    // a handle to the next component on the right still connects.
    const right = await page.evaluate((from) => {
      const box = (id: string) => document.querySelector(`.react-flow__node-component[data-id="${id}"]`)!.getBoundingClientRect();
      const a = box(from);
      const candidates = [...document.querySelectorAll<HTMLElement>('.react-flow__node-component')]
        .map((n) => ({ id: n.dataset.id!, r: n.getBoundingClientRect() }))
        .filter(({ r }) => Math.abs(r.top - a.top) < 5 && r.left > a.right);
      return candidates.sort((x, y) => x.r.left - y.r.left)[0]!.id;
    }, middle);
    // The canvas mounts the flows near the view; let it come to rest before counting them.
    const edgeCount = () => page.locator('.react-flow__edge').count();
    let flowsBefore = -1;
    for (let i = 0; i < 20 && flowsBefore !== (await edgeCount()); i++) {
      flowsBefore = await edgeCount();
      await page.waitForTimeout(500);
    }
    await connect(page, middle, right);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(flowsBefore + 1);
    expect(pageErrors(page)).toEqual([]);
  });
});
