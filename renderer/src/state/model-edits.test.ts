import { describe, expect, it } from 'vitest';
import { createEmptyModel, type Model } from '../../../core/model/schema';
import { addComponent, addFlow, addZone, assignZones, deleteItems, moveBoxes, setModelVersion } from './model-edits';
import { alignBoxes, copyFragment, pasteFragment } from './clipboard';
import { autoLayout, layerNodes, needsLayout } from './auto-layout';

function sample(): Model {
  let m = createEmptyModel('t');
  m = addZone(m, 'cloud', 'Cloud', { x: 0, y: 0 }).model; // 420 × 280 at 0,0
  m = moveBoxes(m, new Map([['zone-cloud', { x: 0, y: 0, width: 600, height: 400 }]]));
  m = addZone(m, 'restricted', 'Inner', { x: 50, y: 50 }).model;
  m = moveBoxes(m, new Map([['zone-restricted', { x: 50, y: 50, width: 200, height: 150 }]]));
  m = addComponent(m, 'llm', 'LLM', { x: 60, y: 60 }).model;
  m = addComponent(m, 'application', 'App', { x: 400, y: 300 }).model;
  m = addComponent(m, 'user', 'User', { x: 900, y: 900 }).model;
  return addFlow(m, 'user', 'application').model;
}

describe('zone membership', () => {
  it('puts a component in the smallest zone containing its center', () => {
    const m = sample();
    expect(m.components.find((c) => c.id === 'llm')!.zone).toBe('zone-restricted');
    expect(m.components.find((c) => c.id === 'application')!.zone).toBe('zone-cloud');
    expect(m.components.find((c) => c.id === 'user')!.zone).toBeUndefined();
    expect(m.zones.find((z) => z.id === 'zone-restricted')!.parent).toBe('zone-cloud');
  });
  it('follows a move into and out of a zone', () => {
    let m = moveBoxes(sample(), new Map([['user', { x: 100, y: 250 }]]));
    expect(m.components.find((c) => c.id === 'user')!.zone).toBe('zone-cloud');
    m = moveBoxes(m, new Map([['user', { x: 2000, y: 2000 }]]));
    expect(m.components.find((c) => c.id === 'user')!.zone).toBeUndefined();
  });
  it('returns the same model when nothing changes', () => {
    const m = sample();
    expect(assignZones(m)).toBe(m);
    expect(moveBoxes(m, new Map([['llm', { x: 60, y: 60 }]]))).toBe(m);
  });
});

describe('delete, copy, paste, align', () => {
  it('deletes a component with its flows and layout', () => {
    const m = deleteItems(sample(), ['application']);
    expect(m.components.map((c) => c.id)).not.toContain('application');
    expect(m.flows).toHaveLength(0);
    expect(m.layout.boxes.application).toBeUndefined();
  });
  it('pastes a copy with fresh ids and the flows between copied components', () => {
    const m = sample();
    const fragment = copyFragment(m, ['user', 'application'])!;
    const { model, ids } = pasteFragment(m, fragment);
    expect([...ids].sort()).toEqual(['application-2', 'user-2', 'user-to-application-2']);
    expect(model.flows.at(-1)).toMatchObject({ source: 'user-2', target: 'application-2' });
    expect(model.layout.boxes['user-2']).toEqual({ x: m.layout.boxes.user!.x + 32, y: m.layout.boxes.user!.y + 32 });
  });
  it('aligns boxes on their left edge', () => {
    const m = alignBoxes(sample(), ['llm', 'application', 'user'], 'left');
    expect(new Set(['llm', 'application', 'user'].map((id) => m.layout.boxes[id]!.x))).toEqual(new Set([60]));
  });
});

describe('auto layout', () => {
  it('layers a chain and breaks cycles', () => {
    const layers = layerNodes(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']]);
    expect([layers.get('a'), layers.get('b'), layers.get('c')]).toEqual([0, 1, 2]);
  });
  it('places every component, keeps zone membership and overlaps nothing', () => {
    const m = sample();
    const stripped = { ...m, layout: { ...m.layout, boxes: {} } };
    expect(needsLayout(stripped)).toBe(true);
    const laid = autoLayout({ ...stripped, components: m.components });
    expect(needsLayout(laid)).toBe(false);
    for (const c of m.components) expect(laid.components.find((x) => x.id === c.id)!.zone).toBe(c.zone);
    const boxes = laid.components.map((c) => laid.layout.boxes[c.id]!);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(Math.abs(boxes[i]!.x - boxes[j]!.x) >= 176 || Math.abs(boxes[i]!.y - boxes[j]!.y) >= 60).toBe(true);
  });
});

describe('model version', () => {
  it('sets meta.version, and leaves it out of the model when cleared or blank', () => {
    const m = createEmptyModel('t');
    const set = setModelVersion(m, '2026-Q4 review');
    expect(set.meta.version).toBe('2026-Q4 review');
    expect(m.meta.version).toBeUndefined();
    expect(setModelVersion(set, '2026-Q4 review')).toBe(set);
    for (const blank of ['', '   ']) {
      const cleared = setModelVersion(set, blank);
      expect('version' in cleared.meta).toBe(false);
      expect(cleared.meta.title).toBe('t');
    }
    expect(setModelVersion(m, '')).toBe(m);
  });
});
