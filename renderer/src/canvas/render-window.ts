// What the canvas mounts: the nodes inside a window around the view (the view plus one view's size
// on every side), at every zoom. The window moves in steps, not with every pan frame: it is computed
// again only when the view comes within a quarter of a margin of its edge (and re-centred at rest), and the nodes that newly enter it
// are mounted a few per frame, nearest first (those already on screen at once), so mounting stays off
// the pan path. Nodes that leave the window are unmounted when the view comes to rest.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Position,
  useStoreApi,
  type Edge,
  type Node,
  type NodeHandle,
  type ReactFlowState,
} from '@xyflow/react';
import { COMPONENT_SIZE } from '../state/model-edits';
import { isOverviewZoom } from './detail';

export type Rect = { x: number; y: number; width: number; height: number };

/**
 * Nodes mounted per animation frame while the window fills in (the ones on screen go at once): few
 * in detail, where a node carries handles and text, more in the overview, where it is a plain box.
 */
const PER_FRAME = { detail: 12, overview: 60 };
/** How long the view must rest before nodes that left the window are unmounted. */
const SETTLE_MS = 200;

export function viewRect(transform: readonly number[], width: number, height: number): Rect {
  const [tx, ty, zoom] = transform as [number, number, number];
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

export function grow(r: Rect, dx: number, dy: number): Rect {
  return { x: r.x - dx, y: r.y - dy, width: r.width + 2 * dx, height: r.height + 2 * dy };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function nodeRect(n: Node): Rect {
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? n.width ?? n.initialWidth ?? COMPONENT_SIZE.width,
    height: n.measured?.height ?? n.height ?? n.initialHeight ?? COMPONENT_SIZE.height,
  };
}

/** The window for a view: the view and one view's size around it. */
export const windowFor = (view: Rect): Rect => grow(view, view.width, view.height);

/**
 * Whether the window still serves the view: the view keeps `slack` (a fraction of its own size) from
 * the window's edges, and the zoom has not changed much. While the view moves the slack is small (the
 * window moves only before blank canvas would show); at rest it is half the margin, so the window is
 * centred again while nobody is panning.
 */
export function windowServes(win: Rect, view: Rect, slack = 0.25): boolean {
  const ratio = win.width / (3 * view.width);
  return ratio > 0.66 && ratio < 1.5 && contains(grow(win, -view.width * slack, -view.height * slack), view);
}

/** A declared handle, so React Flow can route a flow to a node it never measured. */
const STAND_IN_HANDLES: NodeHandle[] = [
  {
    id: Position.Top,
    type: 'source',
    position: Position.Top,
    x: COMPONENT_SIZE.width / 2,
    y: 0,
    width: 1,
    height: 1,
  },
];

const hiddenCopies = new WeakMap<Node, Node>();
/**
 * A stand-in for an edge's far end outside the window: in React Flow's store (so the edge has an end)
 * but never rendered. Only stand-ins declare handles: declared handles replace measured ones.
 */
function hiddenCopy(n: Node): Node {
  let copy = hiddenCopies.get(n);
  if (!copy) hiddenCopies.set(n, (copy = { ...n, hidden: true, handles: STAND_IN_HANDLES }));
  return copy;
}

function inWindow(nodes: readonly Node[], win: Rect): Node[] {
  return nodes.filter((n) => overlaps(nodeRect(n), win));
}

/**
 * The nodes and edges React Flow gets: those around the view. `nodes` and `edges` are the whole
 * diagram. With `enabled` false (small diagrams) everything is passed through.
 */
export function useRenderWindow(
  nodes: Node[],
  edges: Edge[],
  enabled: boolean,
): { nodes: Node[]; edges: Edge[]; settle: () => void } {
  const store = useStoreApi();
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set());
  const win = useRef<Rect | null>(null);
  const pending = useRef<string[]>([]);
  const frame = useRef(0);
  const latest = useRef(nodes);
  latest.current = nodes;

  const pump = useCallback(() => {
    frame.current = 0;
    const zoom = store.getState().transform[2];
    const batch = pending.current.splice(0, isOverviewZoom(zoom) ? PER_FRAME.overview : PER_FRAME.detail);
    if (batch.length) setMounted((prev) => new Set([...prev, ...batch]));
    if (pending.current.length) frame.current = requestAnimationFrame(pump);
  }, [store]);

  /**
   * 'move': the view moved; the window moves only if it no longer serves the view, and nodes are only
   * added. 'rest': the view came to rest; nodes outside the window are unmounted. 'content': the
   * diagram changed; the same window, nodes only added.
   */
  const update = useCallback(
    (mode: 'move' | 'rest' | 'content') => {
      const s: ReactFlowState = store.getState();
      if (!s.width || !s.height) return;
      const view = viewRect(s.transform, s.width, s.height);
      const serves = !!win.current && windowServes(win.current, view, mode === 'rest' ? 0.5 : 0.25);
      if (mode === 'move' && serves) return;
      const moved = !serves || !win.current;
      if (moved) win.current = windowFor(view);
      const area = win.current!;
      const targets = inWindow(latest.current, area);
      const cx = view.x + view.width / 2;
      const cy = view.y + view.height / 2;
      setMounted((prev) => {
        const now: string[] = [];
        const later: Array<{ id: string; d: number }> = [];
        for (const n of targets) {
          if (prev.has(n.id)) continue;
          const r = nodeRect(n);
          if (overlaps(r, view)) now.push(n.id);
          else later.push({ id: n.id, d: Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy) });
        }
        later.sort((a, b) => a.d - b.d);
        pending.current = later.map((l) => l.id);
        if (pending.current.length && !frame.current) frame.current = requestAnimationFrame(pump);
        if (mode === 'rest') {
          const keep = new Set(targets.map((n) => n.id));
          let removed = 0;
          for (const id of prev) if (!keep.has(id)) removed++;
          if (removed === 0 && now.length === 0) return prev;
          const out = new Set<string>();
          for (const id of prev) if (keep.has(id)) out.add(id);
          for (const id of now) out.add(id);
          return out;
        }
        return now.length ? new Set([...prev, ...now]) : prev;
      });
    },
    [store, pump],
  );

  useEffect(() => {
    if (!enabled) return;
    let last = store.getState().transform;
    let lastSize = `${store.getState().width}x${store.getState().height}`;
    win.current = null;
    update('rest');
    const unsubscribe = store.subscribe((s) => {
      const size = `${s.width}x${s.height}`;
      if (s.transform === last && size === lastSize) return;
      last = s.transform;
      lastSize = size;
      update('move');
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [enabled, store, update]);

  // The diagram changed (a load, an added or moved node): the window's contents are computed again.
  useEffect(() => {
    if (enabled) update('content');
  }, [nodes, enabled, update]);

  const shown = useMemo(() => {
    if (!enabled) return { nodes, edges };
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const out: Node[] = [];
    for (const n of nodes) if (mounted.has(n.id)) out.push(n);
    const visibleEdges: Edge[] = [];
    const anchors = new Set<string>();
    const area = win.current;
    for (const e of edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b) continue;
      const inA = mounted.has(a.id);
      const inB = mounted.has(b.id);
      if (!inA && !inB) {
        if (!area) continue;
        const ra = nodeRect(a);
        const rb = nodeRect(b);
        const x = Math.min(ra.x, rb.x);
        const y = Math.min(ra.y, rb.y);
        const span = {
          x,
          y,
          width: Math.max(ra.x + ra.width, rb.x + rb.width) - x,
          height: Math.max(ra.y + ra.height, rb.y + rb.height) - y,
        };
        if (!overlaps(span, area)) continue;
      }
      visibleEdges.push(e);
      if (!inA) anchors.add(a.id);
      if (!inB) anchors.add(b.id);
    }
    for (const id of anchors) out.push(hiddenCopy(byId.get(id)!));
    return { nodes: out, edges: visibleEdges };
  }, [enabled, nodes, edges, mounted]);

  const settleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const settle = useCallback(() => {
    clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => update('rest'), SETTLE_MS);
  }, [update]);
  useEffect(() => () => clearTimeout(settleTimer.current), []);
  return { ...shown, settle };
}
