// Round trips on random models: OTM → Mercator → OTM and Mercator → Threat Dragon → Mercator keep the
// components, zones (with their nesting), flows and threats — what both formats can hold (see
// docs/interchange.md for what each format keeps and loses).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importModel } from './import';
import { writeOtm } from './export-otm';
import { writeThreatDragon } from './export-threat-dragon';
import { createEmptyModel, type Model } from '../model/schema';
import { loadModelValue } from '../model/load';
import { listKinds } from '../kinds/registry';
import { decisionStatus } from './imported-threats';

const KINDS = listKinds().map((k) => k.id);
const ZONE_KINDS = ['internet', 'third-party', 'device', 'cloud', 'corporate', 'restricted'];
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,14}[A-Za-z0-9]$/);

/** A random OTM document: nested trust zones, components in them, flows, threats each linked once. */
const otmDocument = fc
  .record({
    zones: fc.integer({ min: 1, max: 5 }),
    components: fc.integer({ min: 1, max: 8 }),
    names: fc.uniqueArray(word, { minLength: 30, maxLength: 30, selector: (s) => s.toLowerCase() }),
    seed: fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }),
    states: fc.array(fc.constantFrom('exposed', 'mitigated', 'not-applicable', 'accepted'), { minLength: 10, maxLength: 10 }),
  })
  .map(({ zones, components, names, seed, states }) => {
    let n = 0;
    const pick = (k: number) => seed[n++ % seed.length]! % k;
    const trustZones = Array.from({ length: zones }, (_, i) => ({
      id: `tz-${i}`,
      name: names[i]!,
      type: ZONE_KINDS[pick(ZONE_KINDS.length)]!,
      ...(i > 0 && pick(2) ? { parent: { trustZone: `tz-${pick(i)}` } } : {}),
    }));
    const comps = Array.from({ length: components }, (_, i) => ({ id: `c-${i}`, name: names[10 + i]!, type: KINDS[pick(KINDS.length)]!, parent: { trustZone: `tz-${pick(zones)}` }, threats: [] as unknown[] }));
    const flows = Array.from({ length: pick(components * 2) }, (_, i) => ({ id: `f-${i}`, name: `flow ${i}`, source: `c-${pick(components)}`, destination: `c-${pick(components)}`, threats: [] as unknown[] }));
    const threats = Array.from({ length: pick(6) }, (_, i) => ({ id: `t-${i}`, name: names[20 + i]!, description: `threat ${i}`, categories: ['Tampering'], risk: { likelihood: 60, impact: 80 } }));
    threats.forEach((t, i) => {
      const onFlow = flows.length > 0 && pick(2) === 1;
      const target: { threats: unknown[] } = onFlow ? flows[pick(flows.length)]! : comps[pick(comps.length)]!;
      target.threats.push({ threat: t.id, state: states[i]!, mitigations: [] });
    });
    return { otmVersion: '0.2.0', project: { name: 'Random', id: 'random' }, trustZones, components: comps, dataflows: flows, threats, mitigations: [] };
  });

type OtmDoc = ReturnType<typeof JSON.parse>;

function otmShape(doc: OtmDoc) {
  const links = (list: Array<{ id: string; threats?: Array<{ threat: string; state: string }> | null }>) =>
    list.flatMap((x) => (x.threats ?? []).map((l) => `${x.id}:${l.threat}:${l.state}`)).sort();
  return {
    zones: doc.trustZones.filter((z: { attributes?: Record<string, unknown> }) => !z.attributes?.['mercator:outside']).map((z: { id: string; name: string; type: string; parent?: { trustZone: string } }) => `${z.id}|${z.name}|${z.type}|${z.parent?.trustZone ?? ''}`).sort(),
    components: doc.components.map((c: { id: string; name: string; type: string; parent: { trustZone: string } }) => `${c.id}|${c.name}|${c.type}|${c.parent.trustZone}`).sort(),
    flows: doc.dataflows.map((f: { id: string; name: string; source: string; destination: string }) => `${f.id}|${f.name}|${f.source}|${f.destination}`).sort(),
    threats: doc.threats.map((t: { id: string; name: string }) => `${t.id}|${t.name}`).sort(),
    links: [...links(doc.components), ...links(doc.dataflows)].sort(),
  };
}

