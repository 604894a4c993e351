// Every control a built-in rule advises can be switched on where it is advised. The inspector offers a
// component only its kind's controls (core/kinds/definitions/*) and a flow only the flow controls
// (core/kinds/flow-facts.ts), so advice elsewhere is dead and a closing control there never closes:
// - `on: flow`: a flow control;
// - a subject, source, target or sink whose condition lists kinds: every listed kind has the control;
// - where the rule does not name the kinds (a condition without `kind`, the origins of a path, which
//   are often people or outside services with no controls, and the hops of a path, which can be any
//   component): some kind that can stand there has it, and the engine advises only components that
//   have it (on a path, the nearest such hop, the sink last);
// - every finding keeps at least one control that can be switched on, whatever kinds it involves: on
//   the flow, at the subject, at every source or every target, or at the sink (a path may lead
//   straight from the origin to the sink).
// The loader reports the same problems in users' packs as warnings (checkPackControls).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/engine/analyze';
import { parseRulePack, type ComponentMatch, type Rule } from '../../core/engine/rule-pack';
import { checkPackControls } from '../../core/engine/rule-pack-controls';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { loadUserPack } from '../fixtures/rules/user-pack';
import { FLOW_CONTROL_IDS } from '../../core/kinds/flow-facts';
import { COMPONENT_KIND_IDS } from '../../core/kinds/ids';
import { getKind } from '../../core/kinds/registry';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Model, type ModelInput } from '../../core/model/schema';

const root = path.resolve(__dirname, '../..');
const builtin = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const rules: Rule[] = builtin.packs.flatMap((p) => p.rules);

const has = (kind: string, control: string) => Object.hasOwn(getKind(kind)!.controlFields, control);
const declaresFacts = (kind: string, m: ComponentMatch) => Object.keys(m.facts ?? {}).every((f) => Object.hasOwn(getKind(kind)!.factFields, f));

/** The kinds a condition can match, and whether the rule names them. */
function kinds(m: ComponentMatch | undefined): { kinds: string[]; named: boolean } {
  if (m?.kind) return { kinds: [...m.kind], named: true };
  return { kinds: COMPONENT_KIND_IDS.filter((k) => !m?.notKind?.includes(k) && (!m || declaresFacts(k, m))), named: false };
}

/** The kinds that can stand where a control goes; `named` when the rule lists them for that place. */
function place(rule: Rule, on: string): { kinds: string[]; named: boolean } {
  if (rule.type === 'component') return kinds(rule.match);
  if (rule.type === 'flow' || rule.type === 'boundary') return kinds(on === 'source' ? rule.match.source : rule.match.target);
  if (on === 'sink') return kinds(rule.match.to);
  if (on === 'origin') return { kinds: [...new Set(rule.match.from.flatMap((m) => kinds(m).kinds))], named: false };
  return { kinds: [...COMPONENT_KIND_IDS], named: false }; // a hop: any component, the sink included
}

function problems(rule: Rule): string[] {
  const found: string[] = [];
  for (const [i, ref] of rule.controls.entries()) {
    const where = `controls[${i}] ${ref.control} on ${ref.on}`;
    if (ref.on === 'flow') {
      if (!(FLOW_CONTROL_IDS as readonly string[]).includes(ref.control)) found.push(`${where}: not a flow control`);
      continue;
    }
    const at = place(rule, ref.on);
    if (at.named) for (const k of at.kinds.filter((x) => !has(x, ref.control))) found.push(`${where}: kind ${k} does not have it`);
    else if (!at.kinds.some((k) => has(k, ref.control))) found.push(`${where}: no kind that can be there has it`);
  }
  // Every finding keeps a control that can be switched on.
  const keeps = (on: string[], kind: string) => rule.controls.some((c) => on.includes(c.on) && has(kind, c.control));
  if (rule.type === 'component') {
    for (const k of place(rule, 'subject').kinds) if (!keeps(['subject'], k)) found.push(`subject ${k}: no control can be switched on`);
  } else if (rule.type === 'path') {
    for (const k of place(rule, 'sink').kinds) if (!keeps(['sink', 'path'], k)) found.push(`sink ${k}: no sink or path control can be switched on`);
  } else if (!rule.controls.some((c) => c.on === 'flow' && (FLOW_CONTROL_IDS as readonly string[]).includes(c.control))) {
    for (const s of place(rule, 'source').kinds) {
      for (const t of place(rule, 'target').kinds) if (!keeps(['source'], s) && !keeps(['target'], t)) found.push(`flow ${s} → ${t}: no control can be switched on`);
    }
  }
  return found;
}

