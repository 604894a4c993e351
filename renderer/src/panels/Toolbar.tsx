import { useReactFlow } from '@xyflow/react';
import { useDocument } from '../state/document-store';
import { useSession } from '../state/session-store';
import { useEditorPrefs } from '../state/editor-prefs';
import { usePreferences } from '../state/preferences';
import { save } from '../state/files';
import { layoutModel } from '../state/commands';
import { ExtraToolbarButtons } from './ExtraToolbarButtons';
import { PresentButton } from '../presentation/PresentationMode';

export function Toolbar() {
  const title = useDocument((s) => s.model?.meta.title);
  const path = useDocument((s) => s.path);
  const dirty = useDocument((s) => s.dirty);
  const canUndo = useDocument((s) => s.past.length > 0);
  const canRedo = useDocument((s) => s.future.length > 0);
  const snap = useEditorPrefs((s) => s.snapToGrid);
  const theme = usePreferences((s) => s.theme);
  const flow = useReactFlow();
  const session = useSession.getState();
  const hasModel = title !== undefined;
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <span className="brand">Mercator</span>
      <button onClick={() => session.setNewDialog(true)} title="New model (Ctrl+N)" aria-label="New model">
        New…
      </button>
      <button onClick={() => session.setOpenDialog(true)} title="Open (Ctrl+O)" aria-label="Open a model">
        Open…
      </button>
      <button onClick={() => void save()} disabled={!hasModel} title="Save (Ctrl+S)" aria-label="Save">
        Save
      </button>
      <button onClick={() => void save({ saveAs: true })} disabled={!hasModel} title="Save as (Ctrl+Shift+S)" aria-label="Save as">
        Save as…
      </button>
      <ExtraToolbarButtons disabled={!hasModel} />
      <PresentButton disabled={!hasModel} />
      <span className="sep" aria-hidden="true" />
      <button onClick={() => useDocument.getState().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo">
        Undo
      </button>
      <button onClick={() => useDocument.getState().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo">
        Redo
      </button>
      <button onClick={layoutModel} disabled={!hasModel} title="Lay out automatically (Shift+L)" aria-label="Auto layout">
        Layout
      </button>
      <button onClick={() => void flow.fitView({ padding: 0.12, duration: 200 })} disabled={!hasModel} title="Zoom to fit (Shift+1)" aria-label="Zoom to fit">
        Fit
      </button>
      <button aria-pressed={snap} onClick={useEditorPrefs.getState().toggleSnap} title="Snap to grid (G)" aria-label="Snap to grid">
        Snap {snap ? 'on' : 'off'}
      </button>
      <span className="doc-title" data-testid="doc-title">
        {title ?? 'No model open'}
        {path && <span className="muted"> — {path}</span>}
        {dirty && (
          <span className="dirty" aria-label="unsaved changes" title="Unsaved changes" data-testid="dirty-marker">
            {' '}
            ●
          </span>
        )}
      </span>
      <span className="spacer" />
      <button onClick={usePreferences.getState().toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} title="Theme">
        {theme === 'dark' ? 'Light' : 'Dark'} theme
      </button>
      <button onClick={() => useEditorPrefs.getState().setShortcutsOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </header>
  );
}
