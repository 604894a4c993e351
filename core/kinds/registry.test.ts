// The kind registry: every definition file is registered, every persisted id has a definition,
// every fact/control is described for the inspector, and control ATLAS mitigation ids exist.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPONENT_KINDS, getKind, listKinds } from './registry';
import { COMPONENT_KIND_IDS, ZONE_KIND_IDS } from './ids';
import { CONTROLS } from './controls';
import { ZONE_KINDS } from './zones';
import { FLOW_FACTS, flowFactsSchema } from './flow-facts';

describe('component kinds', () => {
  it('registers every definition file, and defines every kind id', async () => {
    const files = readdirSync(path.join(__dirname, 'definitions')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of files) {
      const mod = (await import(`./definitions/${file}`)) as Record<string, { id: string }>;
      const def = Object.values(mod)[0]!;
      expect(def.id, file).toBe(file.replace(/\.ts$/, ''));
      expect(getKind(def.id), `${file} is not in COMPONENT_KINDS`).toBe(def);
    }
    expect(Object.keys(COMPONENT_KINDS).sort()).toEqual([...COMPONENT_KIND_IDS].sort());
    expect(files.length).toBe(COMPONENT_KIND_IDS.length);
  });
  it('gives every fact and control a label, help and a type with defaults', () => {
    for (const kind of listKinds()) {
      expect(kind.label.length).toBeGreaterThan(1);
      for (const field of [...Object.values(kind.factFields), ...Object.values(kind.controlFields)]) {
        expect(field.label.length).toBeGreaterThan(1);
        expect(field.help.length).toBeGreaterThan(10);
        expect(['boolean', 'enum', 'list']).toContain(field.type);
      }
      expect(kind.factsSchema.parse({})).toBeTypeOf('object');
    }
  });
  it('validates facts against their schemas (unknown options fail)', () => {
    const agent = getKind('agent')!;
    expect(agent.factsSchema.parse({}).autonomy).toBe('supervised');
    expect(agent.factsSchema.safeParse({ autonomy: 'total' }).success).toBe(false);
    expect(agent.factsSchema.safeParse({ toolCapabilities: ['send', 'fly'] }).success).toBe(false);
    expect(getKind('nope')).toBeUndefined();
    expect(getKind('__proto__')).toBeUndefined();
  });
  it('maps controls to ATLAS mitigations that exist in the catalog', () => {
    const mitigations = new Set((parse(readFileSync(path.join(__dirname, '../../data/catalog/atlas/mitigations.yaml'), 'utf8')) as Array<{ id: string }>).map((m) => m.id));
    for (const [id, control] of Object.entries(CONTROLS)) for (const m of control.atlas) expect(mitigations.has(m), `${id}: ${m}`).toBe(true);
  });
});

describe('zones and flows', () => {
  it('define every zone kind with a trust level, internet lowest and restricted highest', () => {
    expect(Object.keys(ZONE_KINDS).sort()).toEqual([...ZONE_KIND_IDS].sort());
    const trust = Object.values(ZONE_KINDS).map((z) => z.trust);
    expect(ZONE_KINDS.internet.trust).toBe(Math.min(...trust));
    expect(ZONE_KINDS.restricted.trust).toBe(Math.max(...trust));
  });
  it('describe flow facts', () => {
    expect(Object.keys(FLOW_FACTS)).toEqual(['classification', 'carries', 'readOnly', 'sameHost']);
    expect(flowFactsSchema.safeParse({ classification: 'secret' }).success).toBe(false);
  });
});
