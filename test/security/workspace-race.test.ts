// The workspace boundary under a race: another local process swaps a folder of the workspace for a
// link to a folder outside, over and over, while models in it are opened and saved. No open may
// return the outside file and no save may write outside. Hard-linked model files are refused.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, renameSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeModel } from '../../core/model/canonical';
import { LONG, call, model, report, scaled, scratch, workspaceHost } from './helpers';

const work = scratch('race');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A child process that swaps `folder` for a link to `outside` and back in a tight loop until killed. */
function startSwapper(folder: string, outside: string) {
  const script = `
    const fs = require('fs');
    const [folder, outside] = process.argv.slice(1);
    const real = folder + '.real';
    let swaps = 0;
    process.on('SIGTERM', () => { process.stdout.write(String(swaps)); process.exit(0); });
    console.error('swapping');
    const batch = () => {
      for (let i = 0; i < 5; i++) {
        try { fs.renameSync(folder, real); fs.symlinkSync(outside, folder); swaps++; } catch {}
        try { fs.unlinkSync(folder); fs.renameSync(real, folder); } catch {}
      }
      setTimeout(batch, 1); // a pause now and then, and the SIGTERM handler can run
    };
    batch();`;
  const child = spawn(process.execPath, ['-e', script, folder, outside], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const ready = new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
  const stop = () =>
    new Promise<number>((resolve) => {
      child.once('exit', () => resolve(Number(out) || 0));
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

function restore(folder: string) {
  // Leave the folder real again, whatever state the swapper was stopped in.
  const real = folder + '.real';
  try {
    if (lstatSync(folder).isSymbolicLink()) rmSync(folder);
  } catch {
    // not there
  }
  try {
    renameSync(real, folder);
  } catch {
    // already in place
  }
}

describe('workspace boundary under a folder-swap race', () => {
  it('never reads or writes outside the workspace while a folder is swapped for a link', async () => {
    const ws = path.join(work, 'ws');
    const sub = path.join(ws, 'sub');
    const outside = path.join(work, 'outside');
    mkdirSync(sub, { recursive: true });
    mkdirSync(outside);
    const secret = serializeModel(model('OUTSIDE SECRET'));
    writeFileSync(path.join(outside, 'm.mercator.json'), secret);
    writeFileSync(path.join(sub, 'm.mercator.json'), serializeModel(model('inside')));
    const handlers = await workspaceHost(ws, path.join(work, 'journal'));

    const iterations = scaled(600, 3000);
    const swapper = startSwapper(sub, outside);
    await swapper.ready;
    let outsideReads = 0;
    let outsideWrites = 0;
    let opened = 0;
    let saved = 0;
    try {
      for (let i = 0; i < iterations; i++) {
        const o = await call(handlers, 'model:open', { path: 'sub/m.mercator.json' });
        if (o.ok) {
          opened++;
          if (o.value.model.meta.title === 'OUTSIDE SECRET') outsideReads++;
        }
        const s = await call(handlers, 'model:save', { path: 'sub/m.mercator.json', model: model(`inside ${i}`), baseHash: null, force: true });
        if (s.ok) saved++;
        const names = readdirSync(outside);
        if (readFileSync(path.join(outside, 'm.mercator.json'), 'utf8') !== secret || names.length !== 1) {
          console.log(`outside changed after iteration ${i}: ${names.join(', ')}`);
          outsideWrites++;
          writeFileSync(path.join(outside, 'm.mercator.json'), secret);
          for (const n of names) if (n !== 'm.mercator.json') rmSync(path.join(outside, n), { force: true });
        }
      }
    } finally {
      const swaps = await swapper.stop();
      restore(sub);
      report('folder swapped for a link: opens and saves', iterations * 2, outsideReads + outsideWrites,
        `${outsideReads} outside reads, ${outsideWrites} outside writes; ${opened} opens and ${saved} saves succeeded; ${swaps} swaps`);
    }
    expect(outsideReads).toBe(0);
    expect(outsideWrites).toBe(0);
    // The loop did exercise both paths (some calls succeed between swaps).
    expect(opened).toBeGreaterThan(0);
    expect(saved).toBeGreaterThan(0);
  }, LONG);

  it('refuses to open or save over a hard-linked model file, saying why', async () => {
    const ws = path.join(work, 'hard');
    mkdirSync(ws);
    const outsideFile = path.join(work, 'hard-outside.mercator.json');
    writeFileSync(outsideFile, serializeModel(model('outside via a hard link')));
    linkSync(outsideFile, path.join(ws, 'linked.mercator.json'));
    const handlers = await workspaceHost(ws, path.join(work, 'journal-hard'));
    const opened = await call(handlers, 'model:open', { path: 'linked.mercator.json' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'E_HARD_LINK' } });
    expect(!opened.ok && opened.error.message).toMatch(/more than one hard link/);
    const saved = await call(handlers, 'model:save', { path: 'linked.mercator.json', model: model('x'), baseHash: null, force: true });
    expect(saved).toMatchObject({ ok: false, error: { code: 'E_HARD_LINK' } });
    expect(readFileSync(outsideFile, 'utf8')).toContain('outside via a hard link');
  });

  it('never quotes the file in the error for a file that is not JSON', async () => {
    const ws = path.join(work, 'quote');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'secret.mercator.json'), 'password=hunter2-TOPSECRET and more text');
    const handlers = await workspaceHost(ws, path.join(work, 'journal-quote'));
    const opened = await call(handlers, 'model:open', { path: 'secret.mercator.json' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'E_INVALID_MODEL' } });
    const text = JSON.stringify(opened);
    expect(text).not.toMatch(/hunter2|TOPSECRET|password/);
    expect(!opened.ok && opened.error.message, JSON.stringify(opened)).toMatch(/malformed JSON/);
  });
});
