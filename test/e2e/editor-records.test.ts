// The records a reviewer keeps beside the diagram, driven like a person would in Chromium: no work
// lost to an import or a delete, threats written by hand, scores set by hand with a reason,
// out-of-scope elements, the new platform kinds, what each control closes, names beside ids, and
// synonyms in catalog search. Screenshots at 1280×720 and 1600×1000 go to a temp folder.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { dragFromPalette, expectFinding, newEmptyModel, showFindings } from './editor-helpers';

let app: RunningApp;
let browser: Browser;
let page: Page;
const OUT = mkdtempSync(path.join(os.tmpdir(), 'mercator-records-'));
const shot = async (name: string) => {
  for (const [w, h] of [
    [1280, 720],
    [1600, 1000],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(OUT, `${name}-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1400, height: 860 });
};

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
  console.log(`screenshots in ${OUT}`);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function saveAs(name: string): Promise<Record<string, unknown>> {
  await page.keyboard.press('Control+s');
  const field = page.getByTestId('save-as-name');
  if (await field.isVisible().catch(() => false)) {
    await field.fill(name);
    await field.press('Enter');
  }
  await expect.poll(() => page.getByTestId('dirty-marker').count(), { timeout: 10_000 }).toBe(0);
  return JSON.parse(readFileSync(path.join(app.workspace, `${name}.mercator.json`), 'utf8')) as Record<string, unknown>;
}

const finding = (key: string) => page.locator(`[data-key="${key}"]`).first();
const openCount = async () => Number((await page.getByTestId('open-count').textContent())!.match(/(\d+) open/)![1]);
const tabCount = async () => Number(await page.getByTestId('tab-open-count').textContent());

describe('no lost work', () => {
  it('import asks before replacing unsaved work: Cancel keeps it, Discard imports', async () => {
    await newEmptyModel(page);
    await dragFromPalette(page, 'component', 'llm', 300, 200);
    await expect.poll(() => page.title(), { timeout: 10_000 }).toMatch(/^● /);
    const bom = path.join(mkdtempSync(path.join(os.tmpdir(), 'mercator-bom-')), 'bom.json');
    writeFileSync(
      bom,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        metadata: { component: { type: 'application', name: 'Imported system' } },
        components: [
          { type: 'machine-learning-model', name: 'Ranker', 'bom-ref': 'ranker' },
          { type: 'data', name: 'Clicks', 'bom-ref': 'clicks' },
        ],
      }),
    );
    const importIt = async () => {
      await page.getByTestId('toolbar-import').click();
      await page.getByTestId('import-file').setInputFiles(bom);
      await page.getByTestId('import-summary').waitFor();
      await page.getByTestId('import-open').click();
    };
    await importIt();
    await expect.poll(() => page.getByTestId('confirm-message').textContent(), { timeout: 5000 }).toMatch(/not saved.*import another model/);
    await page.getByTestId('confirm-cancel').click();
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(1);
    expect(await page.getByTestId('node-llm').count()).toBe(1);
    // The import dialog is still there; close it and import again, this time discarding.
    const dialogOpen = await page.getByTestId('import-open').isVisible().catch(() => false);
    if (dialogOpen) await page.getByTestId('import-open').click();
    else await importIt();
    await page.getByTestId('confirm-discard').click();
    await expect.poll(() => page.getByTestId('node-llm').count(), { timeout: 10_000 }).toBe(0);
    // The BOM's two components (and the system it describes) are on the canvas.
    await expect.poll(() => page.locator('.react-flow__node-component').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.react-flow__node-component').filter({ hasText: 'Ranker' }).count()).toBe(1);
  });

  it('deleting a component that carries a decision says so and Undo brings both back', async () => {
    await newEmptyModel(page);
    await dragFromPalette(page, 'component', 'inference-api', 300, 200);
    await showFindings(page);
    const key = 'model-api-no-authentication@inference-api';
    await finding(key).waitFor({ timeout: 10_000 });
    await finding(key).locator('.finding-head').click();
    await finding(key).getByTestId('decision-status').selectOption('accepted');
    await finding(key).getByTestId('decision-rationale').fill('Only reachable from the batch network.');
    await page.getByTestId('node-inference-api').click();
    await page.keyboard.press('Delete');
    const notice = page.locator('.notice').filter({ hasText: 'Deleted' });
    await expect.poll(() => notice.textContent(), { timeout: 5000 }).toContain('which carried 1 decision');
    await shot('delete-undo');
    expect(await page.getByTestId('node-inference-api').count()).toBe(0);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('node-inference-api').waitFor();
    await expect.poll(() => finding(key).getAttribute('data-status'), { timeout: 10_000 }).toBe('accepted');
    // A component without decisions goes without a notice.
    await dragFromPalette(page, 'component', 'llm', 600, 300);
    await page.getByTestId('node-llm').click();
    await page.keyboard.press('Delete');
    await page.waitForTimeout(300);
    expect(await page.locator('.notice').filter({ hasText: 'Deleted “LLM”' }).count()).toBe(0);
  });
});

describe('threats, overrides and scope', () => {
  it('writes a threat on a component with ATLAS and OWASP ids from the catalog, a score and a control', async () => {
    await newEmptyModel(page);
    await dragFromPalette(page, 'component', 'llm', 300, 200);
    await page.getByTestId('node-llm').click();
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('add-threat').click();
    const editor = page.getByTestId('threat-editor');
    await editor.waitFor();
    expect(await editor.getByTestId('threat-save').isDisabled()).toBe(true);
    await editor.getByTestId('threat-title').fill('Support staff paste customer records into prompts');
    await editor.getByTestId('threat-description').fill('Agents copy whole tickets, with card numbers, into the assistant.');
    await editor.getByTestId('threat-atlas-search').fill('data leakage');
    await editor.getByRole('option', { name: /AML\.T0057/ }).click();
    await editor.getByTestId('threat-owasp-search').fill('sensitive information');
    await editor.getByRole('option', { name: /LLM02:2025/ }).click();
    // Picked ids show with their names.
    await expect.poll(() => editor.getByTestId('threat-atlas').locator('.chip-picked').textContent()).toContain('LLM Data Leakage');
    await editor.getByTestId('threat-likelihood').selectOption('4');
    await editor.getByTestId('threat-impact').selectOption('5');
    expect(await editor.getByTestId('threat-score').textContent()).toBe('= 20');
    await editor.getByTestId('threat-control-piiRedaction').check();
    await shot('threat-editor');
    await editor.getByTestId('threat-save').click();
    await expect.poll(() => page.getByTestId('user-threat').textContent()).toContain('Support staff paste customer records');
    expect(await page.getByTestId('user-threat').textContent()).toContain('L4 × I5 = 20');

    // As a finding like any other: listed, tagged as the user's, with status and decision.
    await showFindings(page);
    const mine = page.locator('[data-testid="finding"][data-key^="threat:"]');
    await mine.first().waitFor({ timeout: 10_000 });
    expect(await mine.first().getByTestId('tag-user').count()).toBe(1);
    await mine.first().locator('.finding-head').click();
    await mine.first().getByTestId('decision-status').selectOption('mitigated');
    const saved = await saveAs('own-threat');
    const threats = saved.threats as Array<Record<string, unknown>>;
    expect(threats).toHaveLength(1);
    expect(threats[0]).toMatchObject({ controls: ['piiRedaction'], subject: { type: 'component', id: 'llm' }, atlas: ['AML.T0057'], owasp: ['LLM02:2025'], likelihood: 4, impact: 5 });
    expect((saved.decisions as Record<string, { status: string }>)[`threat:${threats[0]!.id as string}`]!.status).toBe('mitigated');
  });

  it('overrides a generated finding’s likelihood only with a justification, and shows it as overridden', async () => {
    await showFindings(page);
    const key = 'llm-endpoint-no-authentication@llm';
    await finding(key).locator('.finding-head').click();
    const editor = finding(key).getByTestId('override-editor');
    await editor.locator('summary').click();
    await editor.getByTestId('override-likelihood').selectOption('1');
    expect(await editor.getByTestId('override-save').isDisabled()).toBe(true);
    await editor.getByTestId('override-justification').fill('Only reachable through the VPN; pen-tested in October.');
    await editor.getByTestId('override-save').click();
    await expect.poll(() => finding(key).getByTestId('tag-override').textContent(), { timeout: 10_000 }).toContain('L1');
    expect(await finding(key).getByTestId('tag-override').getAttribute('title')).toContain('Only reachable through the VPN');
    // The residual score uses it: likelihood 1 × impact 3.
    await expect.poll(() => finding(key).locator('.finding-subject').textContent(), { timeout: 10_000 }).toMatch(/score 3\b/);
    await shot('override');
    const saved = await saveAs('own-threat');
    expect((saved.overrides as Record<string, unknown>)[key]).toEqual({ likelihood: 1, justification: 'Only reachable through the VPN; pen-tested in October.' });
  });

  it('marks a component out of scope with a reason: its findings move apart and the counts agree', async () => {
    await dragFromPalette(page, 'component', 'inference-api', 650, 300);
    await showFindings(page);
    await expectFinding(page, 'model-api-no-authentication', true, 'inference-api');
    const before = await openCount();
    expect(await tabCount()).toBe(before);
    await page.getByTestId('node-inference-api').click();
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('out-of-scope').check();
    await page.getByTestId('out-of-scope-reason').fill('Owned and reviewed by the platform team');
    await showFindings(page);
    const apart = page.getByTestId('out-of-scope-findings');
    await apart.waitFor();
    await apart.locator('summary').click();
    expect(await apart.textContent()).toContain('Owned and reviewed by the platform team');
    expect(await apart.locator('[data-key="model-api-no-authentication@inference-api"]').count()).toBe(1);
    expect(await page.locator('.finding-list > [data-key="model-api-no-authentication@inference-api"]').count()).toBe(1);
    await expect.poll(openCount).toBeLessThan(before);
    expect(await tabCount()).toBe(await openCount());
    await apart.scrollIntoViewIfNeeded();
    await shot('out-of-scope');
    const saved = await saveAs('own-threat');
    expect((saved.components as Array<{ id: string; outOfScope?: string }>).find((c) => c.id === 'inference-api')!.outOfScope).toBe('Owned and reviewed by the platform team');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('platform kinds, controls and names', () => {
  it('finds new kinds by the names people use, and their rules fire', async () => {
    await newEmptyModel(page);
    const search = page.getByRole('searchbox', { name: 'Search components' });
    for (const [query, kind] of [
      ['s3', 'object-storage'],
      ['rag', 'vector-store'],
      ['browser', 'client'],
      ['mcp', 'tool'],
      ['queue', 'message-queue'],
      ['api gateway', 'api-gateway'],
    ] as const) {
      await search.fill(query);
      await expect.poll(() => page.getByTestId(`palette-component-${kind}`).count(), { timeout: 5000 }).toBe(1);
    }
    await search.fill('api gateway');
    await dragFromPalette(page, 'component', 'api-gateway', 300, 200);
    await search.fill('');
    await showFindings(page);
    await expectFinding(page, 'api-gateway-no-rate-limiting', true, 'api-gateway');
  });

  it('shows under each control which findings it closes or lowers', async () => {
    await page.getByTestId('node-api-gateway').click();
    await page.getByTestId('tab-inspector').click();
    const effects = page.getByTestId('control-effects-rateLimiting');
    await expect.poll(() => effects.locator('[data-effect="closes"]').textContent(), { timeout: 10_000 }).toContain('Internet-facing API gateway without rate limits');
    await expect.poll(() => page.getByTestId('control-effects-authentication').locator('[data-effect="lowers"]').textContent()).toContain('Internet-facing API gateway');
    await effects.scrollIntoViewIfNeeded();
    await shot('control-effects');
  });

  it('names techniques beside ids in chips, filters and groups; filters stay visible; decided findings are muted', async () => {
    await page.getByRole('button', { name: 'New model' }).click();
    await page.getByTestId('new-from-rag-support-chatbot').click();
    const confirm = page.getByTestId('confirm-discard');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await showFindings(page);
    const first = page.locator('[data-testid="finding"]').first();
    await first.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.chip-atlas .chip-name').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const chip = page.locator('.chip-atlas').first();
    expect(await chip.getAttribute('title')).toMatch(/^AML\.T\d{4}(\.\d{3})? \S/);
    // Tactic filter options carry names.
    const tactic = page.getByRole('combobox', { name: 'ATLAS tactic' });
    const option = (await tactic.locator('option').nth(1).textContent())!;
    expect(option).toMatch(/^AML\.TA\d{4} \S/);
    await tactic.selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('active-filter').textContent()).toBe(`Tactic: ${option}×`);
    // Tab and panel agree on the open count, whatever the filter.
    expect(await tabCount()).toBe(await openCount());
    await page.getByTestId('active-filter').getByRole('button').click();
    expect(await page.getByTestId('active-filters').count()).toBe(0);
    // Group by technique: headings named.
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('technique');
    expect(await page.locator('.finding-group h3').first().textContent()).toMatch(/^AML\.T\d{4}(\.\d{3})? \S/);
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('component');
    // A decided finding is muted.
    const key = (await first.getAttribute('data-key'))!;
    const openBefore = await openCount();
    await first.locator('.finding-head').click();
    await first.getByTestId('decision-status').selectOption('not-applicable');
    await first.locator('.finding-head').click();
    await expect.poll(() => finding(key).getAttribute('class')).toContain('decided');
    await page.mouse.move(5, 5);
    // Muted: the severity badge and the title take the muted text colour, the border is dotted (the
    // contrast stays that of any muted text; the accessibility audit checks it).
    const look = (k: string) =>
      finding(k).evaluate((e) => ({
        badge: getComputedStyle(e.querySelector('.finding-head .sev')!).color,
        title: getComputedStyle(e.querySelector('.finding-title')!).color,
        border: getComputedStyle(e).borderLeftStyle,
      }));
    const openKey = (await page.locator('[data-testid="finding"][data-status="open"]').first().getAttribute('data-key'))!;
    const decidedLook = await look(key);
    const openLook = await look(openKey);
    expect(decidedLook.border).toBe('dotted');
    expect(decidedLook.badge).toBe(decidedLook.title);
    expect(openLook.border).not.toBe('dotted');
    expect(openLook.title).not.toBe(decidedLook.title);
    await expect.poll(openCount).toBe(openBefore - 1);
    expect(await tabCount()).toBe(openBefore - 1);
    await shot('names-muted');
  });

  it('a stale decision shows its rule title; a catalog page lists the findings that cite it', async () => {
    // Deleting the subject of the decided finding leaves a stale decision.
    const decided = page.locator('[data-testid="finding"].decided').first();
    const key = (await decided.getAttribute('data-key'))!;
    const title = (await decided.locator('.finding-title').textContent())!;
    const subject = key.slice(key.indexOf('@') + 1);
    await page.getByTestId(`node-${subject}`).click();
    await page.keyboard.press('Delete');
    await showFindings(page);
    await expect.poll(() => page.getByTestId('stale-decision').first().textContent(), { timeout: 10_000 }).toContain(title);
    // Catalog: the page of a technique the model's findings cite.
    const chip = page.locator('.chip-atlas').first();
    const id = (await chip.getAttribute('title'))!.split(' ')[0]!;
    await chip.click();
    await page.getByTestId('cited-by').waitFor();
    expect(await page.getByTestId('cited-by').textContent()).toMatch(/Cited by findings in this model \([1-9]\d*\)/);
    await page.getByTestId('cited-by').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('tab-findings').getAttribute('aria-selected')).toBe('true');
    expect(id).toMatch(/^AML\./);
  });

  it('catalog search maps synonyms to technique names: "evasion" finds Evade AI Model first', async () => {
    await page.getByTestId('tab-catalog').click();
    const search = page.getByRole('combobox', { name: 'Search the catalog' });
    await search.fill('evasion');
    await expect.poll(() => page.getByRole('option').first().getAttribute('data-entry'), { timeout: 5000 }).toBe('AML.T0015');
    await search.fill('backdoor');
    await expect.poll(() => page.getByRole('option').first().getAttribute('data-entry'), { timeout: 5000 }).toBe('AML.T0018.000');
    await shot('catalog-synonyms');
    expect(pageErrors(page)).toEqual([]);
  });
});
