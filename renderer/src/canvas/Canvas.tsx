import { useCallback, useEffect, useMemo } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import { useDocument } from '../state/document-store';
import { toEdges, toNodes } from './to-flow';
import { ComponentNode, ZoneNode } from './ComponentNode';

// Declared once at module scope, as React Flow requires for stable rendering.
const nodeTypes: NodeTypes = { component: ComponentNode, zone: ZoneNode };

export function Canvas() {
  const model = useDocument((s) => s.model);
  const edit = useDocument((s) => s.edit);
  const initialNodes = useMemo(() => (model ? toNodes(model) : []), [model]);
  const initialEdges = useMemo(() => (model ? toEdges(model) : []), [model]);
  const [nodes, setNodes, onNodesChange] = useNodesState(initialNodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState(initialEdges);

  useEffect(() => setNodes(initialNodes), [initialNodes, setNodes]);
  useEffect(() => setEdges(initialEdges), [initialEdges, setEdges]);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, dragged: Node[]) => {
      edit((m) => {
        const boxes = { ...m.layout.boxes };
        for (const n of dragged) {
          const previous = boxes[n.id];
          boxes[n.id] = { ...previous, x: Math.round(n.position.x), y: Math.round(n.position.y) };
        }
        return { ...m, layout: { ...m.layout, boxes } };
      });
    },
    [edit],
  );

  if (!model) return null;
  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onlyRenderVisibleElements
        fitView
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
