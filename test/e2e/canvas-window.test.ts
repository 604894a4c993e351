// Working zoom on a big model: at 100 % the canvas mounts only the components around the view, and
// panning across the diagram (as a person drags the empty canvas) brings the next ones in painted.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { generateEditorModel } from '../../bench/editor-model';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  writeFileSync(path.join(app.workspace, 'big.mercator.json'), JSON.stringify(generateEditorModel(1000)));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Components whose box overlaps the pane, and how many of those are mounted and painted. */
function onScreen(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-component')];
    const inside = nodes.filter((n) => {
      const r = n.getBoundingClientRect();
      return r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    });
    return {
      mounted: nodes.length,
      inside: inside.length,
      painted: inside.filter((n) => n.style.visibility !== 'hidden').length,
    };
  });
}

/** The point nearest (x, y) where the pointer is over the empty canvas. */
function emptySpot(page: Page, x: number, y: number) {
  return page.evaluate(
    ([x0, y0]) => {
      for (let r = 0; r < 400; r += 8)
        for (let a = 0; a < 16; a++) {
          const x = x0! + Math.cos((a / 16) * 2 * Math.PI) * r;
          const y = y0! + Math.sin((a / 16) * 2 * Math.PI) * r;
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return [x, y] as const;
        }
      throw new Error('no empty canvas found');
    },
    [x, y],
  );
}

describe.each([
  { width: 1280, height: 720 },
  { width: 1600, height: 1000 },
])('panning a 1,000-component model at 100 % zoom ($width×$height)', (viewport) => {
  it('mounts the components around the view only and paints the ones that come into view', async () => {
    const page = await openPage(browser, app, viewport);
    await page.getByTestId('doc-title').waitFor();
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByRole('button', { name: 'big.mercator.json' }).click();
    await expect
      .poll(() => page.getByTestId('doc-title').textContent(), { timeout: 15_000 })
      .toContain('1000 components');
    // The whole model is on screen in the fitted overview.
    await expect.poll(async () => (await onScreen(page)).painted, { timeout: 30_000 }).toBe(1000);

    await page.getByRole('button', { name: 'Zoom to 100 %' }).click();
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform),
      )
      .toMatch(/scale\(1\)$/);
    await expect.poll(async () => (await onScreen(page)).mounted, { timeout: 10_000 }).toBeLessThan(600);
    const before = await onScreen(page);
    expect(before.inside).toBeGreaterThan(10);
    expect(before.painted).toBe(before.inside);
    const firstSeen = await page.evaluate(
      () => document.querySelector<HTMLElement>('.react-flow__node-component')!.dataset.id,
    );

    // Drag the empty canvas to the left, two screens' worth, in a few strokes.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    for (let stroke = 0; stroke < 3; stroke++) {
      const [x, y] = await emptySpot(page, pane.x + pane.width * 0.85, pane.y + pane.height / 2);
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - pane.width * 0.7, y, { steps: 20 });
      await page.mouse.up();
    }
    // New components came in, painted, and the ones far behind were let go.
    await expect
      .poll(
        async () => {
          const s = await onScreen(page);
          return s.inside > 10 && s.painted === s.inside;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await expect.poll(async () => (await onScreen(page)).mounted, { timeout: 10_000 }).toBeLessThan(600);
    await expect
      .poll(() => page.locator(`.react-flow__node-component[data-id="${firstSeen}"]`).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    // Flows near the view are drawn as edges with their ends on the boxes.
    expect(await page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    await page.waitForTimeout(600);
    const file = path.join(os.tmpdir(), `mercator-pan-100-${viewport.width}x${viewport.height}.png`);
    await page.screenshot({ path: file });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
