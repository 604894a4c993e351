import { memo, useMemo } from 'react';
import { EdgeLabelRenderer, type Node } from '@xyflow/react';
import type { Flow } from '../../../core/model/schema';
import { useSelection } from '../state/selection-store';
import { borderPoint } from './floating';
import { COMPONENT_SIZE } from './to-flow';

type Box = { x: number; y: number; width: number; height: number };

function boxes(nodes: readonly Node[]): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of nodes) {
    if (n.type !== 'component') continue;
    const width = n.measured?.width ?? COMPONENT_SIZE.width;
    const height = n.measured?.height ?? COMPONENT_SIZE.height;
    out.set(n.id, { x: n.position.x, y: n.position.y, width, height });
  }
  return out;
}

/** One SVG path of straight segments from border to border, for the given flows. */
export function overviewPath(
  flows: readonly Flow[],
  byId: ReadonlyMap<string, Box>,
  only?: ReadonlySet<string>,
): string {
  const parts: string[] = [];
  for (const flow of flows) {
    if (only && !only.has(flow.id)) continue;
    const a = byId.get(flow.source);
    const b = byId.get(flow.target);
    if (!a || !b || flow.source === flow.target) continue;
    const s = borderPoint(a, b);
    const t = borderPoint(b, a);
    parts.push(`M${s.x.toFixed(1)} ${s.y.toFixed(1)}L${t.x.toFixed(1)} ${t.y.toFixed(1)}`);
  }
  return parts.join('');
}

/** One SVG path outlining every component box: the overview is painted at once, before its nodes mount. */
export function overviewBoxes(byId: ReadonlyMap<string, Box>): string {
  const parts: string[] = [];
  for (const b of byId.values()) parts.push(`M${b.x} ${b.y}h${b.width}v${b.height}h${-b.width}Z`);
  return parts.join('');
}

/**
 * The flows of the overview (see detail.ts): every flow in a single path, drawn in the layer under
 * the components, so panning a thousand flows costs what one element costs. The component boxes are
 * outlined the same way underneath. Highlighted and selected
 * flows get a second, colored path on top.
 */
export const OverviewFlows = memo(function OverviewFlows({
  nodes,
  flows,
}: {
  nodes: readonly Node[];
  flows: readonly Flow[];
}) {
  const byId = useMemo(() => boxes(nodes), [nodes]);
  const all = useMemo(() => overviewPath(flows, byId), [flows, byId]);
  const outlines = useMemo(() => overviewBoxes(byId), [byId]);
  const highlighted = useSelection((s) => s.highlighted);
  const selected = useSelection((s) => s.selected);
  const lit = useMemo(() => {
    const ids = new Set([...highlighted, ...selected]);
    return ids.size ? overviewPath(flows, byId, ids) : '';
  }, [flows, byId, highlighted, selected]);
  return (
    <EdgeLabelRenderer>
      <svg className="overview-flows" data-testid="overview-flows" aria-hidden="true">
        <path className="overview-flow" d={all} />
        {/* Every box outlined underneath its node: a node still mounting (render-window.ts mounts the
            ones off screen a batch per frame) already shows as a box. */}
        <path className="overview-box" d={outlines} data-testid="overview-boxes" data-count={byId.size} />
        {lit && <path className="overview-flow lit" d={lit} />}
      </svg>
    </EdgeLabelRenderer>
  );
});
