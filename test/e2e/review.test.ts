// The review record in real Chromium, as a reviewer would use it: owner, reviewers and status,
// comments on a component and a finding (the name asked once), decisions with history, sign-off,
// the changes panel with canvas tints and the "new since last review" filter, and a tampered
// baseline flagged after the file was edited outside the app. Screenshots at 1280×720.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { moveNode, showFindings } from './editor-helpers';

const OUT = process.env.MERCATOR_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : mkdtempSync(path.join(os.tmpdir(), 'mercator-review-shots-'));

let app: RunningApp;
let browser: Browser;
let page: Page;
/** A screenshot without the passing notices (they fade on their own; the picture should not show them). */
async function shot(name: string) {
  const dismiss = page.locator('.notices').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await page.screenshot({ path: path.join(OUT, name) });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app, { width: 1280, height: 720 });
  await page.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  console.log(`review screenshots in ${OUT}`);
  await browser?.close();
  await app?.stop();
});

async function modelInspector() {
  await page.getByTestId('tab-inspector').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('inspector-model').waitFor();
}

describe('review record', () => {
  it('records owner, reviewers and review status in the model section', async () => {
    await page.getByRole('button', { name: 'New model' }).click();
    await page.getByTestId('new-from-rag-support-chatbot').click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('(copy)');
    await modelInspector();
    await page.getByTestId('review-owner').fill('Dana Reyes');
    await page.getByTestId('review-reviewers').fill('Sam Ito, Lee Park');
    await page.getByTestId('review-status').selectOption('in-review');
    await expect.poll(() => page.getByTestId('review-status').inputValue()).toBe('in-review');
  });

  it('comments on a component: asks the name once, shows a marker on the canvas', async () => {
    await page.getByTestId('node-llm').click();
    await page.getByTestId('comment-input').fill('Which model version is pinned?');
    await page.getByTestId('comment-add').click();
    await page.getByTestId('display-name-input').fill('Dana Reyes');
    await page.getByTestId('display-name-save').click();
    const thread = page.getByTestId('comment-thread');
    await expect.poll(() => thread.textContent()).toContain('Dana Reyes');
    await expect.poll(() => page.getByTestId('comment-marker-llm').textContent()).toContain('1');
    // The name is asked once: the reply goes through without the dialog.
    await thread.getByRole('textbox', { name: 'Reply' }).fill('The registry pins it.');
    await thread.getByRole('button', { name: 'Reply' }).click();
    await expect.poll(() => thread.locator('.messages > li').count()).toBe(2);
    expect(await page.getByTestId('display-name-input').count()).toBe(0);
    await shot('review-comments.png');
    await thread.getByTestId('comment-resolve').click();
    await expect.poll(() => page.getByTestId('comment-marker-llm').count()).toBe(0);
  });

  it('records who decided and appends a history entry on every status change', async () => {
    await showFindings(page);
    const item = page.locator('[data-testid="finding"][data-key="llm-jailbreak@llm"]');
    await item.locator('.finding-head').click();
    await item.getByTestId('decision-rationale').fill('Provider filters jailbreaks.');
    await item.getByTestId('decision-status').selectOption('accepted');
    await expect.poll(() => item.getByTestId('decided-by').textContent()).toBe('Dana Reyes');
    await item.getByTestId('decision-status').selectOption('mitigated');
    await expect.poll(() => item.getByTestId('history-entry').count()).toBe(2);
    expect(await item.getByTestId('history-entry').first().textContent()).toMatch(/Dana Reyes → Mitigated/);
    await item.getByTestId('comment-input').fill('Re-check after the provider update.');
    await item.getByTestId('comment-add').click();
    await expect.poll(() => item.locator('.finding-head .comment-marker').count()).toBe(1);
  });
});

