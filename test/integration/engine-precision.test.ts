// Precision: what sits next to a finding's subject counts, a finding needs what its technique needs,
// and kinds assert nothing the user did not say. Each case failed on the engine before these rules
// (they are the contradictions reviewers found: "no authentication" beside authenticated flows,
// "no content filtering" beside a guardrail, and so on).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { analyze } from '../../core/engine/analyze';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Model } from '../../core/model/schema';

const root = path.resolve(__dirname, '../..');
const { packs } = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });

type C = { id: string; kind: string; zone?: string; facts?: Model['components'][number]['facts']; controls?: Model['components'][number]['controls'] };
type F = { id: string; source: string; target: string; facts?: Model['flows'][number]['facts']; controls?: Model['flows'][number]['controls'] };
function model(components: C[], flows: F[], zones: Array<{ id: string; kind: string }> = []): Model {
  return ModelSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { title: 'precision' },
    zones: zones.map((z) => ({ ...z, label: z.id })),
    components: components.map((c) => ({ label: c.id, ...c })),
    flows: flows.map((f) => ({ label: '', ...f })),
  });
}
const open = (m: Model, rule: string) => analyze(m, packs).findings.filter((f) => f.ruleId === rule).map((f) => f.subject.id);
const closed = (m: Model, rule: string) => analyze(m, packs).closed.filter((f) => f.ruleId === rule).map((f) => f.subject.id);
const zones = [{ id: 'net', kind: 'internet' }, { id: 'cloud', kind: 'cloud' }];

describe('controls next to the subject count', () => {
  it('authenticated inbound flows count as authentication on the component they reach', () => {
    const m = model(
      [{ id: 'app', kind: 'application', zone: 'cloud' }, { id: 'api', kind: 'inference-api', zone: 'cloud' }],
      [{ id: 'f', source: 'app', target: 'api', controls: { authentication: 'present' } }],
      zones,
    );
    expect(open(m, 'model-api-no-authentication')).toEqual([]);
    expect(closed(m, 'model-api-no-authentication')).toEqual(['api']);
    // One unauthenticated caller is enough to keep the finding open.
    m.components.push({ id: 'job', kind: 'process', label: 'job', facts: {}, controls: {} });
    m.flows.push({ id: 'g', source: 'job', target: 'api', label: '', facts: {}, controls: {} });
    expect(open(m, 'model-api-no-authentication')).toEqual(['api']);
  });

  it('an adjacent guardrail counts as content filtering on the LLM', () => {
    const m = model(
      [{ id: 'user', kind: 'user', zone: 'net' }, { id: 'guard', kind: 'guardrail', zone: 'cloud' }, { id: 'llm', kind: 'llm', zone: 'cloud' }],
      [{ id: 'f1', source: 'user', target: 'guard', facts: { carries: ['prompts'] } }, { id: 'f2', source: 'guard', target: 'llm', facts: { carries: ['prompts'] } }],
      zones,
    );
    expect(open(m, 'harmful-content')).toEqual([]);
    expect(closed(m, 'harmful-content')).toEqual(['llm']);
    // A guardrail whose content filtering is recorded as absent does not count.
    m.components[1]!.controls.contentSafetyFiltering = 'absent';
    expect(open(m, 'harmful-content')).toEqual(['llm']);
  });

  it('a versioned model registry upstream counts as versioning on the API that loads from it', () => {
    const m = model(
      [{ id: 'reg', kind: 'model-registry', zone: 'cloud', controls: { versioning: 'present' } }, { id: 'api', kind: 'inference-api', zone: 'cloud' }],
      [{ id: 'f', source: 'reg', target: 'api', facts: { carries: ['model-artifacts'] } }],
      zones,
    );
    expect(open(m, 'model-no-versioning')).toEqual([]);
  });

  it('a flow into monitoring counts as logging on its source', () => {
    const m = model(
      [{ id: 'user', kind: 'user', zone: 'net' }, { id: 'api', kind: 'inference-api', zone: 'cloud' }, { id: 'mon', kind: 'monitoring', zone: 'cloud' }],
      [{ id: 'f1', source: 'user', target: 'api' }, { id: 'f2', source: 'api', target: 'mon', facts: { carries: ['telemetry'] } }],
      zones,
    );
    expect(open(m, 'model-probing-unmonitored')).toEqual([]);
    expect(closed(m, 'model-probing-unmonitored')).toEqual(['api']);
  });
});

