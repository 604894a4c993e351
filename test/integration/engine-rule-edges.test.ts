// Every built-in rule on its edge cases, derived from the rule's own structure (test/fixtures/rules/
// edge-cases.ts): each condition from both sides and unset, every listed kind and origin, the flow
// reversed, the trust gap at and below its minimum, one more hop and a cut path, carried data, and
// closing controls that do not count because they are off or in the wrong place.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import type { Rule } from '../../core/engine/rule-pack';
import { edgeCases, expectEdgeCase } from '../fixtures/rules/edge-cases';

const root = path.resolve(__dirname, '../..');
const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const packs = loaded.packs;
const rules: Rule[] = packs.flatMap((p) => p.rules);

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  const cases = edgeCases(rule, packs);

  it('has edge cases on both sides, with distinct names', () => {
    expect(cases.some((c) => c.keys.length === 0)).toBe(true);
    expect(cases.some((c) => c.keys.length > 0)).toBe(true);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name', (c) => expectEdgeCase(rule, c, packs));
});
