// The model as an indexed graph, built once per analysis: components by id and kind, adjacency (by
// node index, so the matchers never look ids up), zone trust, resolved facts (kind defaults + the
// component's own), internet reachability, and lazily the labels of flows.
import type { Component, Flow, Model } from '../model/schema';
import { getKind, kindOffersControl } from '../kinds/registry';
import { zoneTrust } from '../kinds/zones';
import { FLOW_FACTS } from '../kinds/flow-facts';
import { isControlPresent } from '../model/schema';

export interface Node {
  component: Component;
  index: number;
  /** The label shown in findings (the id when the label is empty). */
  label: string;
  facts: Record<string, unknown>;
  trust: number | undefined;
  zoneKind: string | undefined;
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
  /** Node index of each flow's source / target; -1 when it names no component. */
  flowSource: Int32Array;
  flowTarget: Int32Array;
  /** Node indexes reachable from an exposed component (exposed ones included). */
  reachableFromInternet: Uint8Array;
  zoneKindOf(zoneId: string): string | undefined;
  /** "label (source → target)", computed once per flow. */
  flowLabel(index: number): string;
}

const FLOW_DEFAULTS = Object.entries(FLOW_FACTS).map(([id, field]) => [id, field.default] as const);
const kindDefaults = new Map<string, ReadonlyArray<readonly [string, unknown]>>();
function defaultsOf(kindId: string): ReadonlyArray<readonly [string, unknown]> {
  let defaults = kindDefaults.get(kindId);
  if (!defaults) {
    const kind = getKind(kindId);
    defaults = kind ? Object.entries(kind.factFields).map(([id, field]) => [id, field.default] as const) : [];
    kindDefaults.set(kindId, defaults);
  }
  return defaults;
}

export function buildGraph(model: Model): Graph {
  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  const byKind = new Map<string, Node[]>();
  model.components.forEach((component, index) => {
    const facts: Record<string, unknown> = {};
    for (const [id, value] of defaultsOf(component.kind)) facts[id] = value;
    Object.assign(facts, component.facts);
    const zone = component.zone === undefined ? undefined : zones.get(component.zone);
    const trust = zone ? zoneTrust(zone.kind) : undefined;
    const node: Node = {
      component,
      index,
      label: component.label || component.id,
      facts,
      trust,
      zoneKind: zone?.kind,
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
  const flowSource = new Int32Array(model.flows.length);
  const flowTarget = new Int32Array(model.flows.length);
  model.flows.forEach((flow, i) => {
    const s = byId.get(flow.source);
    const t = byId.get(flow.target);
    s?.out.push(i);
    t?.in.push(i);
    flowSource[i] = s ? s.index : -1;
    flowTarget[i] = t ? t.index : -1;
    const facts: Record<string, unknown> = {};
    for (const [id, value] of FLOW_DEFAULTS) facts[id] = value;
    Object.assign(facts, flow.facts);
    flowFacts.push(facts);
  });
  const labels: Array<string | undefined> = new Array(model.flows.length);
  const graph: Graph = {
    nodes,
    byId,
    byKind,
    flows: model.flows,
    flowFacts,
    flowSource,
    flowTarget,
    reachableFromInternet: new Uint8Array(nodes.length),
    zoneKindOf: (zoneId) => zones.get(zoneId)?.kind,
    flowLabel(index) {
      let label = labels[index];
      if (label === undefined) {
        const flow = model.flows[index]!;
        const s = flowSource[index]!;
        const t = flowTarget[index]!;
        const ends = `${s >= 0 ? nodes[s]!.label : flow.source} → ${t >= 0 ? nodes[t]!.label : flow.target}`;
        label = flow.label ? `${flow.label} (${ends})` : ends;
        labels[index] = label;
      }
      return label;
    },
  };
  const queue: number[] = [];
  for (const node of nodes) {
    if (node.exposed) {
      graph.reachableFromInternet[node.index] = 1;
      queue.push(node.index);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const f of nodes[queue[head]!]!.out) {
      const next = flowTarget[f]!;
      if (next >= 0 && !graph.reachableFromInternet[next]) {
        graph.reachableFromInternet[next] = 1;
        queue.push(next);
      }
    }
  }
  return graph;
}

export function hasComponentControl(node: Node, control: string): boolean {
  return isControlPresent(node.component.controls, control);
}

export function hasFlowControl(graph: Graph, flowIndex: number, control: string): boolean {
  return isControlPresent(graph.flows[flowIndex]!.controls, control);
}

/** The inspector offers this control on the component (its kind declares it), so the user can switch it on. */
export function offersComponentControl(node: Node, control: string): boolean {
  return kindOffersControl(node.component.kind, control);
}
