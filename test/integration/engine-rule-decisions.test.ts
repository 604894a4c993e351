// Every built-in rule: a decision stored under its finding key is merged into the finding, and one
// whose finding vanished (or that names another subject) comes back as stale (test/fixtures/rules/
// decision-cases.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { analyze } from '../../core/engine/analyze';
import type { Rule } from '../../core/engine/rule-pack';
import { decisionCases } from '../fixtures/rules/decision-cases';

const root = path.resolve(__dirname, '../..');
const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const packs = loaded.packs;
const rules: Rule[] = packs.flatMap((p) => p.rules);

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it.each(decisionCases(rule))('$name', (c) => {
    const result = analyze(c.model, packs);
    const mine = (key: string) => key.startsWith(`${rule.id}@`) || key.startsWith(`${rule.id}-v0@`);
    const findings = Object.fromEntries(result.findings.filter((f) => f.ruleId === rule.id).map((f) => [f.key, f.status]));
    expect(findings).toEqual(c.findings);
    expect(result.stale.filter((s) => mine(s.key))).toEqual(c.stale);
    const closed = Object.fromEntries(result.closed.filter((f) => f.ruleId === rule.id).map((f) => [f.key, f.status]));
    expect(closed).toEqual(c.closed ?? {});
  });
});
