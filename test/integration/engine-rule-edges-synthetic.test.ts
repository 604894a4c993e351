// The derived edge cases (test/fixtures/rules/edge-cases.ts) on rules shaped unlike any built-in
// one — a zone condition, reachableFromInternet: false, flow anyFacts, a trust gap of 2, lowering
// flow facts, closing `path` and `origin` controls — so the branches the built-in packs do not
// reach yet are known to hold when a rule like these is added.
import { describe, it } from 'vitest';
import { parseRulePack } from '../../core/engine/rule-pack';
import { edgeCases, expectEdgeCase } from '../fixtures/rules/edge-cases';

const parsed = parseRulePack(
  `
id: synthetic
name: Synthetic shapes
version: 1
rules:
  - id: zoned-internal-agent
    title: t
    category: t
    type: component
    match: { kind: agent, zone: [cloud, corporate], facts: { autonomy: [supervised, autonomous] }, reachableFromInternet: false }
    controls: [{ control: humanApproval, effect: closes }]
    likelihood: 2
    impact: 2
  - id: feedback-or-labels
    title: t
    category: t
    type: flow
    match:
      target: { kind: training, anyFacts: { learnsFromFeedback: true, usesPublicImages: true } }
      flow: { anyFacts: { carries: [feedback, labels], classification: personal } }
    controls: [{ control: encryptionInTransit, on: flow }, { control: dataValidation, on: target, effect: closes }]
    likelihood: 2
    impact: 2
  - id: wide-gap
    title: t
    category: t
    type: boundary
    match: { target: { kind: [inference-api, llm] }, minTrustGap: 2 }
    controls: [{ control: authentication, on: flow }, { control: rateLimiting, on: target, effect: closes }]
    likelihood: 2
    impact: 2
  - id: guarded-path
    title: t
    category: t
    type: path
    match:
      from: [{ kind: data-source, facts: { dataOrigin: [scraped, user] } }, { kind: client, zone: internet }]
      to: { kind: llm, facts: { thirdPartyHosted: false } }
      carries: [documents, prompts]
    controls:
      - { control: contentSafetyFiltering, on: path, effect: closes }
      - { control: dataProvenance, on: origin, effect: closes }
    likelihood: 2
    impact: 2
`,
  'synthetic.yaml',
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const packs = [parsed.pack];

describe.each(parsed.pack.rules.map((r) => [r.id, r] as const))('synthetic rule %s', (_id, rule) => {
  const cases = edgeCases(rule, packs);
  it.each(cases)('$name', (c) => expectEdgeCase(rule, c, packs));
});
