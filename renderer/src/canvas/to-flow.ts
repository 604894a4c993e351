// Model → React Flow nodes and edges. Only {id, type, position, data} come from the model; view
// fields (selected, measured, dragging) stay in React Flow's memory.
import type { Edge, Node } from '@xyflow/react';
import type { Component, Flow, Model, Zone } from '../../../core/model/schema';

export type ComponentNodeData = { component: Component };
export type ZoneNodeData = { zone: Zone };
export type FlowEdgeData = { flow: Flow };

export const DEFAULT_COMPONENT_SIZE = { width: 168, height: 56 };
export const DEFAULT_ZONE_SIZE = { width: 420, height: 280 };

export function toNodes(model: Model): Node[] {
  const boxes = model.layout.boxes;
  const zones: Node<ZoneNodeData>[] = model.zones.map((zone, i) => {
    const box = boxes[zone.id] ?? { x: 40 + i * 460, y: 40 };
    return {
      id: zone.id,
      type: 'zone',
      position: { x: box.x, y: box.y },
      width: box.width ?? DEFAULT_ZONE_SIZE.width,
      height: box.height ?? DEFAULT_ZONE_SIZE.height,
      data: { zone },
      zIndex: -1,
      selectable: true,
      draggable: true,
    };
  });
  const components: Node<ComponentNodeData>[] = model.components.map((component, i) => {
    const box = boxes[component.id] ?? { x: 80 + (i % 6) * 200, y: 80 + Math.floor(i / 6) * 110 };
    return {
      id: component.id,
      type: 'component',
      position: { x: box.x, y: box.y },
      data: { component },
    };
  });
  return [...zones, ...components];
}

export function toEdges(model: Model): Edge<FlowEdgeData>[] {
  return model.flows.map((flow) => ({
    id: flow.id,
    source: flow.source,
    target: flow.target,
    label: flow.label || undefined,
    data: { flow },
    type: 'default',
  }));
}
