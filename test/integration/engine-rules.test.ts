// Every built-in rule: a model on which it fires, one on which it does not, and the property that
// switching on the controls it names closes or lowers the finding (fast-check over control subsets).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { analyze } from '../../core/engine/analyze';
import type { Rule } from '../../core/engine/rule-pack';
import type { Finding } from '../../core/engine/types';
import { buildFiringModel, otherKind, switchOn } from '../fixtures/rules/build-fixture';

const root = path.resolve(__dirname, '../..');
const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const packs = loaded.packs;
const rules: Rule[] = packs.flatMap((p) => p.rules);
const find = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

describe('built-in packs', () => {
  it('load without errors and hold at least 40 rules', () => {
    expect(loaded.errors).toEqual([]);
    expect(rules.length).toBeGreaterThanOrEqual(40);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it('fires on its fixture, with reasons, ATLAS tactics and mitigations', () => {
    const built = buildFiringModel(rule);
    const result = analyze(built.model, packs, { techniqueTactics: loaded.techniqueTactics });
    const hits = find(result.findings, rule.id);
    expect(hits.map((f) => f.key)).toEqual([`${rule.id}@${built.subjectId}`]);
    const f = hits[0]!;
    expect(f.reasons.length).toBeGreaterThan(0);
    expect(f.atlas.map((a) => a.technique)).toEqual(rule.atlas);
    for (const a of f.atlas) expect(a.tactics.length).toBeGreaterThan(0);
    expect(f.mitigations.length).toBe(rule.controls.length);
    expect(f.residual.score).toBe(f.residual.likelihood * f.residual.impact);
  });

  it('does not fire when the subject is of another kind or the flows are gone', () => {
    const built = buildFiringModel(rule);
    const model = structuredClone(built.model);
    if (rule.type === 'component') model.components[0]!.kind = otherKind(rule.match);
    else model.flows = [];
    expect(find(analyze(model, packs).findings, rule.id)).toEqual([]);
  });

  it('switching on any subset of its controls never raises the score; all of them close or lower it', () => {
    const built = buildFiringModel(rule);
    const before = find(analyze(built.model, packs).findings, rule.id)[0]!;
    fc.assert(
      fc.property(fc.subarray(rule.controls.map((_, i) => i)), (chosen) => {
        let model = built.model;
        for (const i of chosen) model = switchOn({ ...built, model }, rule.controls[i]!);
        const after = find(analyze(model, packs).findings, rule.id)[0];
        if (after) expect(after.residual.score).toBeLessThanOrEqual(before.residual.score);
        if (chosen.length === rule.controls.length) expect(after === undefined || after.residual.score < before.residual.score).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