/** A random Mercator model: nested zones, components in some of them, flows, threats with decisions. */
const mercatorModel = fc
  .record({
    zones: fc.integer({ min: 0, max: 4 }),
    components: fc.integer({ min: 1, max: 8 }),
    names: fc.uniqueArray(word, { minLength: 30, maxLength: 30, selector: (s) => s.toLowerCase() }),
    seed: fc.array(fc.nat(1000), { minLength: 60, maxLength: 60 }),
  })
  .map(({ zones, components, names, seed }) => {
    let n = 0;
    const pick = (k: number) => seed[n++ % seed.length]! % k;
    const model: Model = createEmptyModel('Random');
    for (let i = 0; i < zones; i++) model.zones.push({ id: `z${i}`, kind: ZONE_KINDS[pick(ZONE_KINDS.length)]!, label: names[i]!, ...(i > 0 && pick(2) ? { parent: `z${pick(i)}` } : {}) });
    for (let i = 0; i < components; i++) {
      const zone = zones && pick(3) ? `z${pick(zones)}` : undefined;
      model.components.push({ id: `c${i}`, kind: KINDS[pick(KINDS.length)]!, label: names[10 + i]!, ...(zone ? { zone } : {}), facts: {}, controls: {} });
    }
    for (let i = 0, k = pick(components * 2); i < k; i++) model.flows.push({ id: `f${i}`, source: `c${pick(components)}`, target: `c${pick(components)}`, label: `flow ${i}`, facts: {}, controls: {} });
    for (let i = 0, k = pick(5); i < k; i++) {
      const onFlow = model.flows.length > 0 && pick(2) === 1;
      const subject = onFlow ? { type: 'flow' as const, id: `f${pick(model.flows.length)}` } : { type: 'component' as const, id: `c${pick(components)}` };
      model.threats.push({ id: `t${i}`, subject, title: names[20 + i]!, description: `threat ${i}`, atlas: [], owasp: [], likelihood: 1 + pick(5), impact: 1 + pick(5), controls: [] });
      const status = (['open', 'mitigated', 'not-applicable'] as const)[pick(3)]!;
      if (status !== 'open') model.decisions[`threat:t${i}`] = { status, rationale: '', owner: '', history: [] } as unknown as Model['decisions'][string];
    }
    const loaded = loadModelValue(model);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    return loaded.model;
  });

/** What must survive, by label (ids of a Threat Dragon import are the cell ids, which are ours anyway). */
function mercatorShape(model: Model) {
  const zoneLabel = (id: string | undefined) => model.zones.find((z) => z.id === id)?.label ?? '';
  const label = (type: string, id: string) => (type === 'flow' ? model.flows.find((f) => f.id === id)?.id : model.components.find((c) => c.id === id)?.label) ?? '';
  const compLabel = (id: string) => model.components.find((c) => c.id === id)!.label;
  return {
    zones: model.zones.map((z) => `${z.label}<${zoneLabel(z.parent)}`).sort(),
    components: model.components.map((c) => `${c.label}@${zoneLabel(c.zone)}`).sort(),
    flows: model.flows.map((f) => `${f.id}:${compLabel(f.source)}>${compLabel(f.target)}:${f.label}`).sort(),
    threats: model.threats.map((t) => `${t.id}:${t.title}:${t.subject.type}:${label(t.subject.type, t.subject.id)}:${model.decisions[`threat:${t.id}`]?.status ?? 'open'}`).sort(),
  };
}

describe('round trips', () => {
  it('OTM → Mercator → OTM keeps trust zones (and nesting), components, data flows, threats and their states', () => {
    fc.assert(
      fc.property(otmDocument, (doc) => {
        const imported = importModel(JSON.stringify(doc));
        if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
        expect(imported.model.threats.length).toBe(doc.threats.length);
        const back = JSON.parse(writeOtm(imported.model));
        expect(otmShape(back)).toEqual(otmShape(doc));
        // And the written OTM imports again to the same model content.
        const again = importModel(JSON.stringify(back));
        if (!again.ok) throw new Error(JSON.stringify(again.errors));
        expect(mercatorShape(again.model)).toEqual(mercatorShape(imported.model));
      }),
      { numRuns: 60 },
    );
  });

  it('Mercator → Threat Dragon → Mercator keeps components, zones (and nesting), flows, threats and decisions', () => {
    fc.assert(
      fc.property(mercatorModel, (model) => {
        const td = writeThreatDragon(model);
        const back = importModel(td);
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.format).toBe('threat-dragon');
        expect(mercatorShape(back.model)).toEqual(mercatorShape(model));
      }),
      { numRuns: 60 },
    );
  });

  it('Mercator → OTM → Mercator keeps the same, and components outside any zone stay outside', () => {
    fc.assert(
      fc.property(mercatorModel, (model) => {
        const back = importModel(writeOtm(model));
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(mercatorShape(back.model)).toEqual(mercatorShape(model));
        expect(back.model.components.map((c) => c.kind)).toEqual(model.components.map((c) => c.kind));
        expect(back.model.zones.map((z) => z.kind)).toEqual(model.zones.map((z) => z.kind));
        for (const t of back.model.threats) expect(decisionStatus(t.source?.status)).toBe(back.model.decisions[`threat:${t.id}`]?.status ?? 'open');
      }),
      { numRuns: 60 },
    );
  });
});
