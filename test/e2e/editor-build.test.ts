// Building the RAG chatbot from an empty canvas, as a person would, and watching threats appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { clickFlow, connect, dragFromPalette, expectFinding, moveNode, newEmptyModel, nodeIds, showFindings } from './editor-helpers';

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

describe('drawing a RAG chatbot', () => {
  it('drags components from the palette, connects flows and sees findings appear', async () => {
    await newEmptyModel(page);
    await dragFromPalette(page, 'zone', 'internet', 160, 200);
    await dragFromPalette(page, 'component', 'user', 130, 130);
    await dragFromPalette(page, 'component', 'application', 460, 200);
    await dragFromPalette(page, 'component', 'llm', 720, 120);
    await dragFromPalette(page, 'component', 'vector-store', 720, 320);
    expect(await nodeIds(page)).toEqual(['user', 'application', 'llm', 'vector-store']);
    // The user was dropped inside the internet zone: the inspector says so.
    await page.getByTestId('node-user').click();
    await expect.poll(() => page.getByTestId('inspector-component').textContent(), { timeout: 10_000 }).toContain('In trust boundary “Internet”');

    await connect(page, 'user', 'application');
    await connect(page, 'application', 'llm');
    await connect(page, 'vector-store', 'application', 'left', 'bottom');
    await expect.poll(() => page.locator('.react-flow__edge').count(), { timeout: 10_000 }).toBe(3);

    // The question flow carries prompts: tick it in the flow's inspector.
    await clickFlow(page, 'user-to-application');
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('inspector-flow').waitFor();
    await page.getByTestId('field-carries').getByLabel('Prompts').check();
    await page.getByTestId('inspector-label').fill('asks a question');
    await expect.poll(() => page.getByTestId('flow-user-to-application').textContent(), { timeout: 10_000 }).toContain('asks a question');

    await showFindings(page);
    await expectFinding(page, 'direct-prompt-injection', true);
    await expectFinding(page, 'llm-endpoint-no-authentication', true, 'llm');
    // The LLM's badge counts its open findings.
    await expect.poll(async () => Number(await page.getByTestId('badge-llm').textContent()), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('switching on a control in the inspector closes a finding', async () => {
    const before = Number(await page.getByTestId('badge-llm').textContent());
    await page.getByTestId('node-llm').click();
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('field-authentication').check();
    await showFindings(page);
    await expectFinding(page, 'llm-endpoint-no-authentication', false, 'llm');
    await expect.poll(async () => Number(await page.getByTestId('badge-llm').textContent()), { timeout: 10_000 }).toBe(before - 1);
  });

  it('moving a component into a trust boundary changes the boundary-crossing findings', async () => {
    await dragFromPalette(page, 'component', 'client', 160, 300);
    await connect(page, 'client', 'application', 'right', 'left');
    await dragFromPalette(page, 'zone', 'cloud', 500, 580);
    await showFindings(page);
    await expectFinding(page, 'unauthenticated-boundary-crossing', false);
    // The application is outside every zone; drag it into the cloud zone.
    await moveNode(page, 'node-application', 500, 600);
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="node-application"]') !== null), { timeout: 10_000 }).toBe(true);
    await expectFinding(page, 'unauthenticated-boundary-crossing', true, 'client-to-application');
    // Authenticating the flow closes it again.
    await clickFlow(page, 'client-to-application');
    await page.getByTestId('tab-inspector').click();
    await page.getByTestId('field-authentication').check();
    await showFindings(page);
    await expectFinding(page, 'unauthenticated-boundary-crossing', false, 'client-to-application');
  });

  it('selecting a finding highlights its subject on the canvas and chips open the catalog', async () => {
    await showFindings(page);
    const item = page.locator('[data-testid="finding"][data-rule="direct-prompt-injection"]').first();
    await item.locator('.finding-head').click();
    await expect.poll(() => page.locator('.component-node.highlighted').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await item.getByRole('button', { name: 'Open LLM01:2025 in the catalog' }).first().click();
    await expect.poll(() => page.getByTestId('tab-catalog').getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
  });
});
