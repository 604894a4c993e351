// Accessibility audit of the editor in real Chromium, done the way an auditor would: the RAG example
// open; the inspector (model, component, flow), the findings, risk and catalog tabs, a catalog entry,
// the export dialog and the shortcut cheat sheet shown in turn; in the light theme and again in the
// dark theme.
//
// 1. Labels. Every interactive element (button, a[href], input, select, textarea, [role=button],
//    [role=tab], [role=radio], [role=option], [role=combobox], summary, anything with tabindex >= 0,
//    React Flow nodes and edges) has a non-empty accessible name. Names come from Chromium's own
//    accessibility tree (CDP Accessibility.getFullAXTree), matched to the DOM by backend node id.
// 2. Contrast (WCAG 2.x). Every visible text node, its colour against its effective background: the
//    background colours of its ancestors composited (with their opacity) over the page, >= 4.5:1, or
//    >= 3:1 for large text (>= 24 px, or >= 18.66 px and bold). The text and placeholder of text
//    fields, selects and text areas are measured the same way, and their boundary (border, or fill
//    when there is no border) must reach >= 3:1 against what surrounds them (1.4.11).
//    Skipped, and listed in the summary this file prints:
//      - text inside disabled controls: 1.4.3 exempts inactive user interface components;
//      - screen-reader-only text, clipped to nothing: nobody sees it;
//      - text over a background image or gradient: there is none in the app today; the audit lists
//        any that appears instead of guessing a colour for it.
//    Nothing is skipped for being aria-hidden: the kind monograms, heatmap axes and legends are
//    visible text people read, so they meet the same ratios.
//    Not measured: checkboxes and radio buttons (Chromium draws them itself, there is no CSS border
//    to read), and things painted beside a text's ancestors rather than under them (React Flow's
//    1-px dot grid under a flow label is measured as the canvas colour it sits on).
// 3. Keyboard. Tab from the top of the page reaches every control: the toolbar buttons, the palette
//    search and palette items, every component on the canvas, the sidebar tabs and the findings list
//    (and everything else that is tabbable); focus is always visible (the outline or box-shadow of the
//    focused element differs from its unfocused style) and the outline has >= 3:1 against what is
//    around it. A keyboard-only person adds a component from the palette, selects it on the canvas,
//    renames it and draws a flow from it in the inspector; dialogs open from the keyboard, keep focus
//    inside, close with Escape and give focus back to where it was.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { clickFlow, findingKeys, nodeIds, showFindings } from './editor-helpers';
import { auditLabels, installAuditor, type AuditedWindow, type FocusInfo } from './a11y-audit';

const SHOTS = process.env.MERCATOR_A11Y_SHOTS ?? mkdtempSync(path.join(os.tmpdir(), 'mercator-a11y-'));
let app: RunningApp;
let browser: Browser;
let page: Page;
/** Counts per theme and view, printed at the end. */
const summary: string[] = [];

/** Labels and contrast of one screen; the counts go to the summary, the offenders are returned. */
async function audit(p: Page, what: string, scope: string | null): Promise<string[]> {
  const labels = await auditLabels(p, scope);
  const contrast = await p.evaluate((s) => (window as unknown as AuditedWindow).__a11y.contrast(s), scope);
  const skips = Object.entries(contrast.skipped).map(([why, items]) => `${items.length} ${why}`);
  summary.push(
    `${what}: ${labels.checked} interactive elements named, ${contrast.texts} texts and ${contrast.fields} fields measured` +
      (skips.length ? `; skipped ${skips.join(', ')}` : ''),
  );
  // Text over an image or gradient cannot be measured from colours: none may exist unnoticed.
  const images = (contrast.skipped['over a background image or gradient'] ?? []).map(
    (t) => `${t}: over an image or gradient, measure by hand`,
  );
  return [...labels.offenders, ...contrast.offenders, ...images];
}

async function focusInfo(): Promise<FocusInfo | null> {
  return page.evaluate(() => (window as unknown as AuditedWindow).__a11y.focused());
}

/** Presses Tab until `done` holds for the focused element (at most `limit` presses). */
async function tabUntil(done: (f: FocusInfo) => boolean, limit = 400, key = 'Tab'): Promise<FocusInfo> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focusInfo();
    if (f && done(f)) return f;
  }
  throw new Error(`${key} never reached the element (${limit} presses)`);
}

