// Lost updates: N saves from the same base at once (exactly one may win, the rest get E_CONFLICT),
// another program writing the file while a save is under way (never overwritten without a word), and
// saves while another model in the same folder is being opened (which clears stale temp files).
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { hashBytes } from '../../core/host/files/atomic-file';
import { serializeModel } from '../../core/model/canonical';
import type { Result } from '../../core/api/result';
import { LONG, call, model, type CallValue, report, scaled, scratch, workspaceHost } from './helpers';

const work = scratch('lost-updates');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('lost updates', () => {
  it('50 parallel saves from one base: exactly one succeeds per round, the others get E_CONFLICT', async () => {
    const ws = path.join(work, 'parallel');
    mkdirSync(ws);
    const handlers = await workspaceHost(ws, path.join(work, 'journal-parallel'));
    const rounds = scaled(10, 30);
    const writers = 50;
    let badRounds = 0;
    let lost = 0;
    for (let round = 0; round < rounds; round++) {
      const base = serializeModel(model(`base ${round}`));
      writeFileSync(path.join(ws, 'm.mercator.json'), base);
      const results = await Promise.all(
        Array.from({ length: writers }, (_, w) =>
          call(handlers, 'model:save', { path: 'm.mercator.json', model: model(`round ${round} writer ${w}`, 3 + (w % 5)), baseHash: hashBytes(base) }),
        ),
      );
      const winners = results.filter((r) => r.ok);
      const others = results.filter((r) => !r.ok);
      if (winners.length !== 1) badRounds++;
      lost += Math.max(0, winners.length - 1);
      expect(others.every((r) => !r.ok && r.error.code === 'E_CONFLICT'), JSON.stringify(others.find((r) => !r.ok || r.error.code !== 'E_CONFLICT'))).toBe(true);
      // The file on disk is the winner's model, whole.
      const onDisk = readFileSync(path.join(ws, 'm.mercator.json'));
      expect(winners.length === 1 && winners[0]!.ok && winners[0]!.value.hash).toBe(hashBytes(onDisk));
    }
    report('parallel saves from one base (50 writers)', rounds, badRounds, `${lost} lost updates`);
    expect(badRounds).toBe(0);
  }, LONG);

  it('another program writing the file during a save is never silently overwritten', async () => {
    const ws = path.join(work, 'external');
    mkdirSync(ws);
    const handlers = await workspaceHost(ws, path.join(work, 'journal-external'));
    const file = path.join(ws, 'm.mercator.json');
    const rounds = scaled(100, 300);
    let silent = 0;
    let conflicts = 0;
    let external = 0;
    for (let round = 0; round < rounds; round++) {
      const base = serializeModel(model(`base ${round}`, 400));
      writeFileSync(file, base);
      const ours = model(`ours ${round}`, 400);
      const theirs = `{"written by": "another program", "round": ${round}}\n`;
      let externalWroteBeforeSaveEnded = false;
      let saveEnded = false;
      // The other program writes at a moment spread over the save (a few milliseconds).
      const timer = setTimeout(() => {
        writeFileSync(file, theirs);
        if (!saveEnded) externalWroteBeforeSaveEnded = true;
      }, round % 6);
      const saved = await call(handlers, 'model:save', { path: 'm.mercator.json', model: ours, baseHash: hashBytes(base) });
      saveEnded = true;
      await new Promise((resolve) => setTimeout(resolve, 8));
      clearTimeout(timer);
      const disk = readFileSync(file, 'utf8');
      if (!externalWroteBeforeSaveEnded) continue;
      external++;
      if (!saved.ok) {
        expect(saved.error.code).toBe('E_CONFLICT');
        conflicts++;
      } else if (disk === serializeModel(ours)) silent++; // told "saved" and the other program's write is gone
    }
    report('external write during a save', external, silent, `${conflicts} reported as E_CONFLICT`);
    expect(external).toBeGreaterThan(rounds / 4);
    expect(silent).toBe(0);
  }, LONG);

  it('saves while another model in the same folder is opened all succeed', async () => {
    const ws = path.join(work, 'open-while-saving');
    mkdirSync(ws);
    const handlers = await workspaceHost(ws, path.join(work, 'journal-open'));
    writeFileSync(path.join(ws, 'other.mercator.json'), serializeModel(model('other')));
    const rounds = scaled(100, 300);
    let failures = 0;
    let hash: string | null = null;
    let openedDuringSaves = 0;
    for (let round = 0; round < rounds; round++) {
      let done = false;
      const save: Promise<Result<CallValue>> = call(handlers, 'model:save', { path: 'm.mercator.json', model: model(`round ${round}`, 1500), baseHash: hash }).finally(() => (done = true));
      // Opening the other model again and again for as long as the save runs.
      let opens = 0;
      while (!done) {
        const opened = await call(handlers, 'model:open', { path: 'other.mercator.json' });
        expect(opened.ok).toBe(true);
        opens++;
      }
      const saved = await save;
      openedDuringSaves += opens;
      if (saved.ok) hash = saved.value.hash;
      else failures++;
    }
    report('saves while another model in the folder opens', rounds, failures, `${openedDuringSaves} opens during the saves`);
    expect(failures).toBe(0);
  }, LONG);
});
