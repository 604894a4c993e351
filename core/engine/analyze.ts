// analyze(model, packs): the threat engine. Pure — no clock, no I/O — and sorted, so the same
// model and packs always give the same findings. Decisions are merged by finding key.
import type { Model } from '../model/schema';
import { SEVERITIES, type AnalysisResult, type ClosingControl, type Finding, type MitigationAdvice, type Severity } from './types';
import { userThreatFindings } from './user-threats';
import { applyOverrides, markOutOfScope } from './adjust';
import type { Rule, RulePack } from './rule-pack';
import { buildGraph, hasComponentControl, hasFlowControl, offersComponentControl, type Graph } from './graph';
import { isFlowControl } from '../kinds/flow-facts';
import { compileRule, type CompiledRule } from './compile';
import { matchComponentRule, matchFlowRule, matchPathRule, type Candidate, type Emit, type PathMemo, type TargetRef } from './matchers';
import { createScorer, type Scorer } from './scoring';
import { quote } from './match';

export interface AnalyzeOptions {
  /** ATLAS technique id → tactic ids (sub-techniques carry their parent's). Without it, tactics are empty. */
  techniqueTactics?: Readonly<Record<string, readonly string[]>>;
}

function runMatcher(graph: Graph, rule: Rule, memo: PathMemo, emit: Emit): void {
  switch (rule.type) {
    case 'component':
      return matchComponentRule(graph, rule, emit);
    case 'flow':
    case 'boundary':
      return matchFlowRule(graph, rule, emit);
    case 'path':
      return matchPathRule(graph, rule, memo, emit);
  }
}

const targetHas = (graph: Graph, t: TargetRef, control: string) =>
  t >= 0 ? hasComponentControl(graph.nodes[t]!, control) : hasFlowControl(graph, -1 - t, control);

const targetObjects = new WeakMap<Graph, Map<number, MitigationAdvice['target']>>();
function targetObject(graph: Graph, t: TargetRef): MitigationAdvice['target'] {
  let m = targetObjects.get(graph);
  if (!m) targetObjects.set(graph, (m = new Map()));
  let o = m.get(t);
  if (!o) m.set(t, (o = t >= 0 ? { type: 'component', id: graph.nodes[t]!.component.id } : { type: 'flow', id: graph.flows[-1 - t]!.id }));
  return o;
}

function firstHolder(graph: Graph, targets: readonly TargetRef[], control: string): TargetRef | undefined {
  for (const t of targets) if (targetHas(graph, t, control)) return t;
  return undefined;
}

/** The first target on which the user can switch the control on: a flow control on a flow, a component whose kind offers it. */
function firstOffering(graph: Graph, targets: readonly TargetRef[], control: string): TargetRef | undefined {
  for (const t of targets) if (t >= 0 ? offersComponentControl(graph.nodes[t]!, control) : isFlowControl(control)) return t;
  return undefined;
}

/** The present controls that close the candidate, where they sit (empty when none does). */
function closingControls(graph: Graph, compiled: CompiledRule, c: Candidate): ClosingControl[] {
  let closing: ClosingControl[] | undefined;
  for (const ref of compiled.controls) {
    if (!ref.closes) continue;
    const targets = c.targets[ref.on];
    const holder = targets ? firstHolder(graph, targets, ref.control) : undefined;
    if (holder === undefined) continue;
    const target = targetObject(graph, holder);
    if ((closing ??= []).some((x) => x.control === ref.control && x.target === target)) continue;
    closing.push({
      control: ref.control,
      label: ref.label,
      target,
      targetLabel: holder >= 0 ? graph.nodes[holder]!.label : graph.flowLabel(-1 - holder),
    });
  }
  return closing ?? [];
}