describe('sign-off and changes since baseline', () => {
  it('signs the review off and shows the verified baseline', async () => {
    await modelInspector();
    await page.getByTestId('sign-off-status').selectOption('approved');
    await page.getByTestId('sign-off').click();
    await expect.poll(() => page.getByTestId('baselines').textContent(), { timeout: 10_000 }).toContain('Verified');
    expect(await page.getByTestId('review-status').inputValue()).toBe('approved');
    await page.getByTestId('tab-changes').click();
    await expect.poll(() => page.getByTestId('changes-summary').textContent(), { timeout: 10_000 }).toContain('0 architecture change(s)');
  });

  it('lists, tints and filters what changed after the sign-off', async () => {
    // A new agent and a closing control switched on.
    await page.getByTestId('palette-component-agent').click();
    await moveNode(page, 'node-agent', 600, 80);
    await page.getByTestId('node-llm').click();
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('inspector-component').getByTestId('field-rateLimiting').check();
    await page.getByTestId('tab-changes').click();
    const arch = page.getByTestId('changes-architecture');
    await expect.poll(() => arch.textContent(), { timeout: 10_000 }).toContain('added component “Agent”');
    await expect.poll(() => arch.textContent(), { timeout: 10_000 }).toContain('controls.rateLimiting: not recorded → present');
    await expect.poll(() => page.getByTestId('changes-new').textContent(), { timeout: 10_000 }).toMatch(/Agent/);
    await expect.poll(() => page.getByTestId('changes-closed').textContent(), { timeout: 10_000 }).toMatch(/rate limits.*closed by Rate limiting/is);
    await page.getByTestId('tint-canvas').check();
    await expect.poll(() => page.getByTestId('tint-agent').getAttribute('data-tint')).toBe('added');
    await shot('review-changes.png');

    await showFindings(page);
    await page.getByTestId('filter-new-since-review').getByRole('checkbox').check();
    const keys = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k!.endsWith('@agent'))).toBe(true);
    expect(await page.getByTestId('new-since-review').count()).toBe(keys.length);
    await shot('review-new-since-filter.png');
    await page.getByTestId('filter-new-since-review').getByRole('checkbox').uncheck();
  });

  it('saves the baseline in the file with a hash that verifies, and flags a tampered one', async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('save-as-name').fill('reviewed');
    await page.getByTestId('save-as-name').press('Enter');
    await expect.poll(() => page.getByTestId('dirty-marker').count(), { timeout: 10_000 }).toBe(0);
    const file = path.join(app.workspace, 'reviewed.mercator.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.meta).toMatchObject({ owner: 'Dana Reyes', reviewers: ['Sam Ito', 'Lee Park'], reviewStatus: 'approved' });
    expect(doc.decisions['llm-jailbreak@llm']).toMatchObject({ status: 'mitigated', decidedBy: 'Dana Reyes' });
    expect(doc.decisions['llm-jailbreak@llm'].history.map((h: { status: string }) => h.status)).toEqual(['accepted', 'mitigated']);
    expect(doc.comments.map((c: { subject: { id: string }; resolved: boolean }) => [c.subject.id, c.resolved])).toEqual([
      ['llm', true],
      ['llm-jailbreak@llm', false],
    ]);
    const [baseline] = doc.baselines;
    expect(baseline).toMatchObject({ signedBy: ['Dana Reyes'], reviewers: ['Sam Ito', 'Lee Park'], status: 'approved' });
    expect(baseline.snapshot.components.some((c: { id: string }) => c.id === 'agent')).toBe(false);
    // Edit the snapshot outside the app, reopen: the baseline is flagged as tampered.
    baseline.snapshot.meta.title = 'Quietly renamed';
    writeFileSync(file, JSON.stringify(doc, null, 2));
    expect(createHash('sha256').update(JSON.stringify(baseline.snapshot)).digest('hex')).not.toBe(baseline.hash);
    await page.getByRole('button', { name: 'Open a model' }).click();
    await page.getByRole('button', { name: /reviewed\.mercator\.json/ }).first().click();
    const confirm = page.getByTestId('confirm-discard');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await expect.poll(() => page.locator('.notices').textContent(), { timeout: 10_000 }).toContain('Baseline review-1 of this model was changed after sign-off');
    await page.getByTestId('tab-changes').click();
    await expect.poll(() => page.getByTestId('changes-tampered').textContent(), { timeout: 10_000 }).toMatch(/tampered: its snapshot does not match its hash/);
    await modelInspector();
    await expect.poll(() => page.getByTestId('baseline-review-1').textContent()).toContain('Tampered');
    await page.getByTestId('baseline-review-1').scrollIntoViewIfNeeded();
    await shot('review-tampered.png');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('unsaved review edits', () => {
  it('are restored from the journal after the page is closed without saving', async () => {
    await page.getByRole('button', { name: 'New model' }).click();
    await page.getByTestId('new-from-rag-support-chatbot').click();
    const confirm = page.getByTestId('confirm-discard');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('(copy)');
    await modelInspector();
    await page.getByTestId('review-reviewers').fill('Kim Cho');
    await page.getByTestId('node-vector-db').click();
    await page.getByTestId('comment-input').fill('Who can write to the index?');
    await page.getByTestId('comment-add').click();
    await showFindings(page);
    const item = page.locator('[data-testid="finding"][data-key="rag-poisoning@vector-db"]');
    await item.locator('.finding-head').click();
    await item.getByTestId('decision-status').selectOption('transferred');
    await expect.poll(() => item.getByTestId('history-entry').count()).toBe(1);
    // Let the autosave journal the edits, then leave without saving.
    await page.waitForTimeout(2_500);
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByTestId('recovery').getByTestId('recovery-entry').first().getByRole('button', { name: /^Restore the edits of/ }).click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('(copy)');
    await modelInspector();
    expect(await page.getByTestId('review-reviewers').inputValue()).toBe('Kim Cho');
    await page.getByTestId('node-vector-db').click();
    await expect.poll(() => page.getByTestId('comment-thread').textContent()).toContain('Who can write to the index?');
    await showFindings(page);
    const restored = page.locator('[data-testid="finding"][data-key="rag-poisoning@vector-db"]');
    await expect.poll(() => restored.getAttribute('data-status'), { timeout: 10_000 }).toBe('transferred');
    await restored.locator('.finding-head').click();
    await expect.poll(() => restored.getByTestId('history-entry').textContent()).toMatch(/Dana Reyes → Transferred/);
  });
});

