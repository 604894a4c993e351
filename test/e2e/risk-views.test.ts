// The risk views in real Chromium: the likelihood × impact heatmap and the ATLAS matrix heatmap over
// 1,200 fixture findings (harness page: renderer/catalog-harness.html?findings=N), each cell filtering
// the findings with the shared FindingFilter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';

const N = 1200;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openRisk(query: string): Promise<Page> {
  const page = await openPage(browser, app, { width: 1400, height: 900 });
  await page.goto(`${app.origin}/catalog-harness.html?${query}#token=${app.token}`);
  await page.getByRole('region', { name: 'Risk views' }).waitFor();
  return page;
}

const filterText = (page: Page) => page.getByTestId('filter').textContent();

describe('risk views', () => {
  it('counts every finding once in the 5×5 heatmap and filters by a cell', async () => {
    const page = await openRisk(`findings=${N}`);
    expect(await page.getByTestId('risk-summary').textContent()).toMatch(
      new RegExp(`^${N} findings, \\d+ open$`),
    );
    const cells = page.locator('button.risk-heat-cell');
    expect(await cells.count()).toBe(25);
    const counts = await cells.evaluateAll((els) => els.map((e) => Number(e.textContent || '0')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N);
    // Colour follows severity: the top-right cell (5 × 5) is critical, the bottom-left (1 × 1) info.
    expect(
      await page.locator('button.risk-heat-cell[data-likelihood="5"][data-impact="5"]').getAttribute('class'),
    ).toContain('risk-sev-critical');
    expect(
      await page.locator('button.risk-heat-cell[data-likelihood="1"][data-impact="1"]').getAttribute('class'),
    ).toContain('risk-sev-info');

    const cell = page.locator('button.risk-heat-cell[data-likelihood="4"][data-impact="3"]');
    const inCell = Number(await cell.textContent());
    expect(inCell).toBeGreaterThan(0);
    expect(await cell.getAttribute('aria-label')).toBe(`Likelihood 4, impact 3: ${inCell} findings (high)`);
    await cell.click();
    expect(await filterText(page)).toBe(`{"likelihood":4,"impact":3} → ${inCell} findings`);
    // Keyboard: the cells are buttons in tab order.
    await cell.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-likelihood'))).toBe('5');
    expect(pageErrors(page)).toEqual([]);
  });

  it('rolls findings up to ATLAS techniques, coloured by status, and filters by a technique', async () => {
    const page = await openRisk(`findings=${N}`);
    const atlas = page.getByRole('figure', { name: 'ATLAS matrix heatmap of this model' });
    const cells = atlas.locator('button.risk-atlas-cell');
    await cells.first().waitFor();
    const shown = await cells.count();
    expect(shown).toBeGreaterThan(5);
    const states = await cells.evaluateAll((els) => els.map((e) => /risk-st-(\w+)/.exec(e.className)![1]));
    // The fixture has open, mitigated and accepted/transferred findings; every state is one of the legend's.
    expect(states).toContain('exposed');
    expect(states.every((s) => ['exposed', 'mitigated', 'accepted', 'none'].includes(s!))).toBe(true);
    expect(await atlas.getByRole('list', { name: 'Legend' }).textContent()).toContain(
      'accepted / transferred',
    );
    // A technique reached through sub-techniques says so, and its filter matches exactly its count.
    const rolled = atlas.locator('button.risk-atlas-cell', { has: page.locator('.risk-atlas-sub') }).first();
    const technique = (await rolled.getAttribute('data-technique'))!;
    expect(technique).toMatch(/^AML\.T\d{4}$/);
    expect(await rolled.getAttribute('aria-label')).toMatch(
      new RegExp(`through sub-techniques \\(${technique.replace('.', '\\.')}\\.\\d{3}`),
    );
    const total = Number(/^(\d+)/.exec((await rolled.locator('.risk-atlas-count').textContent())!)![1]);
    await rolled.click();
    expect(await filterText(page)).toBe(`{"technique":"${technique}"} → ${total} findings`);

    expect(pageErrors(page)).toEqual([]);
  });

  it('shows only techniques with findings until asked for the whole matrix', async () => {
    const page = await openRisk('findings=40');
    const atlas = page.getByRole('figure', { name: 'ATLAS matrix heatmap of this model' });
    await atlas.locator('button.risk-atlas-cell').first().waitFor();
    const shown = await atlas.locator('.risk-atlas-cell').count();
    expect(await atlas.locator('.risk-atlas-cell.risk-st-empty').count()).toBe(0);
    // The whole matrix has as many technique cells as the catalog browser's matrix beside it.
    const allTechniques = await page.locator('.cat-matrix button.cat-matrix-open:not(.sub)').count();
    expect(allTechniques).toBeGreaterThan(shown);
    await atlas.getByLabel('Show all techniques').check();
    await expect.poll(() => atlas.locator('.risk-atlas-cell').count()).toBe(allTechniques);
    expect(await atlas.locator('button.risk-atlas-cell').count()).toBe(shown);
  });

  it('says when there is nothing to show', async () => {
    const page = await openRisk('findings=0');
    await page.getByText('No findings yet: the views fill in as threats are found.').waitFor();
    expect(await page.locator('button.risk-heat-cell:not([disabled])').count()).toBe(0);
    await page.getByText('No finding names an ATLAS technique yet.').waitFor();
  });
});

describe('risk views in the app', () => {
  it('show the live findings of the open example and filter the findings panel', async () => {
    const page = await openPage(browser, app, { width: 1400, height: 900 });
    await expect
      .poll(
        async () =>
          Number(
            (await page
              .getByTestId('tab-findings')
              .locator('.tab-count')
              .textContent()
              .catch(() => '')) || 0,
          ),
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await page.getByTestId('tab-risk').click();
    const summary = (await page.getByTestId('risk-summary').textContent())!;
    const total = Number(/^(\d+) finding/.exec(summary)![1]);
    expect(total).toBeGreaterThan(0);
    const counts = await page
      .locator('button.risk-heat-cell')
      .evaluateAll((els) => els.map((e) => Number(e.textContent || '0')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);

    // A heatmap cell shows exactly its findings in the findings panel.
    const cell = page.locator('button.risk-heat-cell:not([disabled])').first();
    const inCell = Number(await cell.textContent());
    await cell.click();
    await page.getByTestId('findings-panel').waitFor();
    await page.getByRole('radio', { name: 'Whole model' }).click();
    await expect
      .poll(() => page.getByTestId('findings-count').textContent())
      .toBe(`${inCell} of ${total} findings`);

    // A technique cell of the ATLAS heatmap does the same for its technique (and its sub-techniques).
    await page.getByTestId('tab-risk').click();
    const technique = page.locator('button.risk-atlas-cell').first();
    await technique.waitFor();
    const inTechnique = Number(
      /^(\d+)/.exec((await technique.locator('.risk-atlas-count').textContent())!)![1],
    );
    await technique.click();
    await page.getByTestId('findings-panel').waitFor();
    await expect
      .poll(() => page.getByTestId('findings-count').textContent())
      .toBe(`${inTechnique} of ${total} findings`);
    expect(pageErrors(page)).toEqual([]);
  });
});
