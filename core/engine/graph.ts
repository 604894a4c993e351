// The model as an indexed graph, built once per analysis: components by id and kind, adjacency,
// zone trust, resolved facts (kind defaults + the component's own), internet reachability.
import type { Component, Flow, Model } from '../model/schema';
import { getKind } from '../kinds/registry';
import { zoneTrust } from '../kinds/zones';
import { FLOW_FACT_CONTROLS, FLOW_FACTS } from '../kinds/flow-facts';

export interface Node {
  component: Component;
  index: number;
  facts: Record<string, unknown>;
  trust: number | undefined;
  zoneLabel: string | undefined;
  exposed: boolean;
  out: number[]; // flow indexes
  in: number[];
}

export interface Graph {
  nodes: Node[];
  byId: Map<string, Node>;
  byKind: Map<string, Node[]>;
  flows: Flow[];
  flowFacts: Array<Record<string, unknown>>;
  /** Node indexes reachable from an exposed component (exposed ones included). */
  reachableFromInternet: Uint8Array;
  zoneKindOf(zoneId: string): string | undefined;
}

export function buildGraph(model: Model): Graph {
  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  const byKind = new Map<string, Node[]>();
  model.components.forEach((component, index) => {
    const kind = getKind(component.kind);
    const facts: Record<string, unknown> = {};
    if (kind) for (const [id, field] of Object.entries(kind.factFields)) facts[id] = field.default;
    Object.assign(facts, component.facts);
    const zone = component.zone === undefined ? undefined : zones.get(component.zone);
    const trust = zone ? zoneTrust(zone.kind) : undefined;
    const node: Node = {
      component,
      index,
      facts,
      trust,
      zoneLabel: zone?.label,
      exposed: facts.internetFacing === true || trust === 0,
      out: [],
      in: [],
    };
    nodes.push(node);
    byId.set(component.id, node);
    const list = byKind.get(component.kind);
    if (list) list.push(node);
    else byKind.set(component.kind, [node]);
  });
  const flowFacts: Array<Record<string, unknown>> = [];
  model.flows.forEach((flow, i) => {
    byId.get(flow.source)?.out.push(i);
    byId.get(flow.target)?.in.push(i);
    const facts: Record<string, unknown> = {};
    for (const [id, field] of Object.entries(FLOW_FACTS)) facts[id] = field.default;
    Object.assign(facts, flow.facts);
    flowFacts.push(facts);
  });
  const graph: Graph = {
    nodes,
    byId,
    byKind,
    flows: model.flows,
    flowFacts,
    reachableFromInternet: new Uint8Array(nodes.length),
    zoneKindOf: (zoneId) => zones.get(zoneId)?.kind,
  };
  const queue: number[] = [];
  for (const node of nodes) if (node.exposed) {
    graph.reachableFromInternet[node.index] = 1;
    queue.push(node.index);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const f of nodes[queue[head]!]!.out) {
      const next = byId.get(model.flows[f]!.target);
      if (next && !graph.reachableFromInternet[next.index]) {
        graph.reachableFromInternet[next.index] = 1;
        queue.push(next.index);
      }
    }
  }
  return graph;
}

export function hasComponentControl(node: Node, control: string): boolean {
  return node.component.controls[control] === true;
}

export function hasFlowControl(graph: Graph, flowIndex: number, control: string): boolean {
  const flow = graph.flows[flowIndex]!;
  if (flow.controls[control] === true) return true;
  for (const [fact, implied] of Object.entries(FLOW_FACT_CONTROLS)) {
    if (implied === control && graph.flowFacts[flowIndex]![fact] === true) return true;
  }
  return false;
}
