import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ComponentFlowNode } from './to-flow';
import { KindIcon } from './KindIcon';
import { kindLabel } from './kind-style';
import { FindingBadge } from './FindingBadge';
import { useSelection } from '../state/selection-store';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/** A component on the canvas. Labels are rendered as text, never as markup. */
export const ComponentNode = memo(function ComponentNode({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const { component } = data;
  const highlighted = useSelection((s) => s.highlighted.has(id));
  return (
    <div
      className={`component-node${selected ? ' selected' : ''}${highlighted ? ' highlighted' : ''}`}
      data-testid={`node-${component.id}`}
      title={component.description || undefined}
    >
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} aria-label={`Connect from ${component.label} (${side})`} />
      ))}
      <KindIcon kind={component.kind} />
      <div className="component-text">
        <div className="component-kind">{kindLabel(component.kind)}</div>
        <div className="component-label">{component.label}</div>
      </div>
      <FindingBadge id={id} />
    </div>
  );
});
