// Hand-made edge cases for rules whose shape the derived ones (engine-rule-edges.test.ts) cannot
// judge: path rules whose `from` entries overlap (a client is untrusted by zone or by being
// internet-facing, and clients are internet-facing by default), and feature-poisoning, whose origins
// include the feature stores it reports on.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { analyze } from '../../core/engine/analyze';
import { parseRulePack, type PathRule } from '../../core/engine/rule-pack';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Controls, type Model, type ModelInput } from '../../core/model/schema';
import { buildFiringModel } from '../fixtures/rules/build-fixture';
import { component, putIn } from '../fixtures/rules/edge-values';

const root = path.resolve(__dirname, '../..');
const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const packs = loaded.packs;
const rule = (id: string) => packs.flatMap((p) => p.rules).find((r) => r.id === id)! as PathRule;
const hits = (m: Model, ruleId: string) => analyze(m, packs).findings.filter((f) => f.ruleId === ruleId);
const model = (input: Omit<ModelInput, 'schemaVersion' | 'meta'>): Model => ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 't' }, ...input });

describe('a client as the origin of a path rule', () => {
  // Read off the `from` lists in data/rules: which rules take a client as untrusted, and how.
  const table: Array<[ruleId: string, inInternetZone: boolean, internetFacingElsewhere: boolean, anywhere: boolean]> = [
    ['direct-prompt-injection', true, true, true], // anyone who writes prompts
    ['untrusted-content-drives-agent-tools', true, true, false],
    ['agent-memory-poisoning', true, true, false],
    ['untrusted-data-into-training', true, true, false],
    ['feature-poisoning', true, true, false],
    ['rag-poisoning', true, false, false], // only clients in the internet zone
    ['indirect-prompt-injection', false, false, false], // untrusted content, not users
    ['backdoor-via-third-party-model', false, false, false],
  ];
  const withClient = (ruleId: string, facts: Record<string, boolean>, zone: string | undefined) => {
    const m = structuredClone(buildFiringModel(rule(ruleId)).model);
    Object.assign(component(m, 'origin'), { kind: 'client', facts });
    if (zone) putIn(m, 'origin', zone);
    return m;
  };
  describe.each(table)('%s', (ruleId, inInternetZone, internetFacingElsewhere, anywhere) => {
    it(`in the internet zone but not internet-facing: ${inInternetZone ? 'fires' : 'does not fire'}`, () => {
      expect(hits(withClient(ruleId, { internetFacing: false }, 'internet'), ruleId)).toHaveLength(inInternetZone ? 1 : 0);
    });
    it(`said to be internet-facing, in the corporate zone: ${internetFacingElsewhere ? 'fires' : 'does not fire'}`, () => {
      expect(hits(withClient(ruleId, { internetFacing: true }, 'corporate'), ruleId)).toHaveLength(internetFacingElsewhere ? 1 : 0);
    });
    it(`a client is not internet-facing by its kind's default: ${anywhere ? 'fires all the same' : 'does not fire'}`, () => {
      expect(hits(withClient(ruleId, {}, 'corporate'), ruleId)).toHaveLength(anywhere ? 1 : 0);
    });
    it(`neither in the internet zone nor internet-facing: ${anywhere ? 'fires all the same' : 'does not fire'}`, () => {
      expect(hits(withClient(ruleId, { internetFacing: false }, 'corporate'), ruleId)).toHaveLength(anywhere ? 1 : 0);
    });
  });
});

