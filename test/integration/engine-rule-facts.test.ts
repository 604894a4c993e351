// Every fact a built-in rule checks on a component can be set on the kinds the condition applies to.
// The inspector offers a kind only its own facts (core/kinds/definitions/*), and the engine gives a
// fact the kind does not declare no value, so a condition on it never holds, not even `false`. So:
// - a condition that lists kinds: every listed kind declares every fact in `facts` and `anyFacts`;
// - a condition that lists none: its `facts` pick the kinds that declare them (`internetFacing: true`
//   means "any internet-facing component"), so some kind outside `notKind` declares them all, and
//   each `anyFacts` fact is declared by one of those kinds.
// The loader reports the same problems in users' packs as warnings (checkPackFacts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/engine/analyze';
import { checkPackFacts, parseRulePack, type ComponentMatch, type Rule } from '../../core/engine/rule-pack';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { loadUserPack } from '../fixtures/rules/user-pack';
import { COMPONENT_KIND_IDS } from '../../core/kinds/ids';
import { getKind } from '../../core/kinds/registry';
import { CURRENT_SCHEMA_VERSION, ModelSchema } from '../../core/model/schema';

const root = path.resolve(__dirname, '../..');
const builtin = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const rules: Rule[] = builtin.packs.flatMap((p) => p.rules);

const declares = (kind: string, fact: string) => Object.hasOwn(getKind(kind)!.factFields, fact);

/** Every component condition in a rule's match, found by walking it (all but the flow's own facts). */
function conditions(rule: Rule): Array<[string, ComponentMatch]> {
  if (rule.type === 'component') return [['match', rule.match]];
  const out: Array<[string, ComponentMatch]> = [];
  const isMatch = (v: unknown): v is ComponentMatch => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const [key, value] of Object.entries(rule.match)) {
    if (key === 'flow') continue; // the flow's own facts; carries and minTrustGap hold no objects
    if (Array.isArray(value)) value.forEach((m, i) => isMatch(m) && out.push([`match.${key}[${i}]`, m]));
    else if (isMatch(value)) out.push([`match.${key}`, value]);
  }
  return out;
}

function problems(rule: Rule): string[] {
  const found: string[] = [];
  for (const [where, m] of conditions(rule)) {
    const facts = Object.keys(m.facts ?? {});
    const anyFacts = Object.keys(m.anyFacts ?? {});
    if (m.kind) {
      for (const fact of [...facts, ...anyFacts]) for (const k of m.kind) if (!declares(k, fact)) found.push(`${where}: kind ${k} has no fact ${fact}`);
      continue;
    }
    const pool = COMPONENT_KIND_IDS.filter((k) => !m.notKind?.includes(k) && facts.every((f) => declares(k, f)));
    if (pool.length === 0) found.push(`${where}: no kind has all of ${facts.join(', ')}`);
    for (const fact of anyFacts) if (!pool.some((k) => declares(k, fact))) found.push(`${where}: no kind it can match has ${fact}`);
  }
  return found;
}

describe('facts named by the built-in rules', () => {
  it('load without errors or warnings', () => {
    expect(builtin.errors).toEqual([]);
    expect(builtin.warnings).toEqual([]);
    expect(rules.length).toBeGreaterThan(30);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: every fact it checks is one the kinds it applies to have', (_id, rule) => {
    expect(problems(rule)).toEqual([]);
  });

  it('include the conditions of every rule type (the walk above finds them)', () => {
    const where = new Set(rules.flatMap((r) => conditions(r).map(([w]) => w.replace(/\[\d+\]$/, '[]'))));
    expect([...where].sort()).toEqual(['match', 'match.from[]', 'match.source', 'match.target', 'match.to']);
  });
});

describe('a fact the kind does not declare', () => {
  const pack = (match: string) => {
    const r = parseRulePack(
      `id: t\nname: t\nversion: 1\nrules:\n  - { id: r, title: t, category: t, type: component, match: ${match}, controls: [{ control: authentication }], likelihood: 2, impact: 2 }\n`,
      'rules/t.yaml',
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.pack;
  };
  const fires = (kind: string, match: string, facts: Record<string, unknown> = {}) =>
    analyze(ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 't' }, components: [{ id: 'c', kind, label: 'C', facts }] }), [pack(match)]).findings.length === 1;

  it('has no value in the engine: no condition on it holds, not even false (the kind default applies only to declared facts)', () => {
    expect(declares('user', 'systemPromptHasSecrets')).toBe(false);
    expect(fires('user', '{ facts: { systemPromptHasSecrets: false } }')).toBe(false);
    expect(fires('llm', '{ facts: { systemPromptHasSecrets: false } }')).toBe(true);
    // Only a hand-edited file can set it; the inspector cannot.
    expect(fires('user', '{ facts: { systemPromptHasSecrets: false } }', { systemPromptHasSecrets: false })).toBe(true);
  });

  it('is reported as a warning naming the file, the rule and the field', () => {
    expect(checkPackFacts(pack('{ kind: [llm, user, operator], facts: { systemPromptHasSecrets: true } }'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": match.facts.systemPromptHasSecrets: the kinds "user", "operator" do not have this fact, so the condition never holds for them',
    ]);
    expect(checkPackFacts(pack('{ kind: tool, anyFacts: { thirdPartyProvided: true, modelOnDevice: true } }'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": match.anyFacts.modelOnDevice: the kind "tool" does not have this fact, so the condition never holds for it',
    ]);
    expect(checkPackFacts(pack('{ facts: { modelOnDevice: true, persistent: true } }'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": match.facts: no component kind has all of "modelOnDevice", "persistent", so the condition never holds',
    ]);
    expect(checkPackFacts(pack('{ facts: { persistent: true }, anyFacts: { multiTenant: true, modelOnDevice: true } }'), 'rules/t.yaml')).toEqual([
      'rules/t.yaml: rule "r": match.anyFacts.modelOnDevice: no component kind that has "persistent" also has this fact, so it never holds',
    ]);
    // Without a kind, a fact picks the kinds that have it: fine as long as some kind does.
    expect(checkPackFacts(pack('{ notKind: [user], facts: { internetFacing: true } }'), 'rules/t.yaml')).toEqual([]);
  });

  it('in a flow or path rule of a user pack is a warning from the loader; the pack still loads', async () => {
    const { loaded, folder, check } = await loadUserPack([
      '  - { id: f, title: t, category: c, type: flow, match: { source: { kind: [user] }, target: { kind: [agent, tool], facts: { autonomy: autonomous } } }, controls: [{ control: authentication }], likelihood: 2, impact: 2 }',
      '  - { id: p, title: t, category: c, type: path, match: { from: [{ kind: [data-source] }, { kind: [user], facts: { dataOrigin: user } }], to: { kind: [llm] } }, controls: [{ control: inputValidation }], likelihood: 2, impact: 2 }',
    ]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.packs.map((p) => p.id)).toContain('custom');
    expect(loaded.warnings.filter((w) => w.startsWith('rules/'))).toEqual([
      'rules/custom.yaml: rule "f": match.target.facts.autonomy: the kind "tool" does not have this fact, so the condition never holds for it',
      'rules/custom.yaml: rule "p": match.from[1].facts.dataOrigin: the kind "user" does not have this fact, so the condition never holds for it',
    ]);
    // `mercator rules check` prints them on stderr and still exits 0.
    expect(check.code).toBe(0);
    expect(check.out).toEqual(['custom: 2 rule(s) valid']);
    expect(check.err).toEqual(loaded.warnings.map((w) => `warning: ${w.replace(/^rules\//, `${folder}/`)}`));
  });
});