/** Clicking the brand (plain text) puts the start of sequential focus navigation at the top of the page. */
async function startAtTop() {
  await page.mouse.move(1, 1);
  await page.locator('.brand').click();
}

async function clearSelection() {
  await page.locator('.react-flow__pane').click({ position: { x: 6, y: 6 } });
}

async function closeDialog() {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

interface View {
  name: string;
  scope?: string;
  open(): Promise<void>;
  close?(): Promise<void>;
}

const VIEWS: View[] = [
  {
    name: 'model inspector',
    async open() {
      await clearSelection();
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector-model').waitFor();
    },
  },
  {
    name: 'component inspector',
    async open() {
      await page.getByTestId('node-chat-api').click();
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector-component').waitFor();
    },
  },
  {
    name: 'flow inspector',
    async open() {
      await clearSelection();
      await clickFlow(page, 'f5');
      await page.getByTestId('tab-inspector').click();
      await page.getByTestId('inspector-flow').waitFor();
    },
  },
  {
    name: 'findings tab',
    async open() {
      // Two decisions recorded, so that status tags and the mitigated / accepted colours show too.
      await clearSelection();
      await showFindings(page);
      const [first, second] = await findingKeys(page);
      for (const [key, status] of [
        [first, 'mitigated'],
        [second, 'accepted'],
      ] as const) {
        const item = page.locator(`[data-testid="finding"][data-key="${key}"]`);
        if ((await item.getByTestId('decision-editor').count()) === 0)
          await item.locator('.finding-head').click();
        await item.getByTestId('decision-status').selectOption(status);
      }
      await page.getByTestId('decision-editor').waitFor();
      await page.getByRole('button', { name: 'high', exact: true }).click();
    },
    async close() {
      await page.getByRole('button', { name: 'high', exact: true }).click();
    },
  },
  {
    name: 'risk tab',
    async open() {
      await page.getByTestId('tab-risk').click();
      await page.locator('.risk-atlas-cell').first().waitFor({ timeout: 10_000 });
      await page.getByLabel('Show all techniques').check();
    },
  },
  {
    name: 'catalog tab',
    async open() {
      await page.getByTestId('tab-catalog').click();
      await page.getByRole('button', { name: 'ATLAS matrix' }).click();
      await page.getByTestId('catalog-status').waitFor({ timeout: 10_000 });
      await page.locator('.cat-matrix-open').first().waitFor({ timeout: 10_000 });
      await page
        .getByRole('button', { name: /^Show \d+ sub-techniques of/ })
        .first()
        .click();
    },
  },
  {
    name: 'catalog search',
    async open() {
      await page.getByRole('combobox', { name: 'Search the catalog' }).fill('prompt injection');
      await page.getByRole('option').first().waitFor({ timeout: 10_000 });
    },
    async close() {
      await page.getByRole('combobox', { name: 'Search the catalog' }).fill('');
    },
  },
  {
    name: 'ATLAS entry',
    async open() {
      await page.locator('.cat-matrix-open[data-entry="AML.T0051"]').click();
      await page.locator('article.cat-entry[data-entry-id="AML.T0051"]').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'OWASP entry',
    async open() {
      await page.getByRole('button', { name: 'OWASP LLM 2025' }).click();
      await page.locator('.cat-owasp-list .cat-link').first().click();
      await page.locator('article.cat-entry').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'export dialog',
    scope: '[role="dialog"]',
    async open() {
      await page.getByTestId('toolbar-export').click();
      await page.getByRole('dialog', { name: 'Export report' }).waitFor();
    },
    close: closeDialog,
  },
  {
    name: 'shortcuts cheat sheet',
    scope: '[role="dialog"]',
    async open() {
      await clearSelection();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
    close: closeDialog,
  },
];

function auditViews(theme: 'light' | 'dark') {
  for (const view of VIEWS) {
    it(`${view.name}: labelled, with enough contrast`, async () => {
      await view.open();
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(SHOTS, `${theme}-${view.name.replace(/\W+/g, '-')}.png`) });
      const offenders = await audit(page, `${theme} / ${view.name}`, view.scope ?? null);
      await view.close?.();
      expect(offenders, `${theme} / ${view.name}`).toEqual([]);
    });
  }

  it('risk views over fixture findings of every severity and status (harness page)', async () => {
    // The RAG example has no critical, low or info findings; the harness page shows every colour.
    const harness = await openPage(browser, app);
    try {
      await harness.goto(
        `${app.origin}/catalog-harness.html?findings=400${theme === 'dark' ? '&theme=dark' : ''}#token=${app.token}`,
      );
      await harness.getByRole('region', { name: 'Risk views' }).waitFor();
      await harness.getByLabel('Show all techniques').check();
      for (const severity of ['critical', 'high', 'medium', 'low', 'info'])
        expect(
          await harness.locator(`.risk-heat-cell.risk-sev-${severity}:not(.empty)`).count(),
          severity,
        ).toBeGreaterThan(0);
      for (const state of ['exposed', 'mitigated', 'accepted', 'empty'])
        expect(await harness.locator(`.risk-atlas-cell.risk-st-${state}`).count(), state).toBeGreaterThan(0);
      await harness.evaluate(installAuditor);
      await harness.screenshot({ path: path.join(SHOTS, `${theme}-risk-harness.png`) });
      expect(
        await audit(harness, `${theme} / risk views, every severity and status`, '.risk-views'),
        `${theme} / risk harness`,
      ).toEqual([]);
      expect(pageErrors(harness)).toEqual([]);
    } finally {
      await harness.context().close();
    }
  });
}

/** Tab from the top of the page to its end: what is reached, and whether focus is visible on each. */
function tabWalk(theme: 'light' | 'dark') {
  it('Tab reaches every control, focus always visible', async () => {
    await clearSelection();
    await showFindings(page);
    await page.getByTestId('finding').first().waitFor();
    const focusedFinding = page.locator('[data-testid="finding"].focused .finding-head');
    if (await focusedFinding.count()) await focusedFinding.click();
    await startAtTop();
    const tabbables = await page.evaluate(() => (window as unknown as AuditedWindow).__a11y.markTabbables());
    await page.evaluate(() => (window as unknown as AuditedWindow).__a11y.snapshot());
    const visited: FocusInfo[] = [];
    for (let i = 0; i < tabbables.length + 50; i++) {
      await page.keyboard.press('Tab');
      const f = await focusInfo();
      if (!f || (visited.length > 0 && f.mark !== null && f.mark === visited[0]!.mark)) break;
      visited.push(f);
    }
    const reached = new Set(visited.map((f) => f.mark));
    const missed = tabbables.filter((_, i) => !reached.has(String(i)));
    const invisible = visited.filter((f) => !f.visible).map((f) => `${f.where} (${f.indicator})`);
    const faint = visited
      .filter((f) => f.outlineRatio !== null && f.outlineRatio < 3)
      .map((f) => `${f.where}: outline ${f.outlineRatio!.toFixed(2)}:1`);
    const components = await nodeIds(page);
    // Finding heads inside a collapsed list (closed by controls, out of scope) are not reachable until it is opened.
    const findings = await page.locator('.finding-head:visible').count();
    summary.push(
      `${theme} / Tab walk: ${visited.length} stops, ${tabbables.length} tabbable elements, ${invisible.length} without visible focus`,
    );

    expect(missed, 'tabbable but never reached with Tab').toEqual([]);
    expect(invisible, 'focus not visible').toEqual([]);
    expect(faint, 'focus outline under 3:1').toEqual([]);
    expect(visited.filter((f) => f.inToolbar).length).toBe(
      await page.locator('.toolbar button:enabled').count(),
    );
    expect(visited.some((f) => f.paletteSearch)).toBe(true);
    expect(visited.filter((f) => f.paletteItem).length).toBe(await page.locator('.palette-item').count());
    expect(
      visited
        .filter((f) => f.component)
        .map((f) => f.dataId)
        .sort(),
    ).toEqual([...components].sort());
    expect(visited.some((f) => f.tab && f.tabSelected)).toBe(true);
    expect(findings).toBeGreaterThan(0);
    expect(visited.filter((f) => f.finding).length).toBe(findings);
  });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
  await page.locator('.react-flow__node').first().waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Open a model' }).click();
  await page.getByTestId('example-rag-support-chatbot').click();
  await page.getByTestId('node-chat-api').waitFor({ timeout: 20_000 });
  await page.waitForFunction(() =>
    document
      .querySelector('[data-testid="doc-title"]')
      ?.textContent?.includes('RAG customer-support chatbot'),
  );
  await page.evaluate(installAuditor);
  if (await page.getByRole('button', { name: 'Switch to light theme' }).count())
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
});

afterAll(async () => {
  console.log(`accessibility audit (screenshots in ${SHOTS}):\n  ${summary.join('\n  ')}`);
  await browser?.close();
  await app?.stop();
});

describe('light theme', () => {
  auditViews('light');
  tabWalk('light');
});

describe('dark theme', () => {
  beforeAll(async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  });
  auditViews('dark');
  tabWalk('dark');
});