const model = (input: Omit<ModelInput, 'schemaVersion' | 'meta'>): Model => ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 't' }, ...input });
const findings = (m: Model, ruleId: string) => analyze(m, builtin.packs).findings.filter((f) => f.ruleId === ruleId);
const advice = (m: Model, ruleId: string) => findings(m, ruleId).map((f) => f.mitigations.map((x) => `${x.control}@${x.target.id}${x.present ? '+' : ''}`));

describe('controls named by the built-in rules', () => {
  it('load without errors or warnings', () => {
    expect(builtin.errors).toEqual([]);
    expect(builtin.warnings).toEqual([]);
    for (const pack of builtin.packs) expect(checkPackControls(pack, pack.id)).toEqual([]);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: every control it names can be switched on where it is advised', (_id, rule) => {
    expect(problems(rule)).toEqual([]);
  });

  it('sit at every kind of place (the checks above cover them all)', () => {
    expect([...new Set(rules.flatMap((r) => r.controls.map((c) => c.on)))].sort()).toEqual(['flow', 'origin', 'path', 'sink', 'source', 'subject', 'target']);
  });
});

describe('the engine advises a control only where it can be switched on', () => {
  const chat = (between: Array<{ id: string; kind: string; facts?: Record<string, boolean> }>) =>
    model({
      zones: [{ id: 'net', kind: 'internet', label: 'Internet' }],
      components: [{ id: 'user', kind: 'user', label: 'User', zone: 'net' }, ...between.map((c) => ({ ...c, label: c.id })), { id: 'llm', kind: 'llm', label: 'LLM' }],
      flows: ['user', ...between.map((c) => c.id)].map((from, i, all) => ({ id: `f${i}`, source: from, target: all[i + 1] ?? 'llm', facts: { carries: ['prompts'] } })),
    });

  // Not internet-facing, so not an origin itself: the path runs user → client → ….
  const client = { id: 'client', kind: 'client', facts: { internetFacing: false } };

  it('on a path: the hop nearest the sink that offers it, else the sink (a client offers no input validation)', () => {
    expect(advice(chat([client]), 'direct-prompt-injection')).toEqual([
      ['inputValidation@llm', 'contentSafetyFiltering@llm', 'systemPromptHygiene@llm', 'adversarialTesting@llm'],
    ]);
    expect(advice(chat([client, { id: 'app', kind: 'application' }]), 'direct-prompt-injection')).toEqual([
      ['inputValidation@app', 'contentSafetyFiltering@app', 'systemPromptHygiene@app', 'adversarialTesting@llm'],
    ]);
  });

  it('nowhere when nothing at its place offers it; a closing flow control still can be', () => {
    const crossing = (kind: string) =>
      model({
        zones: [
          { id: 'net', kind: 'internet', label: 'Internet' },
          { id: 'in', kind: 'restricted', label: 'Restricted' },
        ],
        components: [
          { id: 'partner', kind: 'external-service', label: 'Partner', zone: 'net' },
          { id: 'x', kind, label: 'X', zone: 'in' },
        ],
        flows: [{ id: 'f', source: 'partner', target: 'x' }],
      });
    expect(advice(crossing('inference-api'), 'unauthenticated-boundary-crossing')).toEqual([['authentication@f', 'inputValidation@x']]);
    const [store] = findings(crossing('data-store'), 'unauthenticated-boundary-crossing');
    expect(store!.mitigations.map((x) => `${x.control}@${x.target.id}`)).toEqual(['authentication@f']);
    expect(store!.reasons.join(' ')).not.toContain('input validation');
  });

  it('still counts a control set by hand on a kind that does not offer it (only an edited file can)', () => {
    const m = model({
      zones: [{ id: 'net', kind: 'internet', label: 'Internet' }],
      components: [
        { id: 'user', kind: 'user', label: 'User', zone: 'net' },
        { id: 'relay', kind: 'data-pipeline', label: 'Relay', controls: { inputValidation: 'present' } },
        { id: 'llm', kind: 'llm', label: 'LLM' },
      ],
      flows: [
        { id: 'a', source: 'user', target: 'relay', facts: { carries: ['prompts'] } },
        { id: 'b', source: 'relay', target: 'llm', facts: { carries: ['prompts'] } },
      ],
    });
    const [f] = findings(m, 'direct-prompt-injection');
    expect(f!.mitigations.find((x) => x.control === 'inputValidation')).toMatchObject({ present: true, target: { id: 'relay' } });
    expect(f!.residual.score).toBeLessThan(f!.inherent.score);
  });

  it('once, when a path control and a sink control fall on the same component', () => {
    const m = model({
      components: [
        { id: 'crawl', kind: 'data-source', label: 'Crawl', facts: { dataOrigin: ['scraped'] } },
        { id: 'vs', kind: 'vector-store', label: 'Index' },
      ],
      flows: [{ id: 'f', source: 'crawl', target: 'vs', facts: { carries: ['documents'] } }],
    });
    expect(advice(m, 'rag-poisoning')).toEqual([['dataValidation@vs', 'dataProvenance@crawl']]);
    const before = findings(m, 'rag-poisoning')[0]!.residual.score;
    m.components[1]!.controls.dataValidation = 'present';
    const after = findings(m, 'rag-poisoning')[0]!;
    expect(after.mitigations.filter((x) => x.present)).toHaveLength(1);
    expect(after.residual.score).toBeLessThan(before);
  });
});