describe('feature-poisoning on a feature store that is itself an untrusted origin', () => {
  const store = (id: string, dataOrigin: string[]) => ({ id, kind: 'feature-store', label: id, facts: { dataOrigin } });
  const fedByCardholder = (dataOrigin: string[]) =>
    model({
      components: [
        { id: 'cardholder', kind: 'user', label: 'Cardholder', facts: { internetFacing: true } },
        { id: 'payments', kind: 'application', label: 'Payments' },
        { id: 'txlog', kind: 'data-store', label: 'Transactions' },
        store('features', dataOrigin),
      ],
      flows: [
        { id: 'f1', source: 'cardholder', target: 'payments' },
        { id: 'f2', source: 'payments', target: 'txlog' },
        { id: 'f3', source: 'txlog', target: 'features', facts: { carries: ['features'] } },
      ],
    });

  it.each([[['internal']], [['user', 'internal']]])('fed by an internet user, with data origin %j: reported with the path from the user', (dataOrigin) => {
    const [f, ...more] = hits(fedByCardholder(dataOrigin), 'feature-poisoning');
    expect(more).toEqual([]);
    expect(f!.key).toBe('feature-poisoning@features');
    expect(f!.path).toEqual(['cardholder', 'payments', 'txlog', 'features']);
    expect(f!.reasons[0]).toContain('"Cardholder"');
  });

  it('with nothing untrusted upstream it is not its own origin, not even through a loop back to itself', () => {
    const m = model({
      components: [store('features', ['user']), { id: 'etl', kind: 'data-pipeline', label: 'ETL' }, { id: 'txlog', kind: 'data-store', label: 'Transactions' }],
      flows: [
        { id: 'f1', source: 'txlog', target: 'features' },
        { id: 'f2', source: 'features', target: 'etl' },
        { id: 'f3', source: 'etl', target: 'features' },
      ],
    });
    expect(hits(m, 'feature-poisoning')).toEqual([]);
  });

  it('of two untrusted stores in a chain, the second is reported from the first', () => {
    const m = model({
      components: [store('raw', ['scraped']), { id: 'etl', kind: 'data-pipeline', label: 'ETL' }, store('curated', ['partner'])],
      flows: [
        { id: 'f1', source: 'raw', target: 'etl' },
        { id: 'f2', source: 'etl', target: 'curated' },
      ],
    });
    expect(hits(m, 'feature-poisoning').map((f) => [f.key, f.path])).toEqual([['feature-poisoning@curated', ['raw', 'etl', 'curated']]]);
  });

  it('takes the nearest other origin, and ignores the store\'s own content coming back to it', () => {
    const m = model({
      components: [
        { id: 'crawler', kind: 'data-source', label: 'Crawler', facts: { dataOrigin: ['scraped'] } },
        { id: 'a', kind: 'data-pipeline', label: 'A' },
        { id: 'b', kind: 'data-pipeline', label: 'B' },
        store('features', ['user']),
      ],
      flows: [
        { id: 'f1', source: 'crawler', target: 'a' },
        { id: 'f2', source: 'a', target: 'b' },
        { id: 'f3', source: 'b', target: 'features' },
        { id: 'f4', source: 'features', target: 'b' },
      ],
    });
    expect(hits(m, 'feature-poisoning').map((f) => f.path)).toEqual([['crawler', 'a', 'b', 'features']]);
  });
});

describe('an origin that is also a sink, under a closing path control (a custom pack)', () => {
  const parsed = parseRulePack(
    `
id: t
name: t
version: 1
rules:
  - id: poisoned-store
    title: t
    category: t
    type: path
    match:
      from: [{ kind: feature-store, facts: { dataOrigin: user } }, { kind: data-source, facts: { dataOrigin: scraped } }]
      to: { kind: feature-store }
    controls: [{ control: dataValidation, on: path, effect: closes }]
    likelihood: 3
    impact: 3
`,
    't.yaml',
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const chain = (etl: Controls, features: Controls = {}) =>
    model({
      components: [
        { id: 'crawler', kind: 'data-source', label: 'Crawler', facts: { dataOrigin: ['scraped'] } },
        { id: 'etl', kind: 'data-pipeline', label: 'ETL', controls: etl },
        { id: 'features', kind: 'feature-store', label: 'Features', facts: { dataOrigin: ['user'] }, controls: features },
      ],
      flows: [
        { id: 'f1', source: 'crawler', target: 'etl' },
        { id: 'f2', source: 'etl', target: 'features' },
      ],
    });
  const keys = (m: Model) => analyze(m, [parsed.pack]).findings.map((f) => f.key);

  it('is reported when nothing on the way validates the data', () => {
    expect(keys(chain({}))).toEqual(['poisoned-store@features']);
  });
  it('is not reported when a component on the way blocks the content', () => {
    expect(keys(chain({ dataValidation: 'present' }))).toEqual([]);
  });
  it('is reported through an unguarded route next to a guarded one', () => {
    const m = chain({ dataValidation: 'present' });
    m.components.push({ id: 'etl-2', kind: 'data-pipeline', label: 'ETL 2', facts: {}, controls: {} });
    m.flows.push({ id: 'f3', source: 'crawler', target: 'etl-2', label: '', facts: {}, controls: {} });
    m.flows.push({ id: 'f4', source: 'etl-2', target: 'features', label: '', facts: {}, controls: {} });
    expect(analyze(m, [parsed.pack]).findings.map((f) => f.path)).toEqual([['crawler', 'etl-2', 'features']]);
  });
  it('is not reported when it validates the data itself', () => {
    expect(keys(chain({}, { dataValidation: 'present' }))).toEqual([]);
  });
});
