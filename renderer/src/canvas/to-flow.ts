// Model → React Flow nodes and edges. Only {id, type, position, data} come from the model; view
// fields (selected, measured, dragging) stay in memory. Reconciling against the previous arrays keeps
// unchanged node and edge objects (and their `data`) identical, so memoized nodes do not re-render
// and React Flow does not re-measure them: an edit costs O(n) comparisons, not n re-renders.
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Component, Flow, Model, Zone } from '../../../core/model/schema';
import { COMPONENT_SIZE, ZONE_SIZE } from '../state/model-edits';
import { kindLabel } from './kind-style';
import { safeBox } from '../../../core/report/coordinates';

export type ComponentNodeData = { component: Component };
export type ZoneNodeData = { zone: Zone };
export type FlowEdgeData = {
  flow: Flow;
  /** A flow the other way exists: draw both slightly apart. */ paired: boolean;
};

export type ComponentFlowNode = Node<ComponentNodeData, 'component'>;
export type ZoneFlowNode = Node<ZoneNodeData, 'zone'>;
export type FlowFlowEdge = Edge<FlowEdgeData, 'flow'>;

const componentData = new WeakMap<Component, ComponentNodeData>();
const zoneData = new WeakMap<Zone, ZoneNodeData>();

function dataOf<T extends object, D>(cache: WeakMap<T, D>, key: T, make: () => D): D {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
}

export function toNodes(model: Model, selected: ReadonlySet<string>, previous: readonly Node[] = []): Node[] {
  const prev = new Map(previous.map((n) => [n.id, n]));
  const boxes = model.layout.boxes;
  const out: Node[] = [];
  // Zones first (bigger ones first) so smaller, nested zones and components paint on top.
  const zones = [...model.zones].sort((a, b) => area(boxes[b.id]) - area(boxes[a.id]));
  zones.forEach((zone, i) => {
    const box = safeBox(boxes[zone.id] ?? { x: 40 + i * 460, y: 40 });
    const width = box.width ?? ZONE_SIZE.width;
    const height = box.height ?? ZONE_SIZE.height;
    const data = dataOf(zoneData, zone, () => ({ zone }));
    out.push(
      reuse(
        prev.get(zone.id),
        data,
        box.x,
        box.y,
        selected.has(zone.id),
        () => zoneName(zone),
        width,
        height,
      ) ?? {
        id: zone.id,
        type: 'zone',
        position: { x: box.x, y: box.y },
        width,
        height,
        data,
        zIndex: -1 - (zones.length - i),
        selected: selected.has(zone.id),
        ariaLabel: zoneName(zone),
      },
    );
  });
  model.components.forEach((component, i) => {
    const box = safeBox(boxes[component.id] ?? { x: 80 + (i % 6) * 220, y: 80 + Math.floor(i / 6) * 110 });
    const data = dataOf(componentData, component, () => ({ component }));
    out.push(
      reuse(prev.get(component.id), data, box.x, box.y, selected.has(component.id), () =>
        componentName(component),
      ) ?? {
        id: component.id,
        type: 'component',
        position: { x: box.x, y: box.y },
        data,
        // Its size before it is measured: React Flow can place it and route its flows without
        // mounting it (the canvas mounts only what is near the view), and paints it on the first frame.
        initialWidth: COMPONENT_SIZE.width,
        initialHeight: COMPONENT_SIZE.height,
        selected: selected.has(component.id),
        ariaLabel: componentName(component),
      },
    );
  });
  return out;
}

function area(box: { width?: number; height?: number } | undefined): number {
  return (box?.width ?? ZONE_SIZE.width) * (box?.height ?? ZONE_SIZE.height);
}

/** The accessible names of canvas nodes (what a screen reader announces when Tab reaches them). */
const componentName = (c: Component) => `${kindLabel(c.kind)}: ${c.label || c.id}`;
const zoneName = (z: Zone) => `Trust boundary: ${z.label || z.id}`;

function reuse(
  node: Node | undefined,
  data: object,
  x: number,
  y: number,
  selected: boolean,
  ariaLabel: () => string,
  width?: number,
  height?: number,
): Node | undefined {
  if (!node) return undefined;
  if (
    node.data === data &&
    node.position.x === x &&
    node.position.y === y &&
    !!node.selected === selected &&
    node.width === width &&
    node.height === height
  )
    return node;
  return {
    ...node,
    data: data as Node['data'],
    position: { x, y },
    selected,
    width,
    height,
    ariaLabel: ariaLabel(),
  };
}

export function toEdges(model: Model, selected: ReadonlySet<string>, previous: readonly Edge[] = []): Edge[] {
  const prev = new Map(previous.map((e) => [e.id, e]));
  const pairs = new Set(model.flows.map((f) => `${f.source}\u0000${f.target}`));
  return model.flows.map((flow) => {
    const paired = pairs.has(`${flow.target}\u0000${flow.source}`);
    const isSelected = selected.has(flow.id);
    const old = prev.get(flow.id);
    const oldData = old?.data as FlowEdgeData | undefined;
    if (old && oldData?.flow === flow && oldData.paired === paired && !!old.selected === isSelected)
      return old;
    return {
      id: flow.id,
      source: flow.source,
      target: flow.target,
      type: 'flow',
      data: oldData?.flow === flow && oldData.paired === paired ? oldData : { flow, paired },
      selected: isSelected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      ariaLabel: `Flow ${flow.label || flow.id}`,
    };
  });
}

export { COMPONENT_SIZE };
