// The dot grid, drawn inside the diagram's moving layer rather than over the pane: a pan then moves
// pixels the browser has already drawn, instead of repainting a full-screen pattern every frame (on a
// software-rendered canvas that repaint was most of a pan frame's cost). The plane covers a window
// around the view and is moved, in whole grid steps, only when the view nears its edge.
import { useEffect, useState } from 'react';
import { ViewportPortal, useStoreApi } from '@xyflow/react';
import { viewRect, windowFor, windowServes, type Rect } from './render-window';

const GAP = 16;
/** Below this zoom the dots are too dense to help and cost more to paint than the diagram. */
const MIN_ZOOM = 0.45;

const snap = (r: Rect): Rect => {
  const x = Math.floor(r.x / GAP) * GAP;
  const y = Math.floor(r.y / GAP) * GAP;
  return {
    x,
    y,
    width: Math.ceil((r.x + r.width - x) / GAP) * GAP,
    height: Math.ceil((r.y + r.height - y) / GAP) * GAP,
  };
};

export function GridPlane() {
  const store = useStoreApi();
  const [plane, setPlane] = useState<Rect | null>(null);
  useEffect(() => {
    let current: Rect | null = null;
    const place = () => {
      const s = store.getState();
      if (!s.width || !s.height || s.transform[2] < MIN_ZOOM) {
        if (current) setPlane((current = null));
        return;
      }
      const view = viewRect(s.transform, s.width, s.height);
      if (current && windowServes(current, view)) return;
      setPlane((current = snap(windowFor(view))));
    };
    place();
    return store.subscribe(place);
  }, [store]);
  if (!plane) return null;
  return (
    <ViewportPortal>
      <div
        className="grid-plane"
        aria-hidden="true"
        style={{
          transform: `translate(${plane.x}px, ${plane.y}px)`,
          width: plane.width,
          height: plane.height,
        }}
      />
    </ViewportPortal>
  );
}
