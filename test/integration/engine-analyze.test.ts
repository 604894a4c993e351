// Edge cases of the matchers, scoring, decisions and sorting, plus bad rule packs.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/engine/analyze';
import { parseRulePack, type RulePack } from '../../core/engine/rule-pack';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Controls, type Model, type ModelInput } from '../../core/model/schema';

const root = path.resolve(__dirname, '../..');
const builtin = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const model = (input: Omit<ModelInput, 'schemaVersion' | 'meta'>): Model => ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 't' }, ...input });
const pack = (yaml: string): RulePack => {
  const r = parseRulePack(yaml, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
};

const PATH_PACK = pack(`
id: test-path
name: t
version: 1
rules:
  - id: untrusted-to-llm
    title: t
    category: t
    type: path
    match:
      from: [{ kind: data-source, facts: { dataOrigin: [scraped] } }]
      to: { kind: llm }
      carries: [documents]
    controls:
      - { control: contentSafetyFiltering, on: path, effect: closes }
      - { control: dataValidation, on: origin }
    likelihood: 3
    impact: 3
`);

const chain = (guard: Controls = {}, carries = ['documents']) =>
  model({
    components: [
      { id: 'web', kind: 'data-source', label: 'Web crawl', facts: { dataOrigin: ['scraped'] } },
      { id: 'app', kind: 'application', label: 'App', controls: guard },
      { id: 'llm', kind: 'llm', label: 'LLM' },
    ],
    flows: [
      { id: 'a', source: 'web', target: 'app', facts: { carries } },
      { id: 'b', source: 'app', target: 'llm', facts: { carries } },
    ],
  });

describe('path rules', () => {
  it('report the shortest path from the untrusted origin to the sink', () => {
    const [f] = analyze(chain(), [PATH_PACK]).findings;
    expect(f!.key).toBe('untrusted-to-llm@llm');
    expect(f!.path).toEqual(['web', 'app', 'llm']);
    expect(f!.subject).toMatchObject({ type: 'path', id: 'llm' });
  });
  it('stop at a component that has a closing path control', () => {
    expect(analyze(chain({ contentSafetyFiltering: 'present' }), [PATH_PACK]).findings).toEqual([]);
  });
  it('do not follow flows that carry something else', () => {
    expect(analyze(chain({}, ['telemetry']), [PATH_PACK]).findings).toEqual([]);
  });
  it('follow flows that declare nothing', () => {
    expect(analyze(chain({}, []), [PATH_PACK]).findings).toHaveLength(1);
  });
  it('lower the residual score when the origin validates data', () => {
    const m = chain();
    m.components[0]!.controls.dataValidation = 'present';
    const [f] = analyze(m, [PATH_PACK]).findings;
    expect(f!.residual.score).toBeLessThan(f!.inherent.score);
    expect(f!.mitigations.find((x) => x.control === 'dataValidation')).toMatchObject({ present: true, target: { type: 'component', id: 'web' } });
  });
});

describe('boundary rules', () => {
  const crossing = (fromKind: string, toKind: string) =>
    model({
      zones: [
        { id: 'a', kind: fromKind, label: 'A' },
        { id: 'b', kind: toKind, label: 'B' },
      ],
      components: [
        { id: 'x', kind: 'application', label: 'X', zone: 'a' },
        { id: 'y', kind: 'application', label: 'Y', zone: 'b' },
      ],
      flows: [{ id: 'f', source: 'x', target: 'y' }],
    });
  const hits = (m: Model) => analyze(m, builtin.packs).findings.filter((f) => f.ruleId === 'unauthenticated-boundary-crossing');
  it('fire when a flow enters a more trusted zone', () => expect(hits(crossing('internet', 'cloud'))).toHaveLength(1));
  it('do not fire within the same trust level or towards less trust', () => {
    expect(hits(crossing('cloud', 'cloud'))).toHaveLength(0);
    expect(hits(crossing('restricted', 'internet'))).toHaveLength(0);
  });
  it('do not fire for unzoned components', () => {
    const m = crossing('internet', 'cloud');
    delete m.components[0]!.zone;
    expect(hits(m)).toHaveLength(0);
  });
  it('are closed by authentication on the flow', () => {
    const m = crossing('internet', 'cloud');
    m.flows[0]!.controls.authentication = 'present';
    expect(hits(m)).toHaveLength(0);
  });
});

describe('scoring', () => {
  it('raises likelihood for internet exposure and impact for personal data, autonomy and capabilities', () => {
    const m = model({
      components: [{ id: 'a', kind: 'agent', label: 'A', facts: { autonomy: 'autonomous', toolCapabilities: ['execute'], internetFacing: true, dataClassification: 'personal' } }],
    });
    const f = analyze(m, builtin.packs).findings.find((x) => x.key === 'agent-code-execution-unsandboxed@a')!;
    expect(f.inherent.likelihoodFactors.map((x) => x.factor)).toContain('exposure');
    expect(f.inherent.impactFactors.map((x) => x.factor)).toEqual(expect.arrayContaining(['data classification', 'autonomy', 'capabilities']));
    expect(f.inherent.impact).toBe(5);
    expect(f.inherent.severity).toBe('critical');
  });
  it('lowers likelihood for components only reachable inside a restricted zone', () => {
    const m = model({ zones: [{ id: 'r', kind: 'restricted', label: 'R' }], components: [{ id: 'reg', kind: 'model-registry', label: 'Reg', zone: 'r' }] });
    const f = analyze(m, builtin.packs).findings.find((x) => x.key === 'registry-model-theft@reg')!;
    expect(f.inherent.likelihoodFactors.find((x) => x.factor === 'reachability')?.effect).toBe(-1);
  });
});

describe('decisions', () => {
  const m = () =>
    model({
      components: [{ id: 'api', kind: 'inference-api', label: 'API' }],
      decisions: {
        'model-api-no-authentication@api': { status: 'accepted', rationale: 'internal only' },
        'gone-rule@api': { status: 'mitigated', rationale: 'old' },
      },
    });
  it('merge by finding key and default to open', () => {
    const { findings } = analyze(m(), builtin.packs);
    expect(findings.find((f) => f.key === 'model-api-no-authentication@api')!.status).toBe('accepted');
    expect(findings.find((f) => f.key === 'model-input-no-validation@api')!.status).toBe('open');
  });
  it('return decisions whose finding disappeared as stale, never dropped; a closed finding keeps its decision', () => {
    const model2 = m();
    model2.components[0]!.controls.authentication = 'present';
    const { stale, closed } = analyze(model2, builtin.packs);
    expect(stale).toEqual([{ key: 'gone-rule@api', status: 'mitigated', rationale: 'old' }]);
    const closedByAuth = closed.find((f) => f.key === 'model-api-no-authentication@api')!;
    expect(closedByAuth.status).toBe('accepted');
    expect(closedByAuth.closedBy).toEqual([{ control: 'authentication', label: 'Authentication', target: { type: 'component', id: 'api' }, targetLabel: closedByAuth.subject.label }]);
  });
});

describe('determinism', () => {
  it('gives the same sorted findings whatever the order of components and flows', async () => {
    const text = await fs.readFile(path.join(root, 'examples/agent-with-mcp-tools.mercator.json'), 'utf8');
    const a = ModelSchema.parse(JSON.parse(text));
    const b = structuredClone(a);
    b.components.reverse();
    b.flows.reverse();
    const ra = analyze(a, builtin.packs);
    expect(ra.findings.length).toBeGreaterThan(5);
    expect(analyze(b, builtin.packs).findings.map((f) => f.key)).toEqual(ra.findings.map((f) => f.key));
    const severities = ra.findings.map((f) => f.residual.score);
    expect([...severities].sort((x, y) => y - x)).toEqual(severities);
  });
});

describe('bad rule packs', () => {
  const base = (rule: string) => `id: custom\nname: c\nversion: 1\nrules:\n${rule}`;
  const errors = (text: string) => {
    const r = parseRulePack(text, 'rules/custom.yaml');
    return r.ok ? [] : r.errors;
  };
  it('name the file, rule and field of an unknown kind', () => {
    expect(errors(base('  - { id: my-rule, title: t, category: c, type: component, match: { kind: lmm }, controls: [{ control: authentication }], likelihood: 2, impact: 2 }'))).toContain(
      'rules/custom.yaml: rule "my-rule": match.kind: "lmm" is not a component kind',
    );
  });
  it('reject unknown facts, options, controls, ids, types and scores', () => {
    const all = errors(
      base(
        [
          '  - { id: a, title: t, category: c, type: component, match: { kind: llm, facts: { internetFacin: true } }, controls: [{ control: authentication }], likelihood: 2, impact: 2 }',
          '  - { id: b, title: t, category: c, type: component, match: { kind: agent, facts: { autonomy: total } }, controls: [{ control: authentication }], likelihood: 2, impact: 2 }',
          '  - { id: c, title: t, category: c, type: component, match: {}, controls: [{ control: firewall }], likelihood: 2, impact: 2 }',
          '  - { id: d, title: t, category: c, type: component, match: {}, controls: [{ control: authentication }], atlas: [T0051], owasp: [LLM11:2025], likelihood: 2, impact: 2 }',
          '  - { id: e, title: t, category: c, type: magic, match: {}, controls: [], likelihood: 2, impact: 2 }',
          '  - { id: f, title: t, category: c, type: component, match: {}, controls: [{ control: authentication }], likelihood: 9, impact: 2 }',
          '  - { id: g, title: t, category: c, type: component, match: {}, controls: [{ control: authentication, on: sink }], likelihood: 2, impact: 2 }',
          '  - { id: h, title: t, category: c, type: component, match: {}, controls: [{ control: authentication }], likelihood: 2, impact: 2, script: "rm -rf" }',
        ].join('\n'),
      ),
    );
    const expectOne = (pattern: RegExp) => expect(all.some((e) => pattern.test(e)), `${pattern} in\n${all.join('\n')}`).toBe(true);
    expectOne(/rule "a": match\.facts\.internetFacin: "internetFacin" is not a component fact/);
    expectOne(/rule "b": match\.facts\.autonomy: "total" is not an option/);
    expectOne(/rule "c": controls\[0\]\.control: "firewall" is not a control/);
    expectOne(/rule "d": atlas\[0\]: an ATLAS technique id looks like/);
    expectOne(/rule "d": owasp\[0\]: an OWASP id looks like/);
    expectOne(/rule "e": type: must be one of component, flow, boundary, path/);
    expectOne(/rule "f": likelihood:/);
    expectOne(/rule "g": controls\[0\]\.on: "sink" does not apply to a component rule/);
    expectOne(/rule "h": unknown field\(s\) "script"/);
  });
  it('reject invalid YAML and non-mapping documents with the file name', () => {
    expect(errors('rules: [')[0]).toMatch(/^rules\/custom\.yaml: not valid YAML/);
    expect(errors('- 1\n- 2')[0]).toMatch(/^rules\/custom\.yaml: a rule pack is a mapping/);
  });
  it('are reported by the loader with unknown catalog ids and duplicate rule ids, and left out', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mercator-rules-'));
    await fs.writeFile(
      path.join(dir, 'custom.yaml'),
      base('  - { id: model-api-no-authentication, title: t, category: c, type: component, match: {}, controls: [{ control: authentication }], atlas: [AML.T9999], likelihood: 2, impact: 2 }'),
    );
    const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), userDir: dir, userLabel: 'rules' });
    expect(loaded.errors).toEqual([
      'rules/custom.yaml: rule "model-api-no-authentication": atlas[0]: "AML.T9999" is not an ATLAS technique in the catalog',
      'rules/custom.yaml: rule "model-api-no-authentication": id: already defined in data/rules/basics.yaml',
    ]);
    expect(loaded.packs.map((p) => p.id)).not.toContain('custom');
    await fs.rm(dir, { recursive: true });
  });
});
