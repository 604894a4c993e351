// The catalog browser in real Chromium over browser mode: search, matrix, entries, cross-references
// with Back, OWASP crosswalk, the official link's confirmation and "Update catalog…".
// Runs against the harness page (renderer/catalog-harness.html) that mounts the browser on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';

const ATLAS_YAML = path.resolve(ROOT, '..', 'shared', 'catalog-sources', 'atlas', 'ATLAS.yaml');
const hasSources = existsSync(ATLAS_YAML);
if (!hasSources)
  console.warn(`SKIPPED: official-source checks need ${ATLAS_YAML} (not present on this machine).`);

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

async function openHarness(query = 'findings=0', viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await openPage(browser, app, viewport);
  await page.goto(`${app.origin}/catalog-harness.html?${query}#token=${app.token}`);
  await page.getByRole('region', { name: 'ATLAS matrix' }).waitFor();
  return page;
}

const shownEntry = (page: Page) => page.locator('article.cat-entry').getAttribute('data-entry-id');

async function expectEntry(page: Page, id: string) {
  await page.locator(`article.cat-entry[data-entry-id="${id}"]`).waitFor();
}

describe('catalog browser', () => {
  it('finds indirect prompt injection first, with keyboard navigation, and opens it', async () => {
    const page = await openHarness();
    const search = page.getByRole('combobox', { name: 'Search the catalog' });
    await search.fill('indirect prompt injection');
    const options = page.getByRole('option');
    await expect
      .poll(() => options.first().getAttribute('data-entry'), { timeout: 5000 })
      .toBe('AML.T0051.001');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await options.first().locator('.cat-badge').textContent()).toBe('Technique');
    expect(await options.count()).toBeGreaterThan(3);
    await search.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await search.press('ArrowUp');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    await expectEntry(page, 'AML.T0051.001');
    expect(await page.locator('#cat-entry-title').textContent()).toBe('Indirect');
    expect(await page.getByRole('listbox').count()).toBe(0);
    // Typing gibberish says so instead of showing stale results.
    await search.fill('zzqxwv');
    await page.getByText('Nothing matches “zzqxwv”.').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('follows a technique to a mitigation and to a case study, and Back retraces the steps', async () => {
    const page = await openHarness();
    await page.getByRole('button', { name: 'Open AML.T0051.001' }).click();
    await expectEntry(page, 'AML.T0051.001');
    const mitigations = page.getByRole('region', { name: 'Mitigations' }).locator('button.cat-link');
    expect(await mitigations.count()).toBeGreaterThan(0);
    const mitigationId = (await mitigations.first().getAttribute('data-entry'))!;
    expect(mitigationId).toMatch(/^AML\.M\d{4}$/);
    await mitigations.first().click();
    await expectEntry(page, mitigationId);
    expect(await page.locator('.cat-entry .cat-badge').first().textContent()).toBe('Mitigation');
    // The mitigation lists the technique it came from among those it addresses.
    await page
      .getByRole('region', { name: 'Techniques addressed' })
      .locator('[data-entry="AML.T0051.001"]')
      .waitFor();

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expectEntry(page, 'AML.T0051.001');
    const cases = page.getByRole('region', { name: 'Case studies that used it' }).locator('button.cat-link');
    const caseId = (await cases.first().getAttribute('data-entry'))!;
    expect(caseId).toMatch(/^AML\.CS\d{4}$/);
    await cases.first().click();
    await expectEntry(page, caseId);
    // Its procedure has numbered steps; one of them uses the technique we came from.
    const procedure = page.getByRole('region', { name: 'Procedure' });
    expect(await procedure.locator('li').count()).toBeGreaterThan(1);
    await procedure.locator('[data-entry="AML.T0051.001"]').first().waitFor();

    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expectEntry(page, 'AML.T0051.001');
    // Parent link, then Back twice returns to the matrix.
    await page.locator('.cat-parent [data-entry="AML.T0051"]').click();
    await expectEntry(page, 'AML.T0051');
    await page
      .getByRole('region', { name: 'Sub-techniques' })
      .locator('[data-entry="AML.T0051.001"]')
      .waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expectEntry(page, 'AML.T0051.001');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('region', { name: 'ATLAS matrix' }).waitFor();
    expect(await page.getByRole('button', { name: 'Back', exact: true }).isDisabled()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows an OWASP entry with prevention points and follows its crosswalk to ATLAS', async () => {
    const page = await openHarness();
    await page.getByRole('button', { name: 'OWASP LLM 2025' }).click();
    const list = page.getByRole('region', { name: 'OWASP Top 10 for LLM Applications 2025' });
    const ids = await list
      .locator('button.cat-link')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')));
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `LLM${String(i + 1).padStart(2, '0')}:2025`));
    await list.locator('[data-entry="LLM01:2025"]').click();
    await expectEntry(page, 'LLM01:2025');
    expect(await page.getByRole('region', { name: 'Prevention' }).locator('li').count()).toBeGreaterThan(2);
    const crosswalk = page.getByRole('region', { name: 'MITRE ATLAS (crosswalk)' });
    const cited = crosswalk.locator('li', { has: page.locator('[data-entry="AML.T0051.001"]') });
    expect(await cited.locator('.cat-prov').textContent()).toBe('cited by OWASP');
    const analysed = crosswalk.locator('li', { has: page.locator('.cat-prov-mercator') }).first();
    expect(await analysed.locator('.cat-prov').textContent()).toBe('Mercator analysis');
    expect((await analysed.locator('.cat-reason').textContent())!.length).toBeGreaterThan(10);
    await cited.locator('button.cat-link').click();
    await expectEntry(page, 'AML.T0051.001');
    // …and the technique links back to the OWASP entry.
    await page
      .getByRole('region', { name: 'OWASP (crosswalk)' })
      .locator('[data-entry="LLM01:2025"]')
      .waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expectEntry(page, 'LLM01:2025');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await list.waitFor();

    await page.getByRole('button', { name: 'OWASP ML 2023' }).click();
    const ml = page.getByRole('region', { name: 'OWASP Machine Learning Security Top 10 2023' });
    await expect.poll(() => ml.locator('button.cat-link').count()).toBe(10);
    expect(await ml.locator('button.cat-link').first().getAttribute('data-entry')).toBe('ML01:2023');
    expect(pageErrors(page)).toEqual([]);
  });

  it('lays the matrix out in ATLAS order, with sub-techniques that unfold', async () => {
    const page = await openHarness();
    const matrix = page.getByRole('region', { name: 'ATLAS matrix' });
    const tactics = await matrix
      .locator('button.cat-matrix-tactic')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-entry')));
    expect(tactics.length).toBeGreaterThan(10);
    if (hasSources) {
      const atlas = parse(readFileSync(ATLAS_YAML, 'utf8')) as {
        matrices: Array<{ tactics: Array<{ id: string }> }>;
      };
      expect(tactics).toEqual(atlas.matrices[0]!.tactics.map((t) => t.id));
    }
    const toggle = matrix.getByRole('button', { name: /sub-techniques of LLM Prompt Injection$/ }).first();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await matrix.locator('[data-entry="AML.T0051.001"]').count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await matrix.locator('[data-entry="AML.T0051.001"]').first().click();
    await expectEntry(page, 'AML.T0051.001');
    // Maturity is shown as a marker with a text alternative.
    expect(await page.locator('.cat-entry-meta .cat-maturity').count()).toBe(1);
    // A tactic opens too, and lists its techniques.
    await page.getByRole('button', { name: 'ATLAS matrix' }).click();
    await matrix.locator(`button.cat-matrix-tactic[data-entry="${tactics[0]}"]`).click();
    await expectEntry(page, tactics[0]!);
    expect(
      await page.getByRole('region', { name: 'Techniques' }).locator('button.cat-link').count(),
    ).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('opens the official page only after showing the full address and a confirmation', async () => {
    const page = await openHarness();
    const context = page.context();
    const visited: string[] = [];
    // The outside site itself is not reachable here; answer for it and record what was asked for.
    await context.route('https://atlas.mitre.org/**', (route) => {
      visited.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>ATLAS</title>' });
    });
    await page.getByRole('button', { name: 'Open AML.T0051.001' }).click();
    await expectEntry(page, 'AML.T0051.001');
    await page.getByRole('button', { name: /^Open the official page of AML\.T0051\.001/ }).click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.getByTestId('external-url').textContent()).toBe(
      'https://atlas.mitre.org/techniques/AML.T0051.001',
    );
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(visited).toEqual([]);

    await page.getByRole('button', { name: /^Open the official page of AML\.T0051\.001/ }).click();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      confirm.getByRole('button', { name: 'Open' }).click(),
    ]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe('https://atlas.mitre.org/techniques/AML.T0051.001');
    expect(visited).toEqual(['https://atlas.mitre.org/techniques/AML.T0051.001']);
    // No opener link back into the app.
    expect(await popup.evaluate(() => window.opener === null)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  it('reports a bad release file clearly, naming the file', async () => {
    const page = await openHarness();
    const dir = path.join(os.tmpdir(), `mercator-cat-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const bad = path.join(dir, 'broken-ATLAS.yaml');
    writeFileSync(bad, 'id: ATLAS\nmatrices: [unclosed\n');
    await page.getByRole('button', { name: 'Update catalog…' }).click();
    await page.getByLabel('ATLAS release file').setInputFiles(bad);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^broken-ATLAS\.yaml: \S/);
    // Nothing changed: still the built-in summaries.
    expect(await page.getByTestId('catalog-status').textContent()).toContain('built-in summaries');
  });

  it('opens from a finding in the app, in the sidebar, with Back and close', async () => {
    const page = await openPage(browser, app, { width: 1400, height: 900 });
    await page.getByTestId('tab-findings').click();
    const chip = page.getByRole('button', { name: /^Open AML\.T\d{4}(\.\d{3})? in the catalog$/ }).first();
    await chip.waitFor({ timeout: 20_000 });
    const id = /^Open (\S+) in the catalog$/.exec((await chip.getAttribute('aria-label'))!)![1]!;
    await chip.click();
    expect(await page.getByTestId('tab-catalog').getAttribute('aria-selected')).toBe('true');
    await expectEntry(page, id);
    const related = page.locator('article.cat-entry button.cat-link').first();
    const relatedId = (await related.getAttribute('data-entry'))!;
    await related.click();
    await expectEntry(page, relatedId);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expectEntry(page, id);
    await page.getByRole('button', { name: 'Close catalog' }).click();
    expect(await page.getByTestId('tab-catalog').getAttribute('aria-selected')).toBe('false');
    expect(pageErrors(page)).toEqual([]);
  });

  it.skipIf(!hasSources)('previews and applies an official ATLAS release', async () => {
    const page = await openHarness();
    await page.getByRole('button', { name: 'Update catalog…' }).click();
    await page.getByLabel('ATLAS release file').setInputFiles(ATLAS_YAML);
    const dialog = page.getByRole('dialog', { name: 'Update catalog' });
    await dialog.getByRole('button', { name: 'Apply update' }).waitFor({ timeout: 30_000 });
    const counts = async () =>
      Promise.all(
        ['added', 'changed', 'removed'].map(async (k) =>
          Number(await dialog.getByTestId(`import-${k}`).textContent()),
        ),
      );
    const preview = await counts();
    expect(preview.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    expect(await dialog.textContent()).toContain('ATLAS version 5.6.0');
    await dialog.getByRole('button', { name: 'Apply update' }).click();
    await dialog.getByText('The catalog now holds ATLAS 5.6.0.').waitFor({ timeout: 60_000 });
    expect(await counts()).toEqual(preview);
    await expect.poll(() => page.getByTestId('catalog-status').textContent()).toContain('official text');
    await page.getByRole('button', { name: 'Open AML.T0051.001' }).click();
    await expectEntry(page, 'AML.T0051.001');
    await page.getByText('Text from the official ATLAS release.').waitFor();
    expect(await shownEntry(page)).toBe('AML.T0051.001');
    expect(pageErrors(page)).toEqual([]);
  });
});