describe('findings need what their technique needs', () => {
  it('model rules on an application need a model next to it', () => {
    const m = model([{ id: 'pay', kind: 'application', zone: 'cloud', facts: { consequentialDecisions: true, outputUsedAs: ['sql'] } }], [], zones);
    expect(open(m, 'overreliance-consequential-decisions')).toEqual([]);
    expect(open(m, 'metered-cost-harvesting')).toEqual([]);
    m.components[0]!.facts.billedPerUse = true;
    expect(open(m, 'metered-cost-harvesting')).toEqual([]);
    m.components.push({ id: 'llm', kind: 'llm', label: 'llm', facts: {}, controls: {} });
    m.flows.push({ id: 'f', source: 'pay', target: 'llm', label: '', facts: {}, controls: {} });
    expect(open(m, 'overreliance-consequential-decisions')).toEqual(['pay']);
    expect(open(m, 'metered-cost-harvesting')).toEqual(['pay']);
  });

  it('no encryption-in-transit finding for a flow inside one host', () => {
    const m = model([{ id: 'a', kind: 'application' }, { id: 'b', kind: 'data-store' }], [{ id: 'f', source: 'a', target: 'b', facts: { classification: 'personal', sameHost: true } }]);
    expect(open(m, 'sensitive-flow-unencrypted')).toEqual([]);
    m.flows[0]!.facts.sameHost = false;
    expect(open(m, 'sensitive-flow-unencrypted')).toEqual(['f']);
  });

  it('no "authenticate this flow" for downloads from a public model hub or dataset', () => {
    const m = model(
      [{ id: 'hub', kind: 'model-hub', zone: 'net' }, { id: 'ds', kind: 'data-source', zone: 'net', facts: { dataOrigin: ['public'] } }, { id: 'train', kind: 'training', zone: 'cloud' }],
      [{ id: 'f1', source: 'hub', target: 'train', facts: { carries: ['model-artifacts'] } }, { id: 'f2', source: 'ds', target: 'train', facts: { carries: ['training-data'] } }],
      zones,
    );
    expect(open(m, 'unauthenticated-boundary-crossing')).toEqual([]);
  });

  it('a read or query flow is not a path for planting content', () => {
    const m = model(
      [{ id: 'user', kind: 'user', zone: 'net' }, { id: 'app', kind: 'application', zone: 'cloud' }, { id: 'vs', kind: 'vector-store', zone: 'cloud' }],
      [{ id: 'f1', source: 'user', target: 'app', facts: { carries: ['documents'] } }, { id: 'f2', source: 'app', target: 'vs', facts: { carries: ['embeddings'], readOnly: true } }],
      zones,
    );
    expect(open(m, 'rag-poisoning')).toEqual([]);
    m.flows[1]!.facts.readOnly = false;
    expect(open(m, 'rag-poisoning')).toEqual(['vs']);
  });
});

describe('kinds assert nothing the user did not say', () => {
  it('an edge device is not assumed to hold a model or take physical input', () => {
    const m = model([{ id: 'cam', kind: 'edge-device' }], []);
    expect(open(m, 'on-device-model-theft')).toEqual([]);
    expect(open(m, 'physical-world-evasion')).toEqual([]);
  });

  it('a client is internet-facing only when it is said to be or sits in the internet zone', () => {
    const m = model([{ id: 'c', kind: 'client', zone: 'cloud' }, { id: 'llm', kind: 'llm', zone: 'cloud' }], [{ id: 'f', source: 'c', target: 'llm', facts: { carries: ['prompts'] } }], zones);
    expect(open(m, 'llm-jailbreak')).toEqual([]);
    m.components[0]!.zone = 'net';
    expect(open(m, 'llm-jailbreak')).toEqual(['llm']);
  });
});

describe('scores that discriminate', () => {
  it('likelihood counts input from third parties, not only internet reachability', () => {
    const m = model(
      [{ id: 'feed', kind: 'external-service' }, { id: 'api', kind: 'inference-api', facts: { consequentialDecisions: true } }],
      [{ id: 'f', source: 'feed', target: 'api' }],
    );
    const finding = analyze(m, packs).findings.find((f) => f.ruleId === 'model-input-no-validation')!;
    expect(finding.inherent.likelihoodFactors.map((f) => f.factor)).toContain('exposure');
  });

  it('the data factor looks at what the subject holds and receives, not at what it sends', () => {
    const m = model(
      [{ id: 'api', kind: 'inference-api' }, { id: 'db', kind: 'data-store' }],
      [{ id: 'out', source: 'api', target: 'db', facts: { classification: 'personal' } }],
    );
    const finding = analyze(m, packs).findings.find((f) => f.ruleId === 'model-input-no-validation')!;
    expect(finding.inherent.impactFactors.map((f) => f.factor)).not.toContain('data classification');
  });
});

describe('one primary technique per finding', () => {
  it('every rule finding has exactly one primary technique, first, and at most two related', () => {
    const m = model(
      [{ id: 'user', kind: 'user', zone: 'net' }, { id: 'app', kind: 'application', zone: 'cloud' }, { id: 'llm', kind: 'llm', zone: 'cloud' }],
      [{ id: 'f1', source: 'user', target: 'app', facts: { carries: ['prompts'] } }, { id: 'f2', source: 'app', target: 'llm', facts: { carries: ['prompts'] } }],
      zones,
    );
    const { findings } = analyze(m, packs);
    expect(findings.length).toBeGreaterThan(2);
    for (const f of findings) {
      expect(f.atlas[0]!.role).toBe('primary');
      expect(f.atlas.filter((a) => a.role === 'primary')).toHaveLength(1);
      expect(f.atlas.length).toBeLessThanOrEqual(3);
    }
  });
});
