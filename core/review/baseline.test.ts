import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelBytes } from '../model/load';
import { serializeModel } from '../model/canonical';
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types';
import { latestBaseline, signOff, summaryVersions, verifyBaselines } from './baseline';

const root = path.resolve(__dirname, '../..');
const loaded = loadModelBytes(readFileSync(path.join(root, 'examples/rag-support-chatbot.mercator.json')));
if (!loaded.ok) throw new Error('example does not load');
const model = { ...loaded.model, meta: { ...loaded.model.meta, reviewers: ['Sam Ito', 'Lee Park'] } };
const finding = (key: string, severity: Finding['residual']['severity'], status: Finding['status'] = 'open') =>
  ({ key, status, residual: { severity } }) as unknown as Finding;
const analysis = { findings: [finding('a@x', 'high'), finding('b@y', 'low'), finding('c@z', 'critical', 'accepted')] };

describe('sign-off baselines', () => {
  const signed = signOff(model, analysis, { signedBy: ['Dana Reyes'], status: 'approved', at: '2026-12-02T15:00:00Z', versions: { catalog: '5.6.0', rulePacks: { 'mercator-llm': '1' } } });
  const baseline = latestBaseline(signed)!;

  it('freezes the model without baselines, hashed with sha256 of its canonical text', () => {
    expect(signed.meta.reviewStatus).toBe('approved');
    expect(baseline).toMatchObject({ id: 'review-1', signedBy: ['Dana Reyes'], reviewers: ['Sam Ito', 'Lee Park'], status: 'approved' });
    const text = serializeModel({ ...signed, baselines: [] });
    expect(baseline.hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(baseline.snapshot).toEqual(JSON.parse(text));
    expect(baseline.summary).toMatchObject({ findings: 3, open: 2, 'open.high': 1, 'open.low': 1, 'open.critical': 0, openKeys: ['a@x', 'b@y'] });
    expect(summaryVersions(baseline.summary)).toEqual({ catalog: '5.6.0', rulePacks: { 'mercator-llm': '1' } });
  });

  it('verifies after a save and load round trip, and numbers the next one', () => {
    const again = loadModelBytes(new TextEncoder().encode(serializeModel(signed)));
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(verifyBaselines(again.model).map((c) => c.ok)).toEqual([true]);
    const twice = signOff(again.model, analysis, { signedBy: [], status: 'in-review', at: '2026-12-03' });
    expect(twice.baselines.map((b) => b.id)).toEqual(['review-1', 'review-2']);
    expect(verifyBaselines(twice).every((c) => c.ok)).toBe(true);
  });

  it('detects a snapshot edited after sign-off', () => {
    const snapshot = structuredClone(baseline.snapshot) as { components: Array<{ id: string; controls: Record<string, string> }> };
    snapshot.components.find((c) => c.id === 'llm')!.controls.rateLimiting = 'present';
    const tampered = { ...signed, baselines: [{ ...baseline, snapshot }] };
    const [check] = verifyBaselines(tampered);
    expect(check!.ok).toBe(false);
    expect(!check!.ok && check!.problem).toMatch(/does not match its hash/);
  });

  it('reports a snapshot that is no model at all', () => {
    const [check] = verifyBaselines({ ...signed, baselines: [{ ...baseline, snapshot: { schemaVersion: 6, meta: {} } }] });
    expect(!check!.ok && check!.problem).toMatch(/not a valid model \(\/meta\/title/);
  });
});
