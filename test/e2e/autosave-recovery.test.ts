// Autosave and recovery as a person meets them: at start-up every unsaved model in the journal is
// offered (titles and times), each can be restored or discarded; when autosave fails (a full disk:
// a real tiny tmpfs under the journal) a non-blocking banner says why and what to do, and goes away
// once autosave works again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, startApp, ROOT, type RunningApp } from './browser';
import { dragFromPalette } from './editor-helpers';
import { openJournal } from '../../core/host/files/journal';
import { createEmptyModel } from '../../core/model/schema';

const OUT = process.env.MERCATOR_UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : mkdtempSync(path.join(os.tmpdir(), 'mercator-screenshots-'));
const TITLES = ['Payments fraud model', 'Support chatbot', 'Vision pipeline'];

let app: RunningApp;
let browser: Browser;
let page: Page;
let workspace: string;
let journalDir: string;
let mounted = false;

beforeAll(async () => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'mercator-ws-autosave-'));
  journalDir = path.join(workspace, '.mercator', 'journal');
  mkdirSync(journalDir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', journalDir], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    console.warn(`autosave-recovery: no tmpfs (needs root), a journal folder replaced by a file stands in for a full disk: ${String(error)}`);
  }
  // Three models with unsaved edits, journaled a few minutes apart.
  const journal = await openJournal(journalDir);
  for (const [i, title] of TITLES.entries()) {
    const model = createEmptyModel(title);
    model.components.push({ id: `c${i}`, kind: 'llm', label: `Recovered LLM ${i}`, facts: {}, controls: {} });
    await journal.write({ key: `untitled:recover-${i}`, path: null, baseHash: null }, model, new Date(Date.UTC(2026, 11, 2, 9, i * 7)));
  }
  app = await startApp(workspace);
  browser = await launchBrowser();
  page = await openPage(browser, app);
  await page.getByTestId('doc-title').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (mounted) execFileSync('umount', [journalDir], { stdio: 'pipe' });
  rmSync(workspace, { recursive: true, force: true });
});

describe('recovery at start-up', () => {
  it('lists every unsaved model with its title and time, and restores or discards each', async () => {
    const entries = page.getByTestId('recovery-entry');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(3);
    const texts = await entries.allTextContents();
    // Newest first.
    expect(texts.map((t) => TITLES.find((title) => t.includes(title)))).toEqual([...TITLES].reverse());
    expect(texts[0]).toMatch(/not saved yet, .*2026/);
    await page.getByTestId('recovery').screenshot({ path: path.join(OUT, 'recovery-list.png') });

    await page.getByRole('button', { name: `Restore the edits of ${TITLES[1]}` }).click();
    await expect.poll(() => page.getByTestId('doc-title').textContent(), { timeout: 10_000 }).toContain(TITLES[1]);
    await expect.poll(() => entries.count()).toBe(2);
    await page.getByRole('button', { name: `Discard the edits of ${TITLES[0]}` }).click();
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain(TITLES[2]);
  });
});

describe('autosave failures', () => {
  const filler = () => path.join(journalDir, 'filler.bin');
  function breakJournal() {
    if (mounted) {
      try {
        writeFileSync(filler(), Buffer.alloc(1024 * 1024)); // more than the tmpfs holds: it fills it
      } catch {
        // ENOSPC once full, as intended
      }
    } else {
      rmSync(journalDir, { recursive: true, force: true });
      writeFileSync(journalDir, 'not a folder');
    }
  }
  function repairJournal() {
    if (mounted) rmSync(filler(), { force: true });
    else {
      rmSync(journalDir, { force: true });
      mkdirSync(journalDir);
    }
  }

  it('shows a non-blocking banner with the reason and what to do, until autosave works again', async () => {
    breakJournal();
    await dragFromPalette(page, 'component', 'llm', 500, 300);
    const banner = page.getByTestId('autosave-failure');
    await banner.waitFor({ timeout: 15_000 });
    const text = (await banner.textContent()) ?? '';
    if (mounted) {
      expect(text).toMatch(/Autosave failed \(E_DISK_FULL\)/);
      expect(text).toMatch(/the disk is full/);
      expect(text).toMatch(/Free some disk space/);
    } else expect(text).toMatch(/Autosave failed \(E_AUTOSAVE_FAILED\)/);
    expect(text).toMatch(/Save as/);
    await page.screenshot({ path: path.join(OUT, 'autosave-failed.png') });
    // Not blocking: editing goes on with the banner up.
    await dragFromPalette(page, 'component', 'vector-store', 700, 420);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(3);

    repairJournal();
    await dragFromPalette(page, 'component', 'llm', 300, 450);
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
