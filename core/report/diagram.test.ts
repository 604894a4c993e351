// The report diagram's geometry: flows routed around components they would run under, pairs drawn
// apart, and every label placed clear of components, arrowheads and other labels (checked on the
// shipped examples, which are what users and the sample report show).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildDiagram } from './diagram';
import { segmentHitsRect } from './diagram-route';
import { splitLabel } from './diagram-labels';
import { loadModelText } from '../model/load';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Model } from '../model/schema';
import type { LabelBox, ReportDiagram } from './types';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const asRect = (b: Box, grow = 0) => ({ left: b.x - grow, top: b.y - grow, right: b.x + b.width + grow, bottom: b.y + b.height + grow });

function model(components: Array<[string, number, number]>, flows: Array<[string, string, string]>): Model {
  return ModelSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { title: 'Diagram test' },
    components: components.map(([id]) => ({ id, kind: 'application', label: id.toUpperCase() })),
    flows: flows.map(([source, target, label], i) => ({ id: `f${i}`, source, target, label })),
    layout: { boxes: Object.fromEntries(components.map(([id, x, y]) => [id, { x, y, width: 160, height: 60 }])), flowPoints: {} },
  });
}

/** Segments of a flow that pass through a component other than its two ends. */
function crossings(d: ReportDiagram): string[] {
  const out: string[] = [];
  for (const e of d.edges) {
    const [first, last] = [e.points[0]!, e.points[e.points.length - 1]!];
    const ends = d.nodes.filter((n) => [first, last].some((p) => p.x >= n.x - 0.5 && p.x <= n.x + n.width + 0.5 && p.y >= n.y - 0.5 && p.y <= n.y + n.height + 0.5));
    for (const n of d.nodes) {
      if (ends.includes(n)) continue;
      for (let i = 0; i + 1 < e.points.length; i++) if (segmentHitsRect(e.points[i]!, e.points[i + 1]!, asRect(n, -8))) out.push(`${e.id} under ${n.id}`);
    }
  }
  return out;
}

function labelProblems(d: ReportDiagram): string[] {
  const labels = d.edges.flatMap((e) => (e.labelBox ? [{ id: e.id, box: e.labelBox as LabelBox }] : []));
  const out: string[] = [];
  for (const l of labels) {
    for (const n of d.nodes) if (overlap(l.box, n)) out.push(`${l.id} label on ${n.id}`);
    for (const e of d.edges) {
      const tip = e.points[e.points.length - 1]!;
      if (overlap(l.box, { x: tip.x - 4, y: tip.y - 4, width: 8, height: 8 })) out.push(`${l.id} label on the arrowhead of ${e.id}`);
    }
  }
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i]!.box, labels[j]!.box)) out.push(`${labels[i]!.id} label on ${labels[j]!.id} label`);
  return out;
}

describe('report diagram', () => {
  it('routes a flow around a component that stands in its way, and keeps clear lines straight', () => {
    const d = buildDiagram(model([['a', 0, 0], ['b', 300, 0], ['c', 600, 0], ['d', 300, 200]], [['a', 'c', 'skips b'], ['a', 'd', 'diagonal']]));
    const skip = d.edges.find((e) => e.id === 'f0')!;
    expect(skip.points.length).toBeGreaterThan(2);
    expect(crossings(d)).toEqual([]);
    expect(d.edges.find((e) => e.id === 'f1')!.points).toHaveLength(2);
  });

  it('draws the two flows of a pair apart, with their labels apart', () => {
    const d = buildDiagram(model([['a', 0, 0], ['b', 0, 300]], [['a', 'b', 'request'], ['b', 'a', 'response']]));
    const [there, back] = d.edges;
    expect(Math.abs(there!.points[0]!.x - back!.points[1]!.x)).toBeGreaterThan(10);
    expect(labelProblems(d)).toEqual([]);
  });

  it('breaks a label into two lines where one line would not fit between two boxes', () => {
    expect(splitLabel('candidate checkpoint')).toEqual(['candidate', 'checkpoint']);
    expect(splitLabel('single')).toBeNull();
    const d = buildDiagram(model([['a', 0, 0], ['b', 230, 0]], [['a', 'b', 'candidate checkpoint']]));
    expect(d.edges[0]!.labelLines).toEqual(['candidate', 'checkpoint']);
    expect(labelProblems(d)).toEqual([]);
  });

  it('keeps every label of the shipped examples off components, arrowheads and other labels, and no flow runs under a component', () => {
    const dir = path.resolve(__dirname, '../../examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.mercator.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const r = loadModelText(readFileSync(path.join(dir, f), 'utf8'));
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.errors)}`);
      const d = buildDiagram(r.model);
      expect(labelProblems(d), f).toEqual([]);
      expect(crossings(d), f).toEqual([]);
      for (const z of d.zones) for (const n of d.nodes) expect(overlap(z.labelBox!, n), `${f}: zone ${z.id} title under ${n.id}`).toBe(false);
      expect(Math.min(...d.nodes.map((n) => n.x), ...d.zones.map((z) => z.x))).toBeGreaterThanOrEqual(0);
    }
  });

  it('builds the diagram of a 10,000-component model (no routing, labels at the middle of their flows)', () => {
    const n = 10_000;
    const comps: Array<[string, number, number]> = Array.from({ length: n }, (_, i) => [`c${i}`, (i % 100) * 240, Math.floor(i / 100) * 120]);
    const flows: Array<[string, string, string]> = Array.from({ length: 2 * n }, (_, i) => [`c${i % n}`, `c${(i * 7 + 1) % n}`, `flow ${i}`]);
    const d = buildDiagram(model(comps, flows));
    expect(d.edges).toHaveLength(2 * n);
    expect(d.edges.every((e) => e.labelBox)).toBe(true);
    expect(d.width).toBeGreaterThan(0);
  });
});
