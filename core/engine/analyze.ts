// analyze(model, packs): the threat engine. Pure — no clock, no I/O — and sorted, so the same
// model and packs always give the same findings. Decisions are merged by finding key.
import type { Model } from '../model/schema';
import { CONTROLS, type ControlId } from '../kinds/controls';
import type { AnalysisResult, Finding, MitigationAdvice } from './types';
import { SEVERITIES } from './types';
import type { Rule, RulePack } from './rule-pack';
import { buildGraph, type Graph } from './graph';
import { matchComponentRule, matchFlowRule, matchPathRule, type Candidate, type PathMemo } from './matchers';
import { scoreFinding } from './scoring';
import { quote } from './match';

export interface AnalyzeOptions {
  /** ATLAS technique id → tactic ids (sub-techniques carry their parent's). Without it, tactics are empty. */
  techniqueTactics?: Readonly<Record<string, readonly string[]>>;
}


function candidatesFor(graph: Graph, rule: Rule, memo: PathMemo): Candidate[] {
  switch (rule.type) {
    case 'component':
      return matchComponentRule(graph, rule);
    case 'flow':
    case 'boundary':
      return matchFlowRule(graph, rule);
    case 'path':
      return matchPathRule(graph, rule, memo);
  }
}

function toFinding(graph: Graph, rule: Rule, c: Candidate, options: AnalyzeOptions): Finding | null {
  const mitigations: MitigationAdvice[] = [];
  const presentLowering: string[] = [];
  const missing: string[] = [];
  for (const ref of rule.controls) {
    const targets = c.targets[ref.on] ?? [];
    if (targets.length === 0) continue;
    const holder = targets.find((t) => t.has(ref.control));
    const control = CONTROLS[ref.control as ControlId];
    if (holder && ref.effect === 'closes') return null;
    const target = holder ?? targets[0]!;
    if (holder) presentLowering.push(`${control.label} on ${quote(holder.label)}`);
    else missing.push(`No ${control.label.toLowerCase()} on ${quote(target.label)}.`);
    mitigations.push({
      atlas: [...(ref.atlas ?? control.atlas)],
      control: ref.control,
      label: control.label,
      effect: ref.effect,
      target: { type: target.type, id: target.id },
      present: holder !== undefined,
    });
  }
  const { inherent, residual } = scoreFinding(graph, {
    base: { likelihood: rule.likelihood, impact: rule.impact },
    node: c.node,
    flowIndexes: c.flowIndexes,
    presentControls: presentLowering,
  });
  const key = `${rule.id}@${c.subject.id}`;
  return {
    key,
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    subject: c.subject,
    ...(c.path ? { path: c.path } : {}),
    reasons: [...c.reasons, ...missing],
    atlas: rule.atlas.map((technique) => ({ technique, tactics: [...(options.techniqueTactics?.[technique] ?? [])] })),
    owasp: [...rule.owasp],
    inherent,
    residual,
    mitigations,
    status: 'open',
  };
}

const severityRank = (f: Finding) => SEVERITIES.indexOf(f.residual.severity);

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b) - severityRank(a) ||
    b.residual.score - a.residual.score ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function analyze(model: Model, packs: readonly RulePack[], options: AnalyzeOptions = {}): AnalysisResult {
  const graph = buildGraph(model);
  const memo: PathMemo = new Map();
  const byKey = new Map<string, Finding>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      for (const candidate of candidatesFor(graph, rule, memo)) {
        const finding = toFinding(graph, rule, candidate, options);
        if (finding && !byKey.has(finding.key)) byKey.set(finding.key, finding);
      }
    }
  }
  const findings = [...byKey.values()];
  for (const finding of findings) {
    const decision = Object.hasOwn(model.decisions, finding.key) ? model.decisions[finding.key] : undefined;
    if (decision) finding.status = decision.status;
  }
  findings.sort(compareFindings);
  const stale = Object.keys(model.decisions)
    .filter((key) => !byKey.has(key))
    .sort()
    .map((key) => ({ key, status: model.decisions[key]!.status, rationale: model.decisions[key]!.rationale }));
  return { findings, stale };
}

/** Decided statuses: a finding with one of these does not fail a build. */
export const DECIDED_STATUSES = ['mitigated', 'accepted', 'transferred', 'not-applicable'] as const;

export function isDecided(finding: Finding): boolean {
  return (DECIDED_STATUSES as readonly string[]).includes(finding.status);
}
