// Helpers for end-to-end tests: start browser mode as a real process and drive Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.MERCATOR_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  workspace: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `mercator web` (the built CLI) on a free port with a fresh workspace. The test pages (the
 * catalog harness) are served unless `env` sets MERCATOR_TEST_PAGES to "".
 */
export async function startApp(
  workspace = mkdtempSync(path.join(os.tmpdir(), 'mercator-ws-')),
  env: Record<string, string> = {},
): Promise<RunningApp & { output: () => string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'mercator.mjs'), 'web', '--workspace', workspace], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Each app gets its own data folder (the catalog lives there), so no test sees another's catalog.
    env: { ...process.env, MERCATOR_TEST_PAGES: '1', MERCATOR_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'mercator-data-')), ...env },
  });
  let everything = '';
  child.stdout!.on('data', (chunk: Buffer) => (everything += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (everything += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    workspace,
    process: child,
    output: () => everything,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives every launch a fresh, empty profile directory of its own.
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export async function openPage(browser: Browser, app: RunningApp, viewport = { width: 1400, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(app.url);
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