describe('keyboard only', () => {
  it('adds a component from the palette, selects it on the canvas, renames it and draws a flow from it', async () => {
    await page.getByTestId('tab-findings').click();
    await startAtTop();
    await tabUntil((f) => f.paletteSearch);
    await page.keyboard.type('guardrail');
    const item = await tabUntil((f) => f.paletteItem, 3);
    expect(item.testId).toBe('palette-component-guardrail');
    const before = await nodeIds(page);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await nodeIds(page)).length).toBe(before.length + 1);
    const added = (await nodeIds(page)).find((id) => !before.includes(id))!;
    // Added components come selected; Escape clears the selection, to select it again from the canvas.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(0);

    await tabUntil((f) => f.dataId === added);
    await page.screenshot({ path: path.join(SHOTS, 'keyboard-focus-on-new-component.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${added}"].selected`).count()).toBe(1);

    // On to the sidebar tabs; the arrow keys move between them (and focus follows); Tab enters the form.
    await tabUntil((f) => f.tab);
    for (let i = 0; i < 4 && (await focusInfo())?.testId !== 'tab-inspector'; i++)
      await page.keyboard.press('ArrowLeft');
    expect(await focusInfo()).toMatchObject({ testId: 'tab-inspector', tabSelected: true });
    await page.keyboard.press('Tab');
    expect((await focusInfo())?.testId).toBe('inspector-label');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Output filter');
    await expect
      .poll(() => page.getByTestId(`node-${added}`).locator('.component-label').textContent())
      .toBe('Output filter');
    // The canvas node's accessible name follows the rename.
    await expect
      .poll(() => page.locator(`.react-flow__node[data-id="${added}"]`).getAttribute('aria-label'))
      .toBe('Guardrail: Output filter');

    // A flow without the mouse: choose the other end in the inspector (type-ahead), then Add flow.
    await tabUntil((f) => f.testId === 'inspector-new-flow-target', 6);
    await page.keyboard.type('Hosted');
    await expect.poll(() => page.getByTestId('inspector-new-flow-target').inputValue()).toBe('llm');
    await page.keyboard.press('Tab');
    expect((await focusInfo())?.testId).toBe('inspector-new-flow');
    await page.keyboard.press('Enter');
    await page.locator(`.react-flow__edge[data-id="${added}-to-llm"]`).waitFor();
    await page.getByTestId('inspector-flow').waitFor();
  });

  it('opens dialogs from the keyboard, keeps focus inside, closes them with Escape and gives focus back', async () => {
    // Export… from the toolbar with Enter; focus starts on the chosen format.
    await startAtTop();
    await tabUntil((f) => f.testId === 'toolbar-export', 40);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Export report' }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('pdf');
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press(key);
        const f = await focusInfo();
        expect(f?.inDialog, `${key} ×${i + 1} left the dialog for ${f?.where}`).toBe(true);
      }
    }
    await closeDialog();
    expect((await focusInfo())?.testId).toBe('toolbar-export');

    // The cheat sheet with ? from a component on the canvas.
    await tabUntil((f) => f.dataId === 'chat-api');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect((await focusInfo())?.inDialog).toBe(true);
    await closeDialog();
    expect((await focusInfo())?.dataId).toBe('chat-api');

    // Open… with Ctrl+O, and back.
    await page.keyboard.press('Control+o');
    await page.getByRole('dialog', { name: 'Open a model' }).waitFor();
    expect((await focusInfo())?.inDialog).toBe(true);
    await closeDialog();
    expect((await focusInfo())?.dataId).toBe('chat-api');
    expect(pageErrors(page)).toEqual([]);
  });
});
