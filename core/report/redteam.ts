// The red-team plan: for every open finding, the kinds of test that would show whether it is real,
// what to look for, and which controls a passing test shows to work; grouped by component (or flow,
// or path). Derived from the finding's ATLAS techniques and category and from its mitigations; the
// test descriptions are this project's own words and name tool families, not products.
import type { RedTeamGroup, RedTeamItem, RedTeamTest, RegisterEntry } from './types';
import { isOpen } from './status';

interface TestKind {
  label: string;
  method: string;
  observe: string;
}

export const TEST_KINDS = {
  'prompt-injection': {
    label: 'Prompt-injection and jailbreak probes',
    method:
      'Send crafted instructions through every input the component reads: the user turn and everything it retrieves or is handed (documents, e-mail, web pages, tool results). Use a prompt-injection probe set or an LLM vulnerability scanner, and add role-play, encoding and multi-turn jailbreaks.',
    observe: 'The model follows planted instructions, drops its system rules, reveals hidden instructions or calls tools nobody asked for.',
  },
  adversarial: {
    label: 'Adversarial examples',
    method:
      'Perturb inputs with an adversarial-ML toolkit: small pixel, token or feature changes and physical patches, black-box through the API and white-box where the weights are at hand; include transfer attacks crafted on a surrogate model.',
    observe: 'Decisions flip under changes a person would not notice, or confidence collapses near the decision boundary.',
  },
  poisoning: {
    label: 'Data-poisoning and label-flip checks',
    method:
      'Trace where training, fine-tuning and retrieval data come from. On a staging copy, plant a small canary set of mislabeled or trigger-carrying records, retrain or re-index, and run label-noise and outlier detection on the real set.',
    observe: 'Canaries reach the model or index unnoticed, a trigger changes behaviour, clean hold-out accuracy shifts, or labels disagree with an independent re-labelled sample.',
  },
  integrity: {
    label: 'Model verification and integrity checks',
    method:
      'Check hashes and signatures of every model artifact against what its source publishes; scan serialized models for embedded code; compare behaviour with a reference on a fixed evaluation set and probe for backdoor triggers.',
    observe: 'Unsigned or mismatched artifacts load, the scanner finds an executable payload, or the model departs from its reference.',
  },
  'output-validation': {
    label: 'Output validation tests',
    method:
      'Make the model produce markup, links, code, shell or SQL fragments and oversized or malformed answers, and pass them to the downstream systems the way production does.',
    observe: 'Downstream components render, run or store the output without encoding, schema checks or filtering; harmful or off-policy content gets through.',
  },
  extraction: {
    label: 'Extraction and membership-inference probes',
    method:
      'Within an agreed query budget, query the model to clone its behaviour, to tell training-set members from non-members, and to pull system prompts, secrets or other users\u2019 data out of its answers.',
    observe: 'A surrogate agrees closely after few queries, member records score distinctly, or answers contain training data, secrets or hidden prompts.',
  },
  'tool-misuse': {
    label: 'Tool-misuse scenarios',
    method:
      'In a sandbox with the real tool permissions, script scenarios where the agent is steered (by a user or by content it reads) to call tools with harmful arguments, chain tools to move data out, or act beyond its task.',
    observe: 'Tools run without confirmation or least-privilege limits, data leaves through a tool, or actions exceed what the user may do.',
  },
  abuse: {
    label: 'Resource-abuse tests',
    method: 'Send long, repeated and expensive requests and many parallel sessions from one identity.',
    observe: 'No rate limit, quota or cost alarm stops them; latency or cost grows without bound.',
  },
  config: {
    label: 'Configuration review',
    method: 'Check the element\u2019s settings against the controls the finding names (authentication, encryption, logging, network exposure) in the deployed system, not the design.',
    observe: 'A control the design relies on is missing, switched off or weaker than recorded.',
  },
} as const satisfies Record<string, TestKind>;
export type TestKindId = keyof typeof TEST_KINDS;

