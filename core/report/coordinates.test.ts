// Huge coordinates (finite, but near Number.MAX_VALUE) never turn into NaN or Infinity in a drawing.
import { describe, expect, it } from 'vitest';
import { createEmptyModel } from '../model/schema';
import { buildDiagram } from './diagram';
import { writeDiagramSvg } from './write-svg';
import { safeBox } from './coordinates';

describe('huge coordinates', () => {
  it('give a finite diagram and an SVG without NaN or Infinity', () => {
    const model = createEmptyModel('Huge');
    model.components.push(
      { id: 'a', kind: 'llm', label: 'A', facts: {}, controls: {} },
      { id: 'b', kind: 'llm', label: 'B', facts: {}, controls: {} },
      { id: 'c', kind: 'llm', label: 'C', facts: {}, controls: {} },
    );
    model.zones.push({ id: 'z', kind: 'trust-boundary', label: 'Z' });
    model.flows.push({ id: 'f1', source: 'a', target: 'b', label: 'ab', facts: {}, controls: {} }, { id: 'f2', source: 'b', target: 'c', label: 'bc', facts: {}, controls: {} });
    model.layout.boxes = {
      a: { x: 1e308, y: -1e308 },
      b: { x: -1.7e308, y: 1.7e308, width: 1e308, height: 1e308 },
      c: { x: 0, y: 0 },
      z: { x: -1e308, y: -1e308, width: 1.7e308, height: 1.7e308 },
    };
    model.layout.flowPoints = { f1: [{ x: 1.7e308, y: 1.7e308 }] };
    const diagram = buildDiagram(model);
    const numbers = JSON.stringify(diagram).match(/-?\d[\d.e+-]*|null/g) ?? [];
    expect(numbers).not.toContain('null'); // NaN and Infinity serialise as null
    const svg = writeDiagramSvg(diagram);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(safeBox({ x: 1e308, y: -1e308, width: 0 })).toEqual({ x: 1_000_000, y: -1_000_000 });
  });
});