describe('a control where it cannot be switched on, in a user pack', () => {
  const pack = (rule: string) => {
    const r = parseRulePack(`id: t\nname: t\nversion: 1\nrules:\n  - { id: r, title: t, category: t, likelihood: 2, impact: 2, ${rule} }\n`, 'rules/t.yaml');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.pack;
  };

  it('is a warning naming the file, the rule and the field', () => {
    expect(checkPackControls(pack('type: component, match: { kind: [vector-store, user] }, controls: [{ control: tenantIsolation, effect: closes }, { control: loggingMonitoring }]'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": controls[0].control: the kind "user" (match) does not have the control "tenantIsolation", so it can never be switched on at the subject and never closes the finding there',
      'rules/t.yaml: rule "r": controls[1].control: the kind "user" (match) does not have the control "loggingMonitoring", so it can never be switched on at the subject',
      'rules/t.yaml: rule "r": controls: none of them can be switched on for a subject of kind "user", so such a finding can be neither closed nor lowered',
    ]);
    // A flow has its own controls; `encrypted` and `authenticated` facts count as two of them.
    expect(checkPackControls(pack('type: flow, match: { target: { kind: llm } }, controls: [{ control: modelSigning, on: flow }, { control: contentSafetyFiltering, on: target }]'), 'rules/t.yaml')).toEqual([
      `rules/t.yaml: rule "r": controls[0].control: a flow does not have the control "modelSigning" (flows have ${FLOW_CONTROL_IDS.join(', ')}), so it can never be switched on there`,
    ]);
    // Where the rule names no kind, one kind that can be there is enough: the engine advises only those.
    expect(checkPackControls(pack('type: flow, match: { target: { notKind: [user] } }, controls: [{ control: inputValidation, on: target }, { control: authentication, on: flow }]'), 'rules/t.yaml')).toEqual([]);
    expect(checkPackControls(pack('type: flow, match: { source: { kind: user } }, controls: [{ control: livenessDetection, on: target }]'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": controls: none of them can be switched on for a flow from "user" to "user", "operator", "external-service", "data-source", "data-store"' +
        ` or ${COMPONENT_KIND_IDS.filter((k) => !has(k, 'livenessDetection')).length - 5} other kinds, so such a finding can be neither closed nor lowered`,
    ]);
    expect(checkPackControls(pack('type: path, match: { from: [{ kind: user }], to: { kind: memory } }, controls: [{ control: confidenceMasking, on: path }, { control: dataProvenance, on: origin }]'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": controls[1].control: no component kind that match.from can match has the control "dataProvenance", so it is never advised at the origin',
      'rules/t.yaml: rule "r": controls: none of them can be switched on at a sink of kind "memory", so a finding whose path leads straight there can be neither closed nor lowered',
    ]);
  });

  it('is a warning from the loader; the pack still loads and `rules check` still passes', async () => {
    const { loaded, folder, check } = await loadUserPack([
      '  - { id: kb, title: t, category: c, type: component, match: { kind: [knowledge-base, external-service] }, controls: [{ control: retrievalAccessControl, effect: closes }, { control: authorization }], likelihood: 2, impact: 2 }',
    ]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.packs.map((p) => p.id)).toContain('custom');
    expect(loaded.warnings.filter((w) => w.startsWith('rules/'))).toEqual([
      'rules/custom.yaml: rule "kb": controls[0].control: the kind "external-service" (match) does not have the control "retrievalAccessControl", so it can never be switched on at the subject and never closes the finding there',
      'rules/custom.yaml: rule "kb": controls[1].control: the kind "external-service" (match) does not have the control "authorization", so it can never be switched on at the subject',
      'rules/custom.yaml: rule "kb": controls: none of them can be switched on for a subject of kind "external-service", so such a finding can be neither closed nor lowered',
    ]);
    expect(check.code).toBe(0);
    expect(check.out).toEqual(['custom: 1 rule(s) valid']);
    expect(check.err).toEqual(loaded.warnings.map((w) => `warning: ${w.replace(/^rules\//, `${folder}/`)}`));
  });
});
