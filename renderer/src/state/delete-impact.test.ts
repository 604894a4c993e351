import { describe, expect, it } from 'vitest';
import { ModelSchema, CURRENT_SCHEMA_VERSION, type Model } from '../../../core/model/schema';
import type { Finding } from '../../../core/engine/types';
import { deleteImpact, describeImpact } from './delete-impact';
import { deleteItems } from './model-edits';

const model: Model = ModelSchema.parse({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  meta: { title: 't' },
  components: [
    { id: 'a', kind: 'llm', label: 'Model' },
    { id: 'b', kind: 'application', label: 'App' },
  ],
  flows: [{ id: 'f', source: 'b', target: 'a' }],
  threats: [
    { id: 't1', subject: { type: 'component', id: 'a' }, title: 'Mine', likelihood: 2, impact: 2 },
    { id: 't2', subject: { type: 'flow', id: 'f' }, title: 'On the flow', likelihood: 2, impact: 2 },
  ],
  decisions: { 'r@a': { status: 'accepted' }, 'threat:t2': { status: 'mitigated' }, 'p@b': { status: 'accepted' } },
  comments: [
    { id: 'c1', subject: { type: 'component', id: 'a' }, messages: [{ author: 'x', at: '2026-12-02', text: 'hi' }] },
    { id: 'c2', subject: { type: 'finding', id: 'p@b' }, messages: [{ author: 'x', at: '2026-12-02', text: 'path' }] },
  ],
});
const finding = (key: string, subject: Finding['subject'], path?: string[]) => ({ key, subject, ...(path ? { path } : {}) }) as unknown as Finding;
const findings = [finding('r@a', { type: 'component', id: 'a', label: 'Model' }), finding('p@b', { type: 'path', id: 'b', label: '' }, ['b', 'a'])];

describe('what a delete takes with it', () => {
  it('counts decisions (own, on paths through it, on threats of its flows), comments and threats', () => {
    const impact = deleteImpact(model, ['a'], findings);
    expect(impact).toEqual({ labels: ['Model'], decisions: 3, comments: 2, threats: 2 });
    expect(describeImpact(impact)).toBe('Deleted “Model”, which carried 3 decisions, 2 comment threads and 2 threats you wrote.');
  });
  it('says nothing when nothing is attached', () => {
    expect(describeImpact(deleteImpact(model, ['b'], []))).toBe('Deleted “App”, which carried 1 decision and 1 threat you wrote.');
    const bare = { ...model, threats: [], decisions: {}, comments: [] };
    expect(describeImpact(deleteImpact(bare, ['b'], findings))).toBeNull();
  });
  it('the delete removes the threats of the deleted elements and of their flows, keeps decisions', () => {
    const next = deleteItems(model, ['a']);
    expect(next.threats).toEqual([]);
    expect(next.decisions).toEqual(model.decisions);
    expect(deleteItems(model, ['f']).threats.map((t) => t.id)).toEqual(['t1']);
  });
});
