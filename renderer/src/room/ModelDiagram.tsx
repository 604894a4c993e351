import type { ParticipantModel } from '../../../core/room/participant-view';

/** The model as a read-only diagram: zones, components and flows, the finding's subject highlighted. */
export function ModelDiagram({ model, highlight }: { model: ParticipantModel; highlight: ReadonlySet<string> }) {
  const boxes = [...model.zones, ...model.components];
  if (boxes.length === 0) return <p className="muted">The model is empty.</p>;
  const minX = Math.min(...boxes.map((b) => b.x)) - 20;
  const minY = Math.min(...boxes.map((b) => b.y)) - 20;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + 20;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + 20;
  const byId = new Map(model.components.map((c) => [c.id, c]));
  const centre = (id: string) => {
    const c = byId.get(id);
    return c ? { x: c.x + c.width / 2, y: c.y + c.height / 2, hw: c.width / 2, hh: c.height / 2 } : null;
  };
  /** Where the line from `from`'s centre towards `to` leaves `from`'s box (so arrowheads show). */
  const edge = (from: { x: number; y: number; hw: number; hh: number }, to: { x: number; y: number }) => {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const s = Math.min(dx ? from.hw / Math.abs(dx) : Infinity, dy ? from.hh / Math.abs(dy) : Infinity, 1);
    return { x: from.x + dx * s, y: from.y + dy * s };
  };
  return (
    <svg className="diagram" viewBox={`${minX} ${minY} ${maxX - minX} ${maxY - minY}`} role="img" aria-label={`Diagram of ${model.title}`} data-testid="room-diagram">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" className="arrowhead" />
        </marker>
      </defs>
      {model.zones.map((z) => (
        <g key={z.id} className="zone">
          <rect x={z.x} y={z.y} width={z.width} height={z.height} rx={10} />
          <text x={z.x + 10} y={z.y + 20}>
            {z.label}
          </text>
        </g>
      ))}
      {model.flows.map((f) => {
        const a = centre(f.source);
        const b = centre(f.target);
        if (!a || !b) return null;
        const start = edge(a, b);
        const end = edge(b, a);
        return <line key={f.id} x1={start.x} y1={start.y} x2={end.x} y2={end.y} className={highlight.has(f.id) ? 'flow on' : 'flow'} markerEnd="url(#arrow)" />;
      })}
      {model.components.map((c) => (
        <g key={c.id} className={highlight.has(c.id) ? 'component on' : 'component'} data-testid={`room-node-${c.id}`}>
          <rect x={c.x} y={c.y} width={c.width} height={c.height} rx={8} />
          <text x={c.x + c.width / 2} y={c.y + c.height / 2 + 5} textAnchor="middle">
            {c.label.length > 24 ? c.label.slice(0, 23) + '…' : c.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
