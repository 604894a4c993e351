// The four typed matchers (component, flow, boundary, path). Each turns a rule into candidates:
// where it applies, where its controls would be switched on, and (only when asked, since a closing
// control may still rule the candidate out) why.
import type { Finding } from './types';
import type { BoundaryRule, ComponentRule, ControlRef, FlowRule, PathRule } from './rule-pack';
import { hasComponentControl, type Graph, type Node } from './graph';
import { compileFlowFacts, compileMatch, type CompiledMatch } from './compile';
import { describeComponentMatch, describeFlowFacts, matchesComponent, matchesFlowFacts, quote } from './match';

/** Where a control goes: a node index (≥ 0), or a flow index i encoded as -1 - i. */
export type TargetRef = number;
export const flowRef = (index: number): TargetRef => -1 - index;

export interface Candidate {
  subject: Finding['subject'];
  path?: string[];
  node: Node;
  /** Flows whose classification counts for the score, in order (then `moreFlowIndexes`). */
  flowIndexes: readonly number[];
  moreFlowIndexes?: readonly number[];
  targets: Partial<Record<ControlRef['on'], readonly TargetRef[]>>;
  describe(): string[];
}

export type Emit = (candidate: Candidate) => void;

function componentPool(graph: Graph, kinds: readonly string[] | undefined): readonly Node[] {
  if (!kinds) return graph.nodes;
  if (kinds.length === 1) return graph.byKind.get(kinds[0]!) ?? [];
  const pool: Node[] = [];
  for (const k of kinds) {
    const list = graph.byKind.get(k);
    if (list) for (const n of list) pool.push(n);
  }
  return pool;
}

export function matchComponentRule(graph: Graph, rule: ComponentRule, emit: Emit): void {
  const m = compileMatch(rule.match);
  for (const node of componentPool(graph, m.kind)) {
    if (!matchesComponent(graph, node, m)) continue;
    emit({
      subject: { type: 'component', id: node.component.id, label: node.label },
      node,
      // The data factor looks at what the component holds and receives, not at everything it sends.
      flowIndexes: node.in,
      targets: { subject: [node.index] },
      describe() {
        const reasons: string[] = [];
        describeComponentMatch(node, m, reasons);
        return reasons;
      },
    });
  }
}

function flowPool(graph: Graph, rule: FlowRule | BoundaryRule): readonly number[] {
  const { match } = rule;
  const ends = match.target?.kind ? { kinds: match.target.kind, side: 'in' as const } : match.source?.kind ? { kinds: match.source.kind, side: 'out' as const } : undefined;
  if (!ends) return graph.flows.map((_, i) => i);
  const pool: number[] = [];
  for (const node of componentPool(graph, ends.kinds)) for (const f of node[ends.side]) pool.push(f);
  return pool;
}

export function matchFlowRule(graph: Graph, rule: FlowRule | BoundaryRule, emit: Emit): void {
  const { match } = rule;
  const sourceMatch = match.source ? compileMatch(match.source) : undefined;
  const targetMatch = match.target ? compileMatch(match.target) : undefined;
  const flowMatch = compileFlowFacts(match.flow);
  const minGap = rule.type === 'boundary' ? rule.match.minTrustGap : undefined;
  for (const i of flowPool(graph, rule)) {
    const s = graph.flowSource[i]!;
    const t = graph.flowTarget[i]!;
    if (s < 0 || t < 0) continue;
    const source = graph.nodes[s]!;
    const target = graph.nodes[t]!;
    if (minGap !== undefined && (source.trust === undefined || target.trust === undefined || target.trust - source.trust < minGap)) continue;
    if (sourceMatch && !matchesComponent(graph, source, sourceMatch)) continue;
    if (targetMatch && !matchesComponent(graph, target, targetMatch)) continue;
    const facts = graph.flowFacts[i]!;
    if (!matchesFlowFacts(facts, flowMatch)) continue;
    emit({
      subject: { type: 'flow', id: graph.flows[i]!.id, label: graph.flowLabel(i) },
      node: target,
      flowIndexes: [i],
      targets: { flow: [flowRef(i)], source: [s], target: [t] },
      describe() {
        const reasons: string[] = [];
        if (minGap !== undefined) {
          reasons.push(
            `The flow crosses from the zone ${quote(source.zoneLabel ?? '')} (trust ${source.trust}) into the more trusted zone ${quote(target.zoneLabel ?? '')} (trust ${target.trust}).`,
          );
        }
        if (sourceMatch) describeComponentMatch(source, sourceMatch, reasons);
        if (targetMatch) describeComponentMatch(target, targetMatch, reasons);
        describeFlowFacts(facts, flowMatch, quote(graph.flowLabel(i)), reasons);
        return reasons;
      },
    });
  }
}

interface Reach {
  /** Parent node index on the shortest path from the nearest origin; -1 for origins, -2 unreached. */
  parent: Int32Array;
  origins: number[];
  follow: Uint8Array | undefined;
  blockers: string[];
}

/** Per analysis: breadth-first searches shared by path rules with the same origins and stops. */
export type PathMemo = Map<string, Reach | Uint8Array>;

/** The component has one of these controls switched on (an origin closer, or a control that blocks a path). */
function hasAny(node: Node, controls: readonly string[]): boolean {
  for (const c of controls) if (hasComponentControl(node, c)) return true;
  return false;
}

/**
 * 1 for each flow a search may follow: content goes the flow's way (it is not a read or query that
 * stores nothing at its target) and it carries one of `carries`, or declares nothing.
 */
