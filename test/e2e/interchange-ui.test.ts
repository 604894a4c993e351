// Import a model of every supported format through the Import dialog, as a person would: pick the
// file, read what was detected and the counts, open it on the canvas. Then export the model as a
// Jira CSV from the Export dialog. A screenshot of an imported Threat Composer model goes to /tmp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function importThroughDialog(file: string) {
  await page.getByTestId('toolbar-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
  return (await page.getByTestId('import-summary').textContent()) ?? '';
}

async function openImported() {
  await page.getByTestId('import-open').click();
  const discard = page.getByTestId('confirm-discard');
  await discard.waitFor({ timeout: 2000 }).catch(() => undefined);
  if (await discard.isVisible().catch(() => false)) await discard.click();
}

const CASES = [
  ['threat-dragon/v2-threat-model.json', 'OWASP Threat Dragon', '7 components, 10 flows, 4 zones, 14 threats'],
  ['cyclonedx/model-card-with-dataset.bom.json', 'CycloneDX ML-BOM', '4 components, 3 flows, 0 zones, 0 threats'],
  ['otm/otm-example.json', 'Open Threat Model (OTM)', '4 components, 2 flows, 2 zones, 2 threats'],
  ['otm/startleft-otm-0.1.0.yaml.otm', 'Open Threat Model (OTM)', '22 components, 22 flows, 2 zones, 0 threats'],
  ['tmbom/cryptocurrency-wallet-threat-model.json', 'TM-BOM (OWASP Threat Model Library)', '14 components, 11 flows, 3 zones, 6 threats'],
  ['mstmt/MTMT_nested_tz.tm7', 'Microsoft Threat Modeling Tool (.tm7)', '4 components, 3 flows, 3 zones, 16 threats'],
  ['threat-composer/ThreatComposer.tc.json', 'AWS Threat Composer', '7 components, 0 flows, 0 zones, 20 threats'],
] as const;

describe.runIf(existsSync(FIXTURES))('import and export of other tools\u2019 formats through the dialogs', () => {
  it('lists every format in the Import dialog', async () => {
    await page.getByTestId('toolbar-import').click();
    const items = await page.getByTestId('import-formats').locator('li').allTextContents();
    expect(items).toEqual(['OWASP Threat Dragon', 'CycloneDX ML-BOM', 'Open Threat Model (OTM)', 'AWS Threat Composer', 'TM-BOM (OWASP Threat Model Library)', 'Microsoft Threat Modeling Tool (.tm7)']);
    await page.getByRole('button', { name: 'Cancel' }).last().click();
  });

  for (const [file, detected, counts] of CASES) {
    it(`imports ${file} and opens it on the canvas`, async () => {
      const summary = await importThroughDialog(path.join(FIXTURES, file));
      expect(summary).toContain(`${path.basename(file)}: ${counts} (${detected})`);
      expect(await page.getByTestId('import-detected').textContent()).toBe(detected);
      const components = Number(/(\d+) components/.exec(summary)![1]);
      await expect.poll(() => page.getByTestId('import-guesses').locator('tbody tr').count()).toBe(components);
      if (file.endsWith('.tm7')) await page.screenshot({ path: path.join(os.tmpdir(), 'mercator-import-dialog-tm7.png') });
      await openImported();
      await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(components);
      if (file.startsWith('threat-composer/')) {
        await expect.poll(() => page.locator('.react-flow__node').filter({ hasText: 'threats' }).count()).toBeGreaterThan(0);
        // Its 20 threats are findings now (all resolved in Threat Composer, so mitigated).
        await page.getByRole('tab', { name: /Findings/ }).click();
        await expect.poll(() => page.getByText(/A threat actor/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(os.tmpdir(), 'mercator-import-threat-composer.png') });
        await page.getByRole('tab', { name: /Inspector/ }).click();
      }
    });
  }

  it('shows the specific error for a hostile .tm7 (a hand-written file: no hostile .tm7 exists among the fixtures)', async () => {
    const bomb = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-bomb-')), 'bomb.tm7');
    writeFileSync(bomb, '<?xml version="1.0"?>\n<!DOCTYPE ThreatModel [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<ThreatModel><Notes>&b;</Notes></ThreatModel>');
    await page.getByTestId('toolbar-import').click();
    await page.getByTestId('import-file').setInputFiles(bomb);
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/"bomb\.tm7" could not be imported: the file declares a document type or entities.*line 2/);
    await page.getByRole('button', { name: 'Cancel' }).last().click();
  });

  it('refuses a 100 MB file with its size, without sending it', async () => {
    const big = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-big-')), 'huge.otm');
    writeFileSync(big, `otmVersion: 0.2.0\nnote: ${'x'.repeat(100 * 1048576)}\n`);
    await page.getByTestId('toolbar-import').click();
    await page.getByTestId('import-file').setInputFiles(big);
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/"huge\.otm" could not be imported: the file is 100\.0 MB; an import may be at most 32 MB/);
    await page.getByRole('button', { name: 'Cancel' }).last().click();
  });

  it('exports the imported model as Jira issues from the Export dialog', async () => {
    await page.getByTestId('toolbar-export').click();
    const labels = await page.getByTestId('export-formats').locator('strong').allTextContents();
    for (const l of ['Open Threat Model (OTM)', 'OWASP Threat Dragon', 'Jira issues (CSV)', 'Azure DevOps work items (CSV)', 'GitHub issues (CSV)']) expect(labels).toContain(l);
    await page.locator('input[name="export-format"][value="jira"]').check();
    const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-run').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.jira\.csv$/);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-export-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe('Issue Type,Summary,Description,Priority,Labels,External ID');
    await page.getByRole('button', { name: 'Close' }).last().click();
    expect(pageErrors(page).filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
