import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ComponentFlowNode } from './to-flow';
import { KindIcon } from './KindIcon';
import { kindLabel } from './kind-style';
import { FindingBadge } from './FindingBadge';
import { useSelection } from '../state/selection-store';
import { useFindings } from '../state/findings-store';
import { useOverview } from './detail';
import { ReviewMarks } from '../review/CanvasMarks';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/** The kind tile, kind and label: the same in the overview (laid out but not painted) and in detail. */
function ComponentFace({ component }: { component: ComponentFlowNode['data']['component'] }) {
  return (
    <>
      <KindIcon kind={component.kind} />
      <div className="component-text">
        <div className="component-kind">{kindLabel(component.kind)}</div>
        <div className="component-label">{component.label}</div>
      </div>
    </>
  );
}

/** A component on the canvas. Labels are rendered as text, never as markup. */
export const ComponentNode = memo(function ComponentNode({
  id,
  data,
  selected,
}: NodeProps<ComponentFlowNode>) {
  const { component } = data;
  const highlighted = useSelection((s) => s.highlighted.has(id));
  const overview = useOverview();
  const severity = useFindings((s) => (overview ? s.badges[id]?.split(':')[1] : undefined));
  const state = `${selected ? ' selected' : ''}${highlighted ? ' highlighted' : ''}`;
  if (overview)
    return (
      <div
        className={`component-node overview${severity ? ` sev-${severity}` : ''}${state}`}
        data-testid={`node-${component.id}`}
      >
        {/* React Flow routes edges between handles it measured: one hidden stand-in per node is enough. */}
        <div className="source overview-handle" data-handleid={Position.Top} data-handlepos={Position.Top} />
        <ComponentFace component={component} />
      </div>
    );
  return (
    <div
      className={`component-node${state}`}
      data-testid={`node-${component.id}`}
      title={component.description || undefined}
    >
      {SIDES.map((side) => (
        <Handle
          key={side}
          id={side}
          type="source"
          position={side}
          aria-label={`Connect from ${component.label} (${side})`}
        />
      ))}
      <ComponentFace component={component} />
      <FindingBadge id={id} />
      <ReviewMarks id={id} type="component" />
    </div>
  );
});