function toFinding(graph: Graph, compiled: CompiledRule, c: Candidate, scorer: Scorer, options: AnalyzeOptions, closedBy: ClosingControl[]): Finding {
  const { rule } = compiled;
  const mitigations: MitigationAdvice[] = [];
  const presentLowering: string[] = [];
  const reasons = c.describe();
  for (const ref of compiled.controls) {
    const targets = c.targets[ref.on];
    if (!targets || targets.length === 0) continue;
    const holder = firstHolder(graph, targets, ref.control);
    // Advise a missing control only where it can be switched on (on a path: the nearest such component);
    // where nothing at its place offers it, the advice would be dead, so it is left out.
    const target = holder ?? firstOffering(graph, targets, ref.control);
    if (target === undefined) continue;
    // The same control named at two places that fall on one component (a path's hop and its sink, when
    // no hop offers it) is one piece of advice and one step down, closing if either reference closes.
    const same = mitigations.find((m) => m.control === ref.control && m.target === targetObject(graph, target));
    if (same) {
      if (ref.closes) same.effect = 'closes';
      continue;
    }
    const label = target >= 0 ? graph.nodes[target]!.label : graph.flowLabel(-1 - target);
    if (holder !== undefined) presentLowering.push(`${ref.label} on ${quote(label)}`);
    else reasons.push(`${ref.missing}${quote(label)}.`);
    mitigations.push({
      atlas: ref.atlas as string[],
      control: ref.control,
      label: ref.label,
      effect: ref.closes ? 'closes' : 'lowers',
      target: targetObject(graph, target),
      present: holder !== undefined,
    });
  }
  const { inherent, residual } = scorer({
    base: { likelihood: compiled.baseLikelihood, impact: compiled.baseImpact },
    node: c.node,
    flowIndexes: c.flowIndexes,
    moreFlowIndexes: c.moreFlowIndexes,
    presentControls: presentLowering,
  });
  return {
    key: `${rule.id}@${c.subject.id}`,
    ruleId: rule.id,
    title: rule.title,
    category: rule.category,
    subject: c.subject,
    ...(c.path ? { path: c.path } : {}),
    reasons,
    atlas: compiled.atlasEntries(options.techniqueTactics).slice(),
    owasp: rule.owasp.slice(),
    inherent,
    residual,
    mitigations,
    status: 'open',
    ...(closedBy.length ? { closedBy } : {}),
  };
}

/** Position of each severity in SEVERITIES (low to high), looked up instead of searched per comparison. */
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.residual.severity] - SEVERITY_RANK[a.residual.severity] ||
    b.residual.score - a.residual.score ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function analyze(model: Model, packs: readonly RulePack[], options: AnalyzeOptions = {}): AnalysisResult {
  const graph = buildGraph(model);
  const scorer = createScorer(graph);
  const memo: PathMemo = new Map();
  // Subjects already reported, per rule id (a finding key is rule id @ subject id; the first wins).
  const reported = new Map<string, Set<string>>();
  // Closed candidates by finding key, first one wins; kept when no open finding has the key.
  const closedSeen = new Map<string, Finding>();
  const findings: Finding[] = [];
  const closed: Finding[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const compiled = compileRule(rule);
      let seen = reported.get(rule.id);
      if (!seen) reported.set(rule.id, (seen = new Set()));
      const subjects = seen;
      runMatcher(graph, rule, memo, (candidate) => {
        if (subjects.has(candidate.subject.id)) return;
        const closedBy = closingControls(graph, compiled, candidate);
        // A closed candidate is reported only once no open one for the subject can follow (it may
        // still be matched again along another path that no control closes).
        if (closedBy.length) {
          if (!closedSeen.has(`${rule.id}@${candidate.subject.id}`)) {
            closedSeen.set(`${rule.id}@${candidate.subject.id}`, toFinding(graph, compiled, candidate, scorer, options, closedBy));
          }
          return;
        }
        subjects.add(candidate.subject.id);
        findings.push(toFinding(graph, compiled, candidate, scorer, options, []));
      });
    }
  }
  for (const finding of closedSeen.values()) if (!reported.get(finding.ruleId)!.has(finding.subject.id)) closed.push(finding);
  findings.push(...userThreatFindings(model, graph, options.techniqueTactics, closed));
  applyOverrides(model, findings);
  markOutOfScope(model, graph, findings);
  markOutOfScope(model, graph, closed);
  const decided = new Set<string>();
  for (const finding of [...findings, ...closed]) {
    const decision = Object.hasOwn(model.decisions, finding.key) ? model.decisions[finding.key] : undefined;
    if (decision) {
      finding.status = decision.status;
      decided.add(finding.key);
    }
  }
  findings.sort(compareFindings);
  closed.sort(compareFindings);
  const stale = Object.keys(model.decisions)
    .filter((key) => !decided.has(key))
    .sort()
    .map((key) => ({ key, status: model.decisions[key]!.status, rationale: model.decisions[key]!.rationale }));
  return { findings, closed, stale };
}

/** Decided statuses: a finding with one of these does not fail a build. */
export const DECIDED_STATUSES = ['mitigated', 'accepted', 'transferred', 'not-applicable'] as const;

export function isDecided(finding: Finding): boolean {
  return (DECIDED_STATUSES as readonly string[]).includes(finding.status);
}