function followable(graph: Graph, carries: readonly string[] | undefined, memo: PathMemo): Uint8Array | undefined {
  const key = `carries:${JSON.stringify(carries ?? null)}`;
  const cached = memo.get(key);
  if (cached instanceof Uint8Array) return cached;
  if (!carries && !graph.flowFacts.some((facts) => facts.readOnly === true)) return undefined;
  const follow = new Uint8Array(graph.flows.length);
  for (let f = 0; f < follow.length; f++) {
    const facts = graph.flowFacts[f]!;
    if (facts.readOnly === true) continue;
    const carried = facts.carries;
    follow[f] = !carries || !Array.isArray(carried) || carried.length === 0 || carried.some((c) => carries.includes(c as string)) ? 1 : 0;
  }
  memo.set(key, follow);
  return follow;
}

/** Multi-source BFS from the rule's origins; memoized by what determines it. */
function reach(graph: Graph, rule: PathRule, from: readonly CompiledMatch[], memo: PathMemo): Reach {
  const originClosers = rule.controls.filter((c) => c.on === 'origin' && c.effect === 'closes').map((c) => c.control);
  const blockers = rule.controls.filter((c) => c.on === 'path' && c.effect === 'closes').map((c) => c.control);
  const key = JSON.stringify([rule.match.from, rule.match.carries ?? null, originClosers, blockers]);
  const cached = memo.get(key);
  if (cached && !(cached instanceof Uint8Array)) return cached;
  const parent = new Int32Array(graph.nodes.length).fill(-2);
  const queue: number[] = [];
  const origins: number[] = [];
  const pool = from.every((m) => m.kind)
    ? componentPool(graph, [...new Set(from.flatMap((m) => m.kind!))]).slice().sort((a, b) => a.index - b.index)
    : graph.nodes;
  for (const node of pool) {
    if (!from.some((m) => matchesComponent(graph, node, m))) continue;
    if (hasAny(node, originClosers)) continue;
    parent[node.index] = -1;
    queue.push(node.index);
    origins.push(node.index);
  }
  const follow = followable(graph, rule.match.carries, memo);
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head]!;
    const node = graph.nodes[index]!;
    if (parent[index] !== -1 && hasAny(node, blockers)) continue;
    for (const f of node.out) {
      if (follow && follow[f] === 0) continue;
      const next = graph.flowTarget[f]!;
      if (next >= 0 && parent[next] === -2) {
        parent[next] = index;
        queue.push(next);
      }
    }
  }
  const result = { parent, origins, follow, blockers };
  memo.set(key, result);
  return result;
}

/**
 * An origin that also matches the sink (a feature store of user data) is reached when content from
 * another origin gets to it: the shortest such path, found backwards from it, or undefined.
 */
function pathFromAnotherOrigin(graph: Graph, reached: Reach, sink: number): number[] | undefined {
  const { parent, follow, blockers } = reached;
  const towardsSink = new Map<number, number>([[sink, -1]]);
  const queue = [sink];
  for (let head = 0; head < queue.length; head++) {
    const index = queue[head]!;
    for (const f of graph.nodes[index]!.in) {
      if (follow && follow[f] === 0) continue;
      const prev = graph.flowSource[f]!;
      if (prev < 0 || towardsSink.has(prev)) continue;
      const isOrigin = parent[prev] === -1;
      if (!isOrigin && hasAny(graph.nodes[prev]!, blockers)) continue;
      towardsSink.set(prev, index);
      if (!isOrigin) {
        queue.push(prev);
        continue;
      }
      const chain: number[] = [];
      for (let i = prev; i >= 0; i = towardsSink.get(i)!) chain.push(i);
      return chain;
    }
  }
  return undefined;
}

export function matchPathRule(graph: Graph, rule: PathRule, memo: PathMemo, emit: Emit): void {
  const from = rule.match.from.map(compileMatch);
  const reached = reach(graph, rule, from, memo);
  const { parent, origins } = reached;
  if (origins.length === 0) return;
  const to = compileMatch(rule.match.to);
  for (const sink of componentPool(graph, to.kind)) {
    if (parent[sink.index] === -2) continue; // unreached
    if (!matchesComponent(graph, sink, to)) continue;
    const chain: Node[] = [];
    if (parent[sink.index] === -1) {
      const fromOther = pathFromAnotherOrigin(graph, reached, sink.index);
      if (!fromOther) continue;
      for (const i of fromOther) chain.push(graph.nodes[i]!);
    } else {
      for (let i = sink.index; i >= 0; i = parent[i]!) chain.push(graph.nodes[i]!);
      chain.reverse();
    }
    const origin = chain[0]!;
    // Prefer advising the component just before the sink (the one that builds the prompt or batch),
    // then the others back to the origin, the sink last; analyze advises the first that offers the control.
    const pathTargets: number[] = [];
    for (let i = chain.length - 2; i >= 1; i--) pathTargets.push(chain[i]!.index);
    pathTargets.push(sink.index);
    const flowIndexes: number[] = [];
    for (let i = 1; i < chain.length; i++) {
      const f = chain[i - 1]!.out.find((x) => graph.flowTarget[x] === chain[i]!.index);
      if (f !== undefined) flowIndexes.push(f);
    }
    emit({
      subject: { type: 'path', id: sink.component.id, label: `${origin.label} → ${sink.label}` },
      path: chain.map((n) => n.component.id),
      node: sink,
      flowIndexes,
      targets: { origin: [origin.index], sink: [sink.index], path: pathTargets },
      describe() {
        const reasons = [`Untrusted content from ${quote(origin.label)} reaches ${quote(sink.label)}: ${chain.map((n) => n.label).join(' → ')}.`];
        describeComponentMatch(origin, from.find((m) => matchesComponent(graph, origin, m))!, reasons);
        describeComponentMatch(sink, to, reasons);
        return reasons;
      },
    });
  }
}
