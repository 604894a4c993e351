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
  /**
   * Controls that count as present because of what sits next to it (see impliedControls): every
   * inbound flow authenticated, an adjacent guardrail, a versioned registry upstream, a monitoring sink.
   */
  implied: Map<string, string>;
  /** Why it takes input an outsider can shape (a flow from a third party or public content), if it does. */
  outsideInput: string | undefined;
  /** It is a model (LLM, inference API, agent) or a flow connects it to one. */
  usesModel: boolean;
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
      implied: NO_IMPLIED,
      outsideInput: undefined,
      usesModel: MODEL_KINDS.has(component.kind),
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
  for (const node of nodes) {
    inheritToolCapabilities(graph, node);
    node.implied = impliedControls(graph, node);
    node.outsideInput = outsideInputOf(graph, node);
    if (!node.usesModel) {
      node.usesModel = [...node.in, ...node.out].some((f) => {
        const other = node.in.includes(f) ? sourceNode(graph, f) : targetNode(graph, f);
        return other !== undefined && MODEL_KINDS.has(other.component.kind);
      });
    }
  }
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
  return isControlPresent(node.component.controls, control) || node.implied.has(control);
}

const NO_IMPLIED: Map<string, string> = new Map();
const MODEL_KINDS = new Set(['llm', 'inference-api', 'agent']);
const TOOL_USERS = new Set(['agent', 'application']);
const sourceNode = (graph: Graph, f: number) => (graph.flowSource[f]! >= 0 ? graph.nodes[graph.flowSource[f]!] : undefined);
const targetNode = (graph: Graph, f: number) => (graph.flowTarget[f]! >= 0 ? graph.nodes[graph.flowTarget[f]!] : undefined);
/** A control recorded present, or (for a neighbour that exists to provide it) not recorded as absent. */
const provides = (node: Node, control: string) =>
  isControlPresent(node.component.controls, control) || (!Object.hasOwn(node.component.controls, control) && node.component.kind === 'guardrail');

/**
 * Controls next to the subject that do the subject's job: authentication when every inbound flow (at
 * least one) authenticates its caller; content filtering, input and output validation from an adjacent
 * guardrail; versioning from a versioned model registry it loads from; logging from a monitoring sink
 * it sends to. The value says where the control sits (for reasons).
 */
function impliedControls(graph: Graph, node: Node): Map<string, string> {
  let implied: Map<string, string> | undefined;
  const imply = (control: string, where: string) => {
    if (!(implied ??= new Map()).has(control)) implied.set(control, where);
  };
  if (node.in.length > 0 && node.in.every((f) => isControlPresent(graph.flows[f]!.controls, 'authentication'))) {
    imply('authentication', 'every inbound flow');
  }
  for (const f of [...node.in, ...node.out]) {
    const other = node.in.includes(f) ? sourceNode(graph, f) : targetNode(graph, f);
    if (!other || other === node) continue;
    if (other.component.kind === 'guardrail') {
      for (const c of ['contentSafetyFiltering', 'inputValidation', 'outputValidation', 'piiRedaction']) if (provides(other, c)) imply(c, other.label);
    }
  }
  for (const f of node.in) {
    const from = sourceNode(graph, f);
    if (from && from.component.kind === 'model-registry' && isControlPresent(from.component.controls, 'versioning')) imply('versioning', from.label);
  }
  for (const f of node.out) {
    const to = targetNode(graph, f);
    if (to && to.component.kind === 'monitoring') imply('loggingMonitoring', to.label);
  }
  return implied ?? NO_IMPLIED;
}

/** Agents and applications can do whatever the tools they call can do. */
function inheritToolCapabilities(graph: Graph, node: Node): void {
  if (!TOOL_USERS.has(node.component.kind)) return;
  const own = Array.isArray(node.facts.toolCapabilities) ? (node.facts.toolCapabilities as string[]) : [];
  const all = new Set(own);
  for (const f of [...node.out, ...node.in]) {
    const other = node.out.includes(f) ? targetNode(graph, f) : sourceNode(graph, f);
    if (!other || other.component.kind !== 'tool') continue;
    const caps = other.facts.toolCapabilities;
    if (Array.isArray(caps)) for (const c of caps) all.add(String(c));
  }
  if (all.size > own.length) node.facts.toolCapabilities = [...all].sort();
}

const OUTSIDE_KINDS = new Set(['external-service', 'external-entity', 'model-hub']);
const OUTSIDE_ORIGINS = new Set(['public', 'scraped', 'user', 'partner']);
/** Whether a flow brings it content that a third party or the public controls, and from where. */
function outsideInputOf(graph: Graph, node: Node): string | undefined {
  for (const f of node.in) {
    const from = sourceNode(graph, f);
    if (!from) continue;
    const origin = Array.isArray(from.facts.dataOrigin) ? (from.facts.dataOrigin as string[]) : [];
    if (OUTSIDE_KINDS.has(from.component.kind) || from.facts.thirdPartyHosted === true || from.zoneKind === 'third-party' || origin.some((o) => OUTSIDE_ORIGINS.has(o))) {
      return from.label;
    }
  }
  return undefined;
}

export function hasFlowControl(graph: Graph, flowIndex: number, control: string): boolean {
  return isControlPresent(graph.flows[flowIndex]!.controls, control);
}

/** The inspector offers this control on the component (its kind declares it), so the user can switch it on. */
export function offersComponentControl(node: Node, control: string): boolean {
  return kindOffersControl(node.component.kind, control);
}
