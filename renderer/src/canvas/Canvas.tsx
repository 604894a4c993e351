import { useCallback, useEffect, useRef, useState, type DragEvent, type PointerEvent } from 'react';
import {
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  getViewportForBounds,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type EdgeTypes,
  type ReactFlowState,
  type Node,
  type NodeChange,
  type NodeTypes,
  type Viewport,
} from '@xyflow/react';
import { useDocument } from '../state/document-store';
import { useSelection } from '../state/selection-store';
import { useEditorPrefs } from '../state/editor-prefs';
import { moveBoxes } from '../state/model-edits';
import { connectComponents } from '../state/commands';
import { toEdges, toNodes } from './to-flow';
import { ComponentNode } from './ComponentNode';
import { ZoneNode } from './ZoneNode';
import { FlowEdge } from './FlowEdge';
import { PALETTE_MIME, dropPaletteItem } from './palette-drop';
import { OverviewContext, WINDOW_FROM, isOverviewZoom } from './detail';
import { useRenderWindow } from './render-window';
import { fitBounds } from './fit';
import { GridPlane } from './GridPlane';
import { OverviewFlows } from './OverviewFlows';
import { RemovedGhosts } from '../review/CanvasMarks';

// Declared once at module scope, as React Flow requires for stable rendering.
const nodeTypes: NodeTypes = { component: ComponentNode, zone: ZoneNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge };
const SNAP: [number, number] = [16, 16];
type NodeUpdates = Parameters<ReactFlowState['updateNodeInternals']>[0];
/** In the overview the flows are drawn as one path (OverviewFlows), not as React Flow edges. */
const NO_EDGES: Edge[] = [];

/**
 * Panning: the pane captures the pointer, so the browser stops hit-testing every component and flow
 * under the moving pointer (with a thousand on screen that is most of the cost of a pan frame).
 */
function capturePanPointer(event: PointerEvent<HTMLDivElement>) {
  const target = event.target as Element;
  if (target.classList.contains('react-flow__pane')) target.setPointerCapture(event.pointerId);
}

function applySelection(changes: ReadonlyArray<NodeChange | EdgeChange>): boolean {
  const picks = changes.filter((c): c is Extract<NodeChange, { type: 'select' }> => c.type === 'select');
  if (picks.length === 0) return false;
  const selection = useSelection.getState();
  const next = new Set(selection.selected);
  for (const c of picks) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  selection.select(next);
  return true;
}

