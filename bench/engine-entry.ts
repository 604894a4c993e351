// What the engine bench measures: the analysis engine, the rule-pack loader and a model generator.
import { analyze } from '../core/engine/analyze';
import { loadRulePacks } from '../core/host/analysis/rule-packs';
import { COMPONENT_KIND_IDS, ZONE_KIND_IDS } from '../core/kinds/ids';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Model } from '../core/model/schema';

export { analyze, loadRulePacks };

/** A deterministic model with `components` components and `flows` flows, with realistic facts. */
export function generateModel(components: number, flows: number): Model {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const zones = Array.from({ length: Math.max(6, Math.floor(components / 50)) }, (_, i) => ({ id: `z${i}`, kind: ZONE_KIND_IDS[i % ZONE_KIND_IDS.length]!, label: `Zone ${i}` }));
  const origins = ['public', 'scraped', 'user', 'partner', 'internal'];
  const caps = ['read', 'write', 'execute', 'send', 'browse'];
  const comps = Array.from({ length: components }, (_, i) => ({
    id: `c${i}`,
    kind: COMPONENT_KIND_IDS[i % COMPONENT_KIND_IDS.length]!,
    label: `Component ${i}`,
    zone: zones[rand(zones.length)]!.id,
    facts: {
      internetFacing: rand(10) === 0,
      dataOrigin: [origins[rand(origins.length)]!],
      toolCapabilities: [caps[rand(caps.length)]!],
      multiTenant: rand(4) === 0,
      dataClassification: ['public', 'internal', 'confidential', 'personal'][rand(4)]!,
    },
    controls: { authentication: rand(2) === 0, rateLimiting: rand(3) === 0, inputValidation: rand(3) === 0 },
  }));
  const carries = ['prompts', 'documents', 'training-data', 'model-artifacts', 'predictions', 'tool-calls'];
  const fl = Array.from({ length: flows }, (_, i) => ({
    id: `f${i}`,
    source: `c${rand(components)}`,
    target: `c${rand(components)}`,
    label: '',
    facts: { carries: [carries[rand(carries.length)]!], classification: ['public', 'internal', 'personal'][rand(3)]!, encrypted: rand(2) === 0 },
  }));
  return ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 'bench' }, zones, components: comps, flows: fl });
}
