import { memo } from 'react';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { ComponentNodeData } from './to-flow';

/** A component on the canvas. Labels are rendered as text, never as markup. */
export const ComponentNode = memo(function ComponentNode({ data, selected }: NodeProps<Node<ComponentNodeData>>) {
  const { component } = data;
  return (
    <div className={`component-node kind-${component.kind}${selected ? ' selected' : ''}`} data-testid={`node-${component.id}`}>
      <Handle type="target" position={Position.Left} />
      <div className="component-kind">{component.kind}</div>
      <div className="component-label">{component.label}</div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

export const ZoneNode = memo(function ZoneNode({ data, selected }: NodeProps<Node<{ zone: { id: string; kind: string; label: string } }>>) {
  const { zone } = data;
  return (
    <div className={`zone-node zone-${zone.kind}${selected ? ' selected' : ''}`} data-testid={`zone-${zone.id}`}>
      <div className="zone-label">
        <span className="zone-kind">{zone.kind}</span> {zone.label}
      </div>
    </div>
  );
});