export function Canvas() {
  const model = useDocument((s) => s.model);
  const generation = useDocument((s) => s.generation);
  const selected = useSelection((s) => s.selected);
  const snap = useEditorPrefs((s) => s.snapToGrid);
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<Node[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const overview = useStore((s) => isOverviewZoom(s.transform[2]));
  const store = useStoreApi();
  const canvasRef = useRef<HTMLDivElement>(null);
  /** Members of a zone being dragged, with their start positions, so they move with it. */
  const zoneDrag = useRef<{
    zone: { x: number; y: number };
    members: Map<string, { x: number; y: number }>;
  } | null>(null);

  useEffect(() => {
    // A newly loaded model: fit it in view straight away, from the boxes in its layout (so the first
    // frame is already the fitted one); an empty one starts at 100 %.
    const m = useDocument.getState().model;
    if (!m || (m.components.length === 0 && m.zones.length === 0)) {
      void flow.setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    const { width, height, minZoom } = store.getState();
    if (width && height) {
      void flow.setViewport(getViewportForBounds(fitBounds(m), width, height, minZoom, 1.2, 0.12));
      return;
    }
    const timer = setTimeout(() => void flow.fitView({ padding: 0.12, maxZoom: 1.2 }), 60);
    return () => clearTimeout(timer);
  }, [generation, flow, store]);

  useEffect(() => {
    if (!model) return;
    setNodes((prev) => toNodes(model, selected, prev));
    setEdges((prev) => toEdges(model, selected, prev));
  }, [model, selected]);

  const big = nodes.length > WINDOW_FROM;
  const windowed = useRenderWindow(nodes, overview ? NO_EDGES : edges, big);

  useEffect(() => {
    // Leaving the overview, components get their real handles back (they had one hidden stand-in):
    // measure the mounted ones again, found in one pass, so connections snap to the real handles.
    if (overview) return;
    const frame = requestAnimationFrame(() => {
      const updates: NodeUpdates = new Map();
      for (const el of canvasRef.current?.querySelectorAll<HTMLDivElement>('.react-flow__node-component') ??
        []) {
        const id = el.dataset.id;
        if (id) updates.set(id, { id, nodeElement: el, force: true });
      }
      if (updates.size) store.getState().updateNodeInternals(updates, { triggerFitView: false });
    });
    return () => cancelAnimationFrame(frame);
  }, [overview, store]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    applySelection(changes);
    const rest = changes.filter((c) => c.type !== 'select' && c.type !== 'remove');
    if (rest.length) setNodes((nds) => applyNodeChanges(rest, nds));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    applySelection(changes);
    const rest = changes.filter((c) => c.type !== 'select' && c.type !== 'remove');
    if (rest.length) setEdges((eds) => applyEdgeChanges(rest, eds));
  }, []);

  const onNodeDragStart = useCallback((_event: unknown, node: Node, dragged: Node[]) => {
    const m = useDocument.getState().model;
    zoneDrag.current = null;
    if (!m || node.type !== 'zone' || dragged.length !== 1) return;
    const members = new Map<string, { x: number; y: number }>();
    const inside = new Set([node.id]);
    // Nested zones and their components travel with the zone too.
    for (let grew = true; grew;) {
      grew = false;
      for (const z of m.zones) {
        if (z.parent && inside.has(z.parent) && !inside.has(z.id)) {
          inside.add(z.id);
          grew = true;
        }
      }
    }
    for (const id of inside)
      if (id !== node.id) members.set(id, { ...(m.layout.boxes[id] ?? { x: 0, y: 0 }) });
    for (const c of m.components)
      if (c.zone && inside.has(c.zone)) members.set(c.id, { ...(m.layout.boxes[c.id] ?? { x: 0, y: 0 }) });
    zoneDrag.current = { zone: { ...node.position }, members };
  }, []);

  const onNodeDrag = useCallback((_event: unknown, node: Node) => {
    const drag = zoneDrag.current;
    if (!drag || drag.members.size === 0) return;
    const dx = node.position.x - drag.zone.x;
    const dy = node.position.y - drag.zone.y;
    setNodes((nds) =>
      nds.map((n) =>
        drag.members.has(n.id)
          ? { ...n, position: { x: drag.members.get(n.id)!.x + dx, y: drag.members.get(n.id)!.y + dy } }
          : n,
      ),
    );
  }, []);

  const onNodeDragStop = useCallback((_event: unknown, node: Node, dragged: Node[]) => {
    const moves = new Map<string, { x: number; y: number }>();
    for (const n of dragged) moves.set(n.id, { x: n.position.x, y: n.position.y });
    const drag = zoneDrag.current;
    if (drag) {
      const dx = node.position.x - drag.zone.x;
      const dy = node.position.y - drag.zone.y;
      for (const [id, p] of drag.members) moves.set(id, { x: p.x + dx, y: p.y + dy });
    }
    zoneDrag.current = null;
    useDocument.getState().edit((m) => moveBoxes(m, moves));
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    if (connection.source && connection.target) connectComponents(connection.source, connection.target);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const raw = event.dataTransfer.getData(PALETTE_MIME);
      if (!raw) return;
      event.preventDefault();
      event.stopPropagation();
      dropPaletteItem(raw, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow],
  );

  const rasterZoom = useRef<number | null>(null);
  const settleWindow = windowed.settle;
  const onMoveEnd = useCallback(
    (_event: unknown, viewport: Viewport) => {
      settleWindow();
      // The viewport is one composited layer (will-change: transform), which the browser keeps at the
      // scale it was first drawn at: after a zoom, drop the hint for a frame so it is drawn sharp again.
      if (rasterZoom.current === viewport.zoom) return;
      rasterZoom.current = viewport.zoom;
      const layer = canvasRef.current?.querySelector<HTMLElement>('.react-flow__viewport');
      if (!layer) return;
      layer.style.willChange = 'auto';
      requestAnimationFrame(() => requestAnimationFrame(() => (layer.style.willChange = '')));
    },
    [settleWindow],
  );

  const onPaneClick = useCallback(() => {
    useSelection.getState().select([]);
    useSelection.getState().focusFinding(null);
  }, []);

  if (!model) return <div className="canvas empty-canvas" />;
  return (
    <div
      ref={canvasRef}
      className={`canvas${overview ? ' canvas-overview' : ''}`}
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onPointerDown={capturePanPointer}
    >
      <OverviewContext value={overview}>
        <ReactFlow
          nodes={windowed.nodes}
          edges={windowed.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onPaneClick={onPaneClick}
          onMoveEnd={onMoveEnd}
          connectionMode={ConnectionMode.Loose}
          minZoom={0.05}
          maxZoom={3}
          snapToGrid={snap}
          snapGrid={SNAP}
          proOptions={{ hideAttribution: true }}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control']}
          elevateNodesOnSelect={false}
          aria-label="Architecture diagram"
        >
          {overview && <OverviewFlows nodes={nodes} flows={model.flows} />}
          <GridPlane />
          <MiniMap pannable zoomable ariaLabel="Minimap" nodeStrokeWidth={2} />
          <Controls aria-label="Zoom controls">
            <ControlButton
              onClick={() => void flow.zoomTo(1)}
              title="Zoom to 100 %"
              aria-label="Zoom to 100 %"
              className="zoom-actual"
            >
              1:1
            </ControlButton>
          </Controls>
          <RemovedGhosts />
        </ReactFlow>
      </OverviewContext>
      {model.components.length === 0 && model.zones.length === 0 && (
        <div className="canvas-hint" data-testid="canvas-hint">
          Drag components from the palette (or click one) to start drawing. Connect two components by dragging
          from a dot on one box to a dot on another.
        </div>
      )}
    </div>
  );
}