/** Finding categories (rule packs) → test kinds. */
const BY_CATEGORY: Record<string, TestKindId[]> = {
  'Prompt injection': ['prompt-injection'],
  Jailbreak: ['prompt-injection'],
  'System prompt leakage': ['extraction', 'prompt-injection'],
  'Sensitive information disclosure': ['extraction', 'output-validation'],
  Evasion: ['adversarial'],
  'Data poisoning': ['poisoning'],
  'Agent memory poisoning': ['poisoning', 'prompt-injection'],
  'Vector and embedding weaknesses': ['poisoning', 'extraction'],
  'Model poisoning': ['integrity', 'poisoning'],
  'AI supply chain': ['integrity'],
  'Model theft': ['extraction'],
  'Excessive agency': ['tool-misuse'],
  Exfiltration: ['tool-misuse', 'extraction'],
  'Improper output handling': ['output-validation'],
  'Responsible AI': ['output-validation'],
  'Unbounded consumption': ['abuse'],
  'Basic hygiene': ['config'],
};

/** ATLAS technique ids (and their sub-techniques) → test kinds. */
const BY_TECHNIQUE: Array<[string, TestKindId]> = [
  ['AML.T0051', 'prompt-injection'],
  ['AML.T0054', 'prompt-injection'],
  ['AML.T0056', 'extraction'],
  ['AML.T0015', 'adversarial'],
  ['AML.T0041', 'adversarial'],
  ['AML.T0042', 'adversarial'],
  ['AML.T0043', 'adversarial'],
  ['AML.T0019', 'poisoning'],
  ['AML.T0020', 'poisoning'],
  ['AML.T0059', 'poisoning'],
  ['AML.T0070', 'poisoning'],
  ['AML.T0080', 'poisoning'],
  ['AML.T0010', 'integrity'],
  ['AML.T0011', 'integrity'],
  ['AML.T0018', 'integrity'],
  ['AML.T0058', 'integrity'],
  ['AML.T0076', 'integrity'],
  ['AML.T0024', 'extraction'],
  ['AML.T0035', 'extraction'],
  ['AML.T0044', 'extraction'],
  ['AML.T0048.004', 'extraction'],
  ['AML.T0057', 'extraction'],
  ['AML.T0050', 'tool-misuse'],
  ['AML.T0053', 'tool-misuse'],
  ['AML.T0085', 'tool-misuse'],
  ['AML.T0086', 'tool-misuse'],
  ['AML.T0067', 'output-validation'],
  ['AML.T0077', 'output-validation'],
  ['AML.T0029', 'abuse'],
  ['AML.T0034', 'abuse'],
];

const ORDER = Object.keys(TEST_KINDS) as TestKindId[];

/** The kinds of test for a finding, in a fixed order; a configuration review when nothing else fits. */
export function testKindsFor(category: string, techniques: string[]): TestKindId[] {
  const kinds = new Set<TestKindId>(BY_CATEGORY[category] ?? []);
  for (const t of techniques) for (const [prefix, kind] of BY_TECHNIQUE) if (t === prefix || t.startsWith(`${prefix}.`)) kinds.add(kind);
  if (kinds.size === 0) kinds.add('config');
  return ORDER.filter((k) => kinds.has(k));
}

export function buildRedTeamPlan(entries: RegisterEntry[], groupOrder: Array<{ subject: RegisterEntry['subject'] }>): RedTeamGroup[] {
  const groups = new Map<string, RedTeamGroup>();
  const keyOf = (s: RegisterEntry['subject']) => `${s.type}:${s.id}\u0000${s.type === 'path' ? s.label : ''}`;
  for (const g of groupOrder) if (!groups.has(keyOf(g.subject))) groups.set(keyOf(g.subject), { subject: g.subject, items: [] });
  for (const e of entries) {
    if (!isOpen(e)) continue;
    const verifies = [...new Set(e.mitigations.map((m) => `${m.controlLabel} on ${m.target.label}`))];
    const tests: RedTeamTest[] = testKindsFor(e.category, e.atlas.map((a) => a.id)).map((kind) => ({ kind, kindLabel: TEST_KINDS[kind].label, method: TEST_KINDS[kind].method, observe: TEST_KINDS[kind].observe, verifies }));
    const item: RedTeamItem = { ref: e.ref, title: e.title, residual: e.residual, atlas: e.atlas.map((a) => a.id), tests };
    const key = keyOf(e.subject);
    if (!groups.has(key)) groups.set(key, { subject: e.subject, items: [] });
    groups.get(key)!.items.push(item);
  }
  return [...groups.values()].filter((g) => g.items.length > 0);
}
