// Helpers for the editor's end-to-end tests: what a person does with the mouse and keyboard.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Starts a new, empty model through the New… dialog. */
export async function newEmptyModel(page: Page) {
  await page.getByRole('button', { name: 'New model' }).click();
  await page.getByTestId('new-empty').click();
  const confirm = page.getByTestId('confirm-discard');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await page.getByTestId('canvas-hint').waitFor();
}

/** Drags a palette entry onto the canvas at (x, y) relative to the canvas's top-left corner. */
export async function dragFromPalette(page: Page, type: 'component' | 'zone', kind: string, x: number, y: number) {
  await page.getByTestId(`palette-${type}-${kind}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Connects two components by dragging from a handle of one to a handle of the other. */
export async function connect(page: Page, sourceId: string, targetId: string, fromSide = 'right', toSide = 'left') {
  const source = page.getByTestId(`node-${sourceId}`);
  const target = page.getByTestId(`node-${targetId}`);
  await source.hover();
  const from = await center(source.locator(`.react-flow__handle-${fromSide}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await target.hover({ force: true }).catch(() => undefined);
  const to = await center(target.locator(`.react-flow__handle-${toSide}`));
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Drags a node by its body to a point relative to the canvas. */
export async function moveNode(page: Page, testId: string, x: number, y: number, grab?: Locator) {
  const handle = grab ?? page.getByTestId(testId);
  const from = await center(handle);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(pane.x + x, pane.y + y, { steps: 15 });
  await page.mouse.up();
}

export async function showFindings(page: Page, scope: 'Whole model' | 'Selection' = 'Whole model') {
  await page.getByTestId('tab-findings').click();
  await page.getByRole('radio', { name: scope }).click();
}

/** Keys of the findings shown in the findings panel. */
export async function findingKeys(page: Page): Promise<string[]> {
  return page.locator('[data-testid="finding"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-key') ?? ''));
}

/** Waits until a finding with this rule id (on this subject, when given) is listed, or is not. */
export async function expectFinding(page: Page, ruleId: string, present: boolean, subject?: string) {
  const selector = subject ? `[data-testid="finding"][data-key="${ruleId}@${subject}"]` : `[data-testid="finding"][data-rule="${ruleId}"]`;
  await expect.poll(async () => (await page.locator(selector).count()) > 0, { timeout: 10_000 }).toBe(present);
}

/** The ids of the components on the canvas, in model order. */
export async function nodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node-component').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
}

/** Clicks a flow's line on the canvas (selecting it). */
export async function clickFlow(page: Page, flowId: string) {
  const path = page.locator(`.react-flow__edge[data-id="${flowId}"] .react-flow__edge-interaction`);
  const length = await path.evaluate((p) => (p as SVGPathElement).getTotalLength());
  const point = await path.evaluate((p, l) => {
    const pt = (p as SVGPathElement).getPointAtLength(l / 2);
    const m = (p as SVGPathElement).getScreenCTM()!;
    return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
  }, length);
  await page.mouse.click(point.x, point.y);
}
