import { memo } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import type { ZoneFlowNode } from './to-flow';
import { useDocument } from '../state/document-store';
import { moveBoxes } from '../state/model-edits';
import { ZONE_KINDS } from '../../../core/kinds';
import { ReviewMarks } from '../review/CanvasMarks';

/** A trust boundary: a resizable zone. Components whose center lies inside belong to it. */
export const ZoneNode = memo(function ZoneNode({ id, data, selected }: NodeProps<ZoneFlowNode>) {
  const { zone } = data;
  const kindName = (ZONE_KINDS as Record<string, { label: string }>)[zone.kind]?.label ?? zone.kind;
  return (
    <div
      className={`zone-node zone-${zone.kind}${selected ? ' selected' : ''}`}
      data-testid={`zone-${zone.id}`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        color="var(--accent)"
        onResizeEnd={(_event, params) =>
          useDocument
            .getState()
            .edit((m) =>
              moveBoxes(
                m,
                new Map([[id, { x: params.x, y: params.y, width: params.width, height: params.height }]]),
              ),
            )
        }
      />
      <div className="zone-label">
        <span className="zone-kind">{kindName}</span> <span className="zone-title">{zone.label}</span>
      </div>
      <ReviewMarks id={id} type="zone" />
    </div>
  );
});
