// Kill -9 while saving: a child process saves models (1 KB to 20 MB) in a loop with the real
// writeFileAtomic and is killed with SIGKILL at random moments. The file on disk must always be a
// whole model, equal byte for byte to the last reported save or the one in progress, and the next
// start must leave no temp files behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { loadModelBytes } from '../../core/model/load';
import { TEMP_SUFFIX, removeStaleTempFiles } from '../../core/host/files/atomic-file';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';
import { dispatch } from '../../core/host/dispatch';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(ROOT, 'test', 'fixtures', 'save-loop.mjs');
const TRIALS = 200;

let work: string;
let bundle: string;
let modelText: (size: number, gen: number) => string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'mercator-kill9-'));
  bundle = path.join(work, 'atomic-file.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'core', 'host', 'files', 'atomic-file.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
  ({ modelText } = (await import(pathToFileURL(CHILD).href)) as { modelText: typeof modelText });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Deterministic pseudo-random numbers, so a failing trial can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sizeFor(trial: number, rnd: () => number): number {
  if (trial % 40 === 7) return Math.round(5_000_000 + rnd() * 15_000_000); // 5 trials of 5–20 MB
  if (trial % 8 === 3) return Math.round(100_000 + rnd() * 1_900_000); // ~25 trials of 0.1–2 MB
  return Math.round(1_000 + rnd() * 60_000); // most: 1–61 KB
}

interface Trial {
  saved: number; // last generation the child reported as saved (first - 1 when none)
  tempFilesSeen: number;
}

async function runTrial(dir: string, target: string, size: number, first: number, killAfterMs: number): Promise<Trial> {
  const child = spawn(process.execPath, [CHILD, bundle, target, String(size), String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // Kill a random time after the child is ready (or straight away when it never gets there in time).
  await new Promise<void>((resolve) => {
    const started = setInterval(() => {
      if (out.includes('ready')) {
        clearInterval(started);
        setTimeout(resolve, killAfterMs);
      }
    }, 1);
    child.once('close', () => {
      clearInterval(started);
      resolve();
    });
  });
  child.kill('SIGKILL');
  await exited;
  expect(err, 'the child failed on its own').toBe('');
  const savedLines = out.split('\n').filter((l) => l.startsWith('saved '));
  const saved = savedLines.length ? Number(savedLines[savedLines.length - 1]!.slice(6)) : first - 1;
  const tempFilesSeen = readdirSync(dir).filter((n) => n.endsWith(TEMP_SUFFIX)).length;
  return { saved, tempFilesSeen };
}

describe('saving under kill -9', () => {
  it(`leaves the old or the new file, whole, over ${TRIALS} kills`, async () => {
    const rnd = random(20261122);
    let trialsWithTemp = 0;
    let trialsThatSaved = 0;
    let trialsKilledMidSave = 0;
    let gen = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = path.join(work, `t${trial}`);
      rmSync(dir, { recursive: true, force: true });
      const target = path.join(dir, 'model.mercator.json');
      const size = sizeFor(trial, rnd);
      const before = modelText(size, gen);
      mkdirSync(dir);
      writeFileSync(target, before);
      const big = size > 2_000_000;
      const killAfter = Math.floor(rnd() * (big ? 1500 : size > 100_000 ? 120 : 25));
      const result = await runTrial(dir, target, size, gen + 1, killAfter);

      const bytes = readFileSync(target);
      const loaded = loadModelBytes(bytes);
      expect(loaded.ok, `trial ${trial}: the file does not load`).toBe(true);
      const text = bytes.toString('utf8');
      const allowed = [result.saved, result.saved + 1];
      const match = allowed.find((g) => (g === gen ? before : modelText(size, g)) === text);
      expect(match, `trial ${trial} (size ${size}, last save ${result.saved}): the file is neither the last saved nor the next version`).toBeDefined();
      if (result.saved >= gen + 1) trialsThatSaved++;
      if (match === result.saved + 1 || result.tempFilesSeen > 0) trialsKilledMidSave++;
      if (result.tempFilesSeen > 0) trialsWithTemp++;

      // The next start: half the trials through removeStaleTempFiles, half through model:open.
      if (trial % 2 === 0) await removeStaleTempFiles(dir);
      else {
        const handlers = createHandlers({
          mode: 'browser',
          name: 'Mercator',
          version: 'test',
          policy: await createWorkspacePolicy(dir),
          journal: await openJournal(path.join(work, `journal-${trial}`)),
          examplesDir: path.join(ROOT, 'examples'),
          openExternal: async () => false,
        });
        const opened = await dispatch(handlers, 'model:open', { path: 'model.mercator.json' });
        expect(opened.ok, JSON.stringify(opened)).toBe(true);
      }
      expect(readdirSync(dir)).toEqual(['model.mercator.json']);
      rmSync(dir, { recursive: true, force: true });
      gen = (match ?? gen) + 10;
    }
    // The trials exercised what they claim: saves completed, and kills landed in the middle of saves.
    expect(trialsThatSaved).toBeGreaterThan(TRIALS / 4);
    expect(trialsWithTemp).toBeGreaterThan(0);
    expect(trialsKilledMidSave).toBeGreaterThan(0);
    console.log(`kill -9: ${TRIALS} trials, ${trialsThatSaved} with completed saves, ${trialsWithTemp} left a temp file, ${trialsKilledMidSave} killed mid-save`);
  }, 120_000);
});
