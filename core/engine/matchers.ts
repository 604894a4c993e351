// The four typed matchers (component, flow, boundary, path). Each turns a rule into candidates:
// where it applies, why, and where its controls would be switched on.
import type { Finding } from './types';
import type { BoundaryRule, ComponentRule, ControlRef, FlowRule, PathRule } from './rule-pack';
import { hasComponentControl, hasFlowControl, type Graph, type Node } from './graph';
import { describeComponentMatch, describeFlowFacts, matchesComponent, matchesFlowFacts, quote } from './match';

export interface ControlTarget {
  type: 'component' | 'flow';
  id: string;
  label: string;
  has(control: string): boolean;
}

export interface Candidate {
  subject: Finding['subject'];
  path?: string[];
  reasons: string[];
  node: Node;
  flowIndexes: number[];
  targets: Partial<Record<ControlRef['on'], ControlTarget[]>>;
}

const labelOf = (node: Node) => node.component.label || node.component.id;

export function componentTarget(node: Node): ControlTarget {
  return { type: 'component', id: node.component.id, label: labelOf(node), has: (c) => hasComponentControl(node, c) };
}

function flowTarget(graph: Graph, index: number): ControlTarget {
  const flow = graph.flows[index]!;
  return { type: 'flow', id: flow.id, label: flowLabel(graph, index), has: (c) => hasFlowControl(graph, index, c) };
}

function flowLabel(graph: Graph, index: number): string {
  const flow = graph.flows[index]!;
  const s = graph.byId.get(flow.source);
  const t = graph.byId.get(flow.target);
  const ends = `${s ? labelOf(s) : flow.source} → ${t ? labelOf(t) : flow.target}`;
  return flow.label ? `${flow.label} (${ends})` : ends;
}

export function matchComponentRule(graph: Graph, rule: ComponentRule): Candidate[] {
  const pool = rule.match.kind ? rule.match.kind.flatMap((k) => graph.byKind.get(k) ?? []) : graph.nodes;
  const out: Candidate[] = [];
  for (const node of pool) {
    if (!matchesComponent(graph, node, rule.match)) continue;
    out.push({
      subject: { type: 'component', id: node.component.id, label: labelOf(node) },
      reasons: describeComponentMatch(graph, node, rule.match),
      node,
      flowIndexes: [...node.in, ...node.out],
      targets: { subject: [componentTarget(node)] },
    });
  }
  return out;
}

export function matchFlowRule(graph: Graph, rule: FlowRule | BoundaryRule): Candidate[] {
  const out: Candidate[] = [];
  const { match } = rule;
  const flowIndexes = match.target?.kind
    ? match.target.kind.flatMap((k) => (graph.byKind.get(k) ?? []).flatMap((n) => n.in))
    : match.source?.kind
      ? match.source.kind.flatMap((k) => (graph.byKind.get(k) ?? []).flatMap((n) => n.out))
      : graph.flows.map((_, i) => i);
  for (const i of flowIndexes) {
    const flow = graph.flows[i]!;
    const source = graph.byId.get(flow.source);
    const target = graph.byId.get(flow.target);
    if (!source || !target) continue;
    if (rule.type === 'boundary' && (source.trust === undefined || target.trust === undefined || target.trust - source.trust < rule.match.minTrustGap)) continue;
    if (match.source && !matchesComponent(graph, source, match.source)) continue;
    if (match.target && !matchesComponent(graph, target, match.target)) continue;
    if (!matchesFlowFacts(graph.flowFacts[i]!, match.flow)) continue;
    const reasons: string[] = [];
    if (rule.type === 'boundary') {
      reasons.push(
        `The flow crosses from the zone ${quote(source.zoneLabel ?? '')} (trust ${source.trust}) into the more trusted zone ${quote(target.zoneLabel ?? '')} (trust ${target.trust}).`,
      );
    }
    if (match.source) reasons.push(...describeComponentMatch(graph, source, match.source));
    if (match.target) reasons.push(...describeComponentMatch(graph, target, match.target));
    reasons.push(...describeFlowFacts(graph.flowFacts[i]!, match.flow, quote(flowLabel(graph, i))));
    out.push({
      subject: { type: 'flow', id: flow.id, label: flowLabel(graph, i) },
      reasons,
      node: target,
      flowIndexes: [i],
      targets: { flow: [flowTarget(graph, i)], source: [componentTarget(source)], target: [componentTarget(target)] },
    });
  }
  return out;
}

