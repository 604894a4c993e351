// Unsaved review edits (reviewers, comments, decision history, a sign-off baseline) survive the
// autosave journal on real files, and the baseline still verifies after the round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openJournal } from '../../core/host/files/journal';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { dispatch, type Handlers } from '../../core/host/dispatch';
import { loadModelBytes } from '../../core/model/load';
import type { Model } from '../../core/model/schema';
import { signOff, verifyBaselines } from '../../core/review/baseline';
import { changeDecision, startThread } from '../../renderer/src/review/review-edits';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let handlers: Handlers;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-review-journal-'));
  handlers = createHandlers({
    mode: 'browser',
    name: 'Mercator',
    version: 'test',
    policy: await createWorkspacePolicy(dir),
    journal: await openJournal(path.join(dir, '.mercator', 'journal')),
    examplesDir: path.join(ROOT, 'examples'),
    openExternal: async () => false,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('journal and the review record', () => {
  it('restores reviewers, comments, decision history and a verifiable baseline', async () => {
    const loaded = loadModelBytes(readFileSync(path.join(ROOT, 'examples/rag-support-chatbot.mercator.json')));
    if (!loaded.ok) throw new Error('example');
    let model: Model = { ...loaded.model, meta: { ...loaded.model.meta, owner: 'Dana', reviewers: ['Sam', 'Lee'], reviewStatus: 'in-review' } };
    model = startThread(model, { type: 'component', id: 'llm' }, 'Sam', 'Pinned version?', '2026-12-02T10:00:00Z');
    model = changeDecision(model, 'llm-jailbreak@llm', { status: 'accepted', rationale: 'provider filters' }, 'Dana', '2026-12-02T10:05:00Z');
    model = changeDecision(model, 'llm-jailbreak@llm', { status: 'mitigated' }, 'Lee', '2026-12-02T10:06:00Z');
    model = signOff(model, { findings: [] }, { signedBy: ['Dana'], status: 'approved', at: '2026-12-02T10:10:00Z' });
    const written = await dispatch(handlers, 'journal:write', { key: 'untitled:review', path: null, baseHash: null, model });
    expect(written.ok).toBe(true);
    const read = await dispatch(handlers, 'journal:read', { key: 'untitled:review' }, { checkOutput: true });
    if (!read.ok) throw new Error(read.error.message);
    const restored = (read.value as { model: Model }).model;
    expect(restored.meta).toMatchObject({ owner: 'Dana', reviewers: ['Sam', 'Lee'], reviewStatus: 'approved' });
    expect(restored.comments).toEqual(model.comments);
    expect(restored.decisions['llm-jailbreak@llm']!.history.map((h) => [h.by, h.status])).toEqual([
      ['Dana', 'accepted'],
      ['Lee', 'mitigated'],
    ]);
    expect(restored.decisions['llm-jailbreak@llm']!.decidedBy).toBe('Lee');
    expect(verifyBaselines(restored).map((c) => c.ok)).toEqual([true]);
  });
});
