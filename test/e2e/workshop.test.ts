// A review workshop as the people in it would run it: the facilitator presents the RAG example,
// starts the room, three participants join from their own browsers on 127.0.0.1, estimate blind,
// the facilitator reveals and records the decision; the saved model's decision history holds the
// estimates. Each call a participant must not make is tried from the participant's page, one by one.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, pageErrors, startApp, type RunningApp } from './browser';
import { showFindings } from './editor-helpers';
import { SEVERITIES } from '../../core/engine/types';

const OUT = process.env.MERCATOR_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : mkdtempSync(path.join(os.tmpdir(), 'mercator-workshop-'));
const SMALL = { width: 1280, height: 720 };
const LARGE = { width: 1920, height: 1080 };
const NAMES = ['Ana', 'Ben', 'Chen'];
const ESTIMATES = [
  [3, 4],
  [4, 4],
  [1, 2],
];

let app: RunningApp;
let browser: Browser;
let facilitator: Page;
const participants: Page[] = [];
let joinUrl = '';
let code = '';
let key = '';

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await startApp();
  browser = await launchBrowser();
  facilitator = await openPage(browser, app, SMALL);
  await facilitator.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, name) });

describe('presentation mode', () => {
  it('folds the panels, hides the minimap and walks the undecided findings by severity', async () => {
    await facilitator.getByRole('button', { name: 'New model' }).click();
    await facilitator.getByTestId('new-from-rag-support-chatbot').click();
    await expect.poll(() => facilitator.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain('(copy)');
    await showFindings(facilitator);
    await facilitator.locator('[data-testid="finding"][data-rule="direct-prompt-injection"]').first().waitFor();
    await facilitator.getByTestId('toolbar-present').click();
    const card = facilitator.getByTestId('presentation-finding');
    await card.waitFor();
    expect(await facilitator.locator('.toolbar').isVisible()).toBe(false);
    expect(await facilitator.locator('.palette').isVisible()).toBe(false);
    expect(await facilitator.locator('.sidebar').isVisible()).toBe(false);
    expect(await facilitator.locator('.react-flow__minimap').isVisible()).toBe(false);
    const first = (await card.getAttribute('data-key'))!;
    const severityOf = async () => SEVERITIES.indexOf((await card.locator('h2 .sev').textContent()) as (typeof SEVERITIES)[number]);
    const firstSeverity = await severityOf();
    await facilitator.keyboard.press('ArrowRight');
    await expect.poll(() => card.getAttribute('data-key'), { timeout: 10_000 }).not.toBe(first);
    expect(await severityOf()).toBeLessThanOrEqual(firstSeverity);
    await expect.poll(() => card.locator('.stage-pos').textContent(), { timeout: 10_000 }).toContain('Finding 2 of');
    await facilitator.keyboard.press('ArrowLeft');
    await expect.poll(() => card.getAttribute('data-key'), { timeout: 10_000 }).toBe(first);
    key = first;
    // The canvas zoomed to the subject: its node is on screen, left of the stage.
    const subject = (await card.locator('.stage-subject strong').textContent())!;
    const node = facilitator.locator('.react-flow__node-component', { hasText: subject }).first();
    await expect.poll(async () => (await node.boundingBox())?.x ?? -1, { timeout: 5000 }).toBeGreaterThan(0);
    expect((await node.boundingBox())!.x + 50).toBeLessThan(SMALL.width * 0.54);
  });

  it('has an editable agenda (the four questions by default) and a running timer', async () => {
    await expect.poll(() => facilitator.getByTestId('agenda-current').textContent(), { timeout: 10_000 }).toContain('What are we working on?');
    await facilitator.getByTestId('agenda-edit').click();
    await facilitator.getByLabel('Agenda item 2', { exact: true }).fill('What can go wrong with the retrieval path?');
    await facilitator.getByLabel('Minutes for item 2').fill('30');
    await facilitator.getByTestId('agenda-save').click();
    await facilitator.getByLabel('Next agenda item').click();
    await expect.poll(() => facilitator.getByTestId('agenda-current').textContent(), { timeout: 10_000 }).toBe('2/4 · What can go wrong with the retrieval path?');
    await expect.poll(() => facilitator.getByTestId('presentation-timer').textContent(), { timeout: 5000 }).toMatch(/^0:0[1-9] \/ 30:00$/);
    await shot(facilitator, 'presentation-1280x720.png');
    await facilitator.setViewportSize(LARGE);
    await facilitator.waitForTimeout(400);
    await shot(facilitator, 'presentation-1920x1080.png');
    await facilitator.setViewportSize(SMALL);
  });
});

describe('workshop room', () => {
  it('starts from presentation mode and shows the join address, code and QR', async () => {
    await facilitator.getByTestId('presentation-room').click();
    await facilitator.getByTestId('room-start').click();
    await facilitator.getByTestId('room-qr').waitFor();
    code = (await facilitator.getByTestId('room-code').textContent())!;
    joinUrl = (await facilitator.getByTestId('room-join-url').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(joinUrl).toBe(`${app.origin}/room.html`);
  });

  it('lets three participants join with a name and the code and see the finding under discussion', async () => {
    for (const [i, name] of NAMES.entries()) {
      const context = await browser.newContext({ viewport: SMALL });
      const page = await context.newPage();
      await page.goto(i === 0 ? joinUrl : `${joinUrl}#code=${code}`);
      await page.getByTestId('join-name').fill(name);
      if (i === 0) await page.getByTestId('join-code').fill(code.toLowerCase());
      await page.getByTestId('join-submit').click();
      await expect.poll(() => page.getByTestId('participant-finding').getAttribute('data-key'), { timeout: 10_000 }).toBe(key);
      participants.push(page);
    }
    await expect.poll(() => facilitator.getByTestId('room-participants').textContent(), { timeout: 10_000 }).toBe('In the room: Ana, Ben, Chen');
    await participants[0]!.getByTestId('room-diagram').waitFor();
    expect(await participants[0]!.locator('.diagram .component.on').count()).toBeGreaterThan(0);
  });

  it('keeps the estimates blind until the facilitator reveals them', async () => {
    for (const [i, page] of participants.entries()) {
      const [l, im] = ESTIMATES[i]!;
      await page.getByRole('radio', { name: `Likelihood ${l}` }).check();
      await page.getByRole('radio', { name: `Impact ${im}` }).check();
      await page.getByTestId('estimate-submit').click();
      await expect.poll(() => page.getByTestId('estimate-sent').textContent(), { timeout: 10_000 }).toBe(`You estimated ${l} × ${im}.`);
    }
    await expect.poll(() => facilitator.getByTestId('room-estimated').textContent(), { timeout: 10_000 }).toBe('3 of 3 estimated: Ana, Ben, Chen');
    await expect.poll(() => participants[0]!.getByTestId('estimate-count').textContent(), { timeout: 10_000 }).toBe('3 of 3 have estimated');
    expect(await participants[0]!.getByTestId('room-revealed').count()).toBe(0);
    expect(await facilitator.getByTestId('room-estimates').count()).toBe(0);
    await shot(facilitator, 'room-facilitator-1280x720.png');
    await shot(participants[0]!, 'room-participant-1280x720.png');
    await facilitator.setViewportSize(LARGE);
    await participants[0]!.setViewportSize(LARGE);
    await facilitator.waitForTimeout(400);
    await shot(facilitator, 'room-facilitator-1920x1080.png');
    await shot(participants[0]!, 'room-participant-1920x1080.png');
    await facilitator.setViewportSize(SMALL);
    await participants[0]!.setViewportSize(SMALL);
  });

  it('reveals the spread and the outlier to everyone', async () => {
    await facilitator.getByTestId('room-reveal').click();
    const rows = facilitator.getByTestId('room-estimates').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    expect(await facilitator.locator('.estimates tr.outlier').textContent()).toContain('Chen');
    await expect.poll(() => facilitator.getByTestId('room-spread').textContent(), { timeout: 10_000 }).toBe('Spread: likelihood 1–4 (median 3) · impact 2–4 (median 4)');
    for (const page of participants) await expect.poll(() => page.getByTestId('room-revealed').locator('li').count(), { timeout: 10_000 }).toBe(3);
    await shot(facilitator, 'room-revealed-1280x720.png');
  });

  it('takes a participant comment into the room and the model', async () => {
    await participants[1]!.getByTestId('comment-text').fill('The input filter is already in the backlog.');
    await participants[1]!.getByTestId('comment-submit').click();
    await expect.poll(() => facilitator.getByTestId('room-comments').textContent(), { timeout: 10_000 }).toContain('Ben: The input filter is already in the backlog.');
  });

  it('records the decision from presentation mode with the revealed estimates', async () => {
    await facilitator.getByTestId('presentation-session').click();
    await facilitator.getByLabel('Facilitator name').fill('Dana');
    await facilitator.getByTestId('presentation-session').click();
    await facilitator.getByRole('radio', { name: 'Accepted' }).check();
    await facilitator.getByTestId('presentation-rationale').fill('Low reach after the gateway; revisit next quarter.');
    await facilitator.getByLabel('Action owner').fill('Ben');
    await facilitator.getByLabel('Due date').fill('2027-03-31');
    await expect.poll(() => facilitator.getByTestId('presentation-record').textContent(), { timeout: 10_000 }).toBe('Record decision (3 estimates)');
    await facilitator.getByTestId('presentation-record').click();
    await expect.poll(() => facilitator.getByTestId('presentation-decided').textContent(), { timeout: 10_000 }).toContain('Accepted — decided by Dana');
  });

  let cardComponent = '';
  let cardControl = '';
  it('answers question cards for the subject: the answer sets the control and says who answered', async () => {
    await facilitator.getByTestId('presentation-cards').click();
    const panel = facilitator.getByTestId('cards-panel');
    cardComponent = await panel.getByTestId('cards-component').inputValue();
    await panel.getByTestId('cards-by').selectOption('Ana');
    const card = panel.locator('[data-testid="card"][data-card^="control:"]').first();
    cardControl = (await card.getAttribute('data-card'))!.replace('control:', '');
    await card.getByRole('button', { name: 'No', exact: true }).click();
    await expect.poll(() => card.getByTestId('card-state').textContent(), { timeout: 10_000 }).toBe('(absent)');
    await facilitator.locator('.plot4ai summary').click();
    await panel.getByTestId('plot4ai-file').setInputFiles(path.join(ROOT, '..', 'shared', 'catalog-sources', 'plot4ai', 'deck.json'));
    const imported = panel.getByTestId('plot4ai-cards').locator('li');
    await expect.poll(() => imported.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const design = await imported.count();
    await panel.getByTestId('plot4ai-phase').selectOption('Output');
    await expect.poll(() => imported.count(), { timeout: 10_000 }).not.toBe(design);
    await imported.first().getByRole('button', { name: 'Yes', exact: true }).click();
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(facilitator, 'cards-1280x720.png');
    await facilitator.getByTestId('presentation-cards').click();
  });

  // Each of these is tried from a participant's page with its capability, both on the room's own
  // endpoint and on the facilitator's API; all are refused and nothing changes on disk.
  const refused: Array<[string, string, unknown]> = [
    ['save', 'model:save', { path: 'stolen.mercator.json', model: { schemaVersion: 6, meta: { title: 'x' } }, baseHash: null }],
    ['export', 'report:export', { model: { schemaVersion: 6, meta: { title: 'x' } }, format: 'pdf' }],
    ['import', 'import:convert', { text: '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[]}', fileName: 'bom.json' }],
    ['file (open)', 'model:open', { path: 'stolen.mercator.json' }],
    ['file (list)', 'model:list', {}],
    ['catalog update', 'catalog:import', { text: 'id: ATLAS\nversion: 9.9.9\nmatrices: []\n' }],
  ];
  for (const [what, name, input] of refused) {
    it(`refuses a participant's ${what} call (${name})`, async () => {
      const page = participants[2]!;
      const answers = await page.evaluate(
        async ({ name, input }) => {
          const token = sessionStorage.getItem('mercator.room') ?? '';
          const send = async (url: string, headers: Record<string, string>) => {
            const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(input) });
            return { status: r.status, body: (await r.json()) as { ok: boolean; error?: { code: string } } };
          };
          return [
            await send(`/room/api/${encodeURIComponent(name)}`, { 'X-Mercator-Room': token }),
            await send(`/api/${encodeURIComponent(name)}`, { 'X-Mercator-Token': token }),
            await send(`/api/${encodeURIComponent(name)}`, { 'X-Mercator-Room': token }),
          ];
        },
        { name, input },
      );
      expect(answers[0]).toMatchObject({ status: 403, body: { ok: false, error: { code: 'E_FORBIDDEN' } } });
      expect(answers[1]).toMatchObject({ status: 401, body: { ok: false, error: { code: 'E_BAD_TOKEN' } } });
      expect(answers[2]).toMatchObject({ status: 401, body: { ok: false, error: { code: 'E_BAD_TOKEN' } } });
    });
  }

  it('saves the decision history with who decided, when, and every estimate', async () => {
    await facilitator.keyboard.press('Escape');
    await facilitator.locator('.toolbar').waitFor();
    await facilitator.keyboard.press('Control+s');
    await facilitator.getByTestId('save-as-name').fill('workshop');
    await facilitator.getByTestId('save-as-name').press('Enter');
    await expect.poll(() => facilitator.getByTestId('dirty-marker').count(), { timeout: 10_000 }).toBe(0);
    const onDisk = JSON.parse(readFileSync(path.join(app.workspace, 'workshop.mercator.json'), 'utf8'));
    const decision = onDisk.decisions[key];
    expect(decision).toMatchObject({ status: 'accepted', decidedBy: 'Dana', owner: 'Ben', due: '2027-03-31', rationale: 'Low reach after the gateway; revisit next quarter.' });
    const last = decision.history.at(-1);
    expect(last).toMatchObject({ by: 'Dana', status: 'accepted' });
    expect(new Date(last.at).getTime()).toBeGreaterThan(Date.now() - 5 * 60_000);
    expect(last.estimates).toEqual(NAMES.map((by, i) => ({ by, likelihood: ESTIMATES[i]![0], impact: ESTIMATES[i]![1] })));
    const thread = onDisk.comments.find((c: { subject: { id: string } }) => c.subject.id === key);
    expect(thread.messages).toMatchObject([{ author: 'Ben', text: 'The input filter is already in the backlog.' }]);
    expect(() => readFileSync(path.join(app.workspace, 'stolen.mercator.json'))).toThrow();
    const component = onDisk.components.find((c: { id: string }) => c.id === cardComponent);
    expect(component.controls[cardControl]).toBe('absent');
    const cardThread = onDisk.comments.find((c: { subject: { type: string; id: string } }) => c.subject.type === 'component' && c.subject.id === cardComponent);
    expect(cardThread.messages[0]).toMatchObject({ author: 'Ana' });
    expect(cardThread.messages[0].text).toMatch(/answered no by Ana\.$/);
    expect(cardThread.messages[1].text).toMatch(/^PLOT4ai card ".+" \(.+\): ".+\?" answered yes by Ana: the threat (applies|does not apply)\.$/);
  });

  it('exports the minutes with attendees, estimates, the decision and its action item', async () => {
    await facilitator.getByTestId('toolbar-present').click();
    await facilitator.getByTestId('presentation-session').click();
    const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByTestId('minutes-md').click()]);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain('- Dana\n- Ana\n- Ben\n- Chen');
    expect(md).toContain('Ana 3x4, Ben 4x4, Chen 1x2');
    expect(md).toContain('| Low reach after the gateway; revisit next quarter. | Ben | 2027-03-31 |');
    expect(md).toContain('| Ben | ');
    expect(md).toContain('The input filter is already in the backlog.');
  });

  it('closes when the facilitator ends it, and participants are told', async () => {
    await facilitator.getByTestId('presentation-room').click();
    await facilitator.getByTestId('room-end').click();
    for (const page of participants) await page.getByTestId('room-closed').waitFor({ timeout: 10_000 });
    await facilitator.getByTestId('room-start').waitFor();
    expect(pageErrors(facilitator)).toEqual([]);
  });
});
