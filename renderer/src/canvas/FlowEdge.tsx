import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useInternalNode, type EdgeProps } from '@xyflow/react';
import type { FlowFlowEdge } from './to-flow';
import { borderPoint, boxOf } from './floating';
import { FindingBadge } from './FindingBadge';
import { useSelection } from '../state/selection-store';
import { useFindings } from '../state/findings-store';
import { ReviewMarks } from '../review/CanvasMarks';

const PAIR_OFFSET = 7;

/** A data flow: a floating bezier between the two boxes, its label as text and its findings badge. */
export const FlowEdge = memo(function FlowEdge({
  id,
  source,
  target,
  data,
  selected,
  markerEnd,
}: EdgeProps<FlowFlowEdge>) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const highlighted = useSelection((s) => s.highlighted.has(id));
  const hasBadge = useFindings((s) => s.badges[id] !== undefined);
  if (!sourceNode || !targetNode || !data) return null;
  const a = boxOf(sourceNode);
  const b = boxOf(targetNode);
  const s = borderPoint(a, b);
  const t = borderPoint(b, a);
  if (data.paired) {
    // Shift both ends to the right of the direction of travel, so A→B and B→A do not overlap.
    const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
    const nx = (-(t.y - s.y) / len) * PAIR_OFFSET;
    const ny = ((t.x - s.x) / len) * PAIR_OFFSET;
    s.x += nx;
    s.y += ny;
    t.x += nx;
    t.y += ny;
  }
  const [path, labelX, labelY] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: s.side,
    targetX: t.x,
    targetY: t.y,
    targetPosition: t.side,
  });
  const className = `flow-edge${selected ? ' selected' : ''}${highlighted ? ' highlighted' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} interactionWidth={14} />
      {(data.flow.label || hasBadge) && (
        <EdgeLabelRenderer>
          <div
            className={`flow-label nodrag nopan${selected ? ' selected' : ''}`}
            data-testid={`flow-${id}`}
            style={{
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              pointerEvents: 'all',
            }}
            onClick={() => useSelection.getState().select([id])}
          >
            {data.flow.label && <span className="flow-label-text">{data.flow.label}</span>}
            <FindingBadge id={id} />
            <ReviewMarks id={id} type="flow" />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
