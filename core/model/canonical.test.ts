// Property tests of the canonical format: any valid model round-trips load → serialize → load
// unchanged, its bytes are stable, and neither key order nor element order of the input matters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeModel } from './canonical';
import { loadModelText, loadModelValue } from './load';
import { CURRENT_SCHEMA_VERSION, DECISION_STATUSES, ModelSchema, type Model } from './schema';
import { COMPONENT_KIND_IDS, ZONE_KIND_IDS } from '../kinds/ids';

const idChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-'.split('');
const arbId = fc
  .tuple(fc.constantFrom(...idChars.slice(0, 62)), fc.array(fc.constantFrom(...idChars), { maxLength: 12 }))
  .map(([first, rest]) => first + rest.join(''));
const arbText = fc.string({ maxLength: 40, unit: 'grapheme' });
const arbNumber = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => (Object.is(n, -0) ? 0 : n));
const arbFactValue = fc.oneof(fc.boolean(), arbNumber, arbText, fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }));
const arbKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const arbFacts = fc.dictionary(arbKey, arbFactValue, { maxKeys: 4 });
const arbControls = fc.dictionary(arbKey, fc.constantFrom('present' as const, 'absent' as const), { maxKeys: 4 });
const arbDate = fc.constantFrom('2026-01-02', '2025-12-31T10:00:00Z', '2024-02-29T23:59:59.5+02:00');

/** A valid model: unique ids, known kinds, flows between existing components, zones without cycles. */
const arbModel: fc.Arbitrary<Model> = fc
  .uniqueArray(arbId, { minLength: 0, maxLength: 24 })
  .chain((ids) => {
    const zoneCount = Math.min(ids.length, 4);
    const zoneIds = ids.slice(0, zoneCount);
    const componentIds = ids.slice(zoneCount, zoneCount + Math.ceil((ids.length - zoneCount) / 2));
    const flowIds = ids.slice(zoneCount + componentIds.length);
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const zones = fc.tuple(
      ...zoneIds.map((id, i) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constantFrom(...ZONE_KIND_IDS),
          label: arbText,
          description: optional(arbText),
          // parents only point backwards, so there are no cycles
          parent: i === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...zoneIds.slice(0, i))),
        }),
      ),
    );
    const components = fc.tuple(
      ...componentIds.map((id) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constantFrom(...COMPONENT_KIND_IDS),
          label: arbText,
          description: optional(arbText),
          zone: zoneIds.length ? optional(fc.constantFrom(...zoneIds)) : fc.constant(undefined),
          facts: arbFacts,
          controls: arbControls,
        }),
      ),
    );
    const flows = componentIds.length
      ? fc.tuple(
          ...flowIds.map((id) =>
            fc.record({
              id: fc.constant(id),
              source: fc.constantFrom(...componentIds),
              target: fc.constantFrom(...componentIds),
              label: arbText,
              description: optional(arbText),
              facts: arbFacts,
              controls: arbControls,
            }),
          ),
        )
      : fc.constant([]);
    const boxed = [...zoneIds, ...componentIds];
    const box = fc.record({ x: arbNumber, y: arbNumber, width: optional(fc.integer({ min: 1, max: 900 })), height: optional(fc.integer({ min: 1, max: 900 })) });
    const layout = fc.record({
      boxes: boxed.length ? fc.dictionary(fc.constantFrom(...boxed), box, { maxKeys: boxed.length }) : fc.constant({}),
      flowPoints:
        flowIds.length && componentIds.length
          ? fc.dictionary(fc.constantFrom(...flowIds), fc.array(fc.record({ x: arbNumber, y: arbNumber }), { maxLength: 3 }), { maxKeys: 3 })
          : fc.constant({}),
      viewport: optional(fc.record({ x: arbNumber, y: arbNumber, zoom: fc.double({ min: 0.05, max: 4, noNaN: true }) })),
    });
    const decision = fc.record({
      status: fc.constantFrom(...DECISION_STATUSES),
      rationale: arbText,
      owner: arbText,
      due: optional(arbDate),
      ticket: optional(arbText),
      updated: optional(arbDate),
    });
    const meta = fc.record({
      title: fc.string({ minLength: 1, maxLength: 30 }),
      version: optional(fc.string({ minLength: 1, maxLength: 20 })),
      description: arbText,
      authors: fc.array(arbText, { maxLength: 3 }),
      created: optional(arbDate),
      updated: optional(arbDate),
      tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    });
    return fc.record({
      schemaVersion: fc.constant(CURRENT_SCHEMA_VERSION),
      meta,
      zones,
      components,
      flows,
      decisions: fc.dictionary(fc.string({ minLength: 1, maxLength: 40 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), decision, { maxKeys: 4 }),
      layout,
    });
  })
  .map((m) => JSON.parse(JSON.stringify(m)) as Model); // drop undefined optionals, like a file would

/** The same document with the keys of every object in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]));
}

/** What a model means, order aside: elements sorted by id (code-unit order, as the serializer does). */
function byId(m: Model): Model {
  const sort = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...m, zones: sort(m.zones), components: sort(m.components), flows: sort(m.flows) };
}

function load(text: string): Model {
  const result = loadModelText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.model;
}

describe('canonical serialization (properties)', () => {
  it('generated models are valid', () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const result = loadModelValue(m);
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips load → serialize → load unchanged, with stable bytes', () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const text = serializeModel(m);
        const loaded = load(text);
        expect(loaded).toEqual(ModelSchema.parse(byId(m)));
        expect(serializeModel(loaded)).toBe(text);
        expect(serializeModel(load(serializeModel(loaded)))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes whatever the order of keys and elements in the input', () => {
    fc.assert(
      fc.property(arbModel, fc.integer(), (m, seed) => {
        const rotate = <T>(items: T[]) => (items.length ? [...items.slice(seed % items.length), ...items.slice(0, seed % items.length)].reverse() : items);
        const shuffled = reverseKeys({ ...m, zones: rotate(m.zones), components: rotate(m.components), flows: rotate(m.flows) });
        expect(serializeModel(load(JSON.stringify(shuffled)))).toBe(serializeModel(m));
      }),
      { numRuns: 200 },
    );
  });

  it('puts keys in canonical order and elements in id order', () => {
    const text = serializeModel(
      load(
        JSON.stringify({
          layout: { boxes: { b: { y: 2, x: 1 } } },
          components: [
            { label: 'B', kind: 'llm', id: 'b', facts: { zeta: 1, version: '2.0', alpha: true } },
            { label: 'A', kind: 'user', id: 'a' },
          ],
          meta: { tags: ['x'], version: '1.3', description: 'D', title: 'T' },
          schemaVersion: CURRENT_SCHEMA_VERSION,
        }),
      ),
    );
    const doc = JSON.parse(text) as Record<string, unknown> & { components: Array<Record<string, unknown>> };
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'meta', 'zones', 'components', 'flows', 'decisions', 'layout']);
    expect(doc.components.map((c) => c.id)).toEqual(['a', 'b']);
    expect(Object.keys(doc.components[0]!)).toEqual(['id', 'kind', 'label', 'controls', 'facts']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "meta": {\n    "title": "T",\n    "version": "1.3",\n    "description": "D",\n    "authors": [],');
    // "version" comes right after "title" in meta only; a fact named "version" stays in alphabetical order.
    expect(Object.keys((doc.components[1]!.facts as Record<string, unknown>))).toEqual(['alpha', 'version', 'zeta']);
  });
});