interface Reach {
  /** Parent node index on the shortest path from the nearest origin; -1 for origins, -2 unreached. */
  parent: Int32Array;
  origins: number[];
}

/** Multi-source BFS from the rule's origins; memoized by what determines it. */
function reach(graph: Graph, rule: PathRule, memo: Map<string, Reach>): Reach {
  const originClosers = rule.controls.filter((c) => c.on === 'origin' && c.effect === 'closes').map((c) => c.control);
  const blockers = rule.controls.filter((c) => c.on === 'path' && c.effect === 'closes').map((c) => c.control);
  const key = JSON.stringify([rule.match.from, rule.match.carries ?? null, originClosers, blockers]);
  const cached = memo.get(key);
  if (cached) return cached;
  const parent = new Int32Array(graph.nodes.length).fill(-2);
  const queue: number[] = [];
  const origins: number[] = [];
  const from = rule.match.from;
  const pool = from.every((m) => m.kind) ? [...new Set(from.flatMap((m) => m.kind!))].flatMap((k) => graph.byKind.get(k) ?? []).sort((a, b) => a.index - b.index) : graph.nodes;
  for (const node of pool) {
    if (!from.some((m) => matchesComponent(graph, node, m))) continue;
    if (originClosers.some((c) => hasComponentControl(node, c))) continue;
    parent[node.index] = -1;
    queue.push(node.index);
    origins.push(node.index);
  }
  const carries = rule.match.carries;
  for (let head = 0; head < queue.length; head++) {
    const node = graph.nodes[queue[head]!]!;
    if (parent[node.index] !== -1 && blockers.some((c) => hasComponentControl(node, c))) continue;
    for (const f of node.out) {
      if (carries) {
        const carried = graph.flowFacts[f]!.carries;
        if (Array.isArray(carried) && carried.length > 0 && !carried.some((c) => carries.includes(c as string))) continue;
      }
      const next = graph.byId.get(graph.flows[f]!.target);
      if (next && parent[next.index] === -2) {
        parent[next.index] = node.index;
        queue.push(next.index);
      }
    }
  }
  const result = { parent, origins };
  memo.set(key, result);
  return result;
}

export function matchPathRule(graph: Graph, rule: PathRule, memo: Map<string, Reach>): Candidate[] {
  const { parent, origins } = reach(graph, rule, memo);
  if (origins.length === 0) return [];
  const pool = rule.match.to.kind ? rule.match.to.kind.flatMap((k) => graph.byKind.get(k) ?? []) : graph.nodes;
  const out: Candidate[] = [];
  for (const sink of pool) {
    if (parent[sink.index]! < 0) continue; // unreached, or an origin itself
    if (!matchesComponent(graph, sink, rule.match.to)) continue;
    const chain: Node[] = [];
    for (let i = sink.index; i >= 0; i = parent[i]!) chain.unshift(graph.nodes[i]!);
    const origin = chain[0]!;
    const between = chain.slice(1);
    const reasons = [
      `Untrusted content from ${quote(labelOf(origin))} reaches ${quote(labelOf(sink))}: ${chain.map(labelOf).join(' → ')}.`,
      ...describeComponentMatch(graph, origin, rule.match.from.find((m) => matchesComponent(graph, origin, m))!),
      ...describeComponentMatch(graph, sink, rule.match.to),
    ];
    // Prefer advising the component just before the sink (the one that builds the prompt or batch).
    const pathTargets = [...between].reverse();
    if (pathTargets.length > 1) pathTargets.push(pathTargets.shift()!);
    const flowIndexes: number[] = [];
    for (let i = 1; i < chain.length; i++) {
      const f = chain[i - 1]!.out.find((x) => graph.flows[x]!.target === chain[i]!.component.id);
      if (f !== undefined) flowIndexes.push(f);
    }
    out.push({
      subject: { type: 'path', id: sink.component.id, label: `${labelOf(origin)} → ${labelOf(sink)}` },
      path: chain.map((n) => n.component.id),
      reasons,
      node: sink,
      flowIndexes,
      targets: { origin: [componentTarget(origin)], sink: [componentTarget(sink)], path: pathTargets.map(componentTarget) },
    });
  }
  return out;
}

export type PathMemo = Map<string, Reach>;
