import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { OpenDialog, SaveAsDialog } from './panels/Dialogs';
import { Notices, ProblemsPanel, RecoveryBanner } from './panels/Problems';
import { useDocument } from './state/document-store';
import { useSession } from './state/session-store';
import { openExample, save } from './state/files';
import { useAutosave } from './state/autosave';
import { callOrThrow } from './api/client';

function Toolbar() {
  const title = useDocument((s) => s.model?.meta.title);
  const path = useDocument((s) => s.path);
  const dirty = useDocument((s) => s.dirty);
  const canUndo = useDocument((s) => s.past.length > 0);
  const canRedo = useDocument((s) => s.future.length > 0);
  const setOpen = useSession((s) => s.setOpenDialog);
  return (
    <header className="toolbar" role="toolbar" aria-label="File">
      <span className="brand">Mercator</span>
      <button onClick={() => setOpen(true)} title="Open (Ctrl+O)">
        Open…
      </button>
      <button onClick={() => void save()} disabled={!title} title="Save (Ctrl+S)">
        Save
      </button>
      <button onClick={() => void save({ saveAs: true })} disabled={!title} title="Save as (Ctrl+Shift+S)">
        Save as…
      </button>
      <button onClick={() => useDocument.getState().undo()} disabled={!canUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button onClick={() => useDocument.getState().redo()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <span className="doc-title" data-testid="doc-title">
        {title ?? 'No model open'}
        {path && <span className="muted"> — {path}</span>}
        {dirty && (
          <span className="dirty" aria-label="unsaved changes" title="Unsaved changes">
            {' '}
            ●
          </span>
        )}
      </span>
    </header>
  );
}

function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      const doc = useDocument.getState();
      if (key === 's') {
        event.preventDefault();
        void save({ saveAs: event.shiftKey });
      } else if (key === 'o') {
        event.preventDefault();
        useSession.getState().setOpenDialog(true);
      } else if (key === 'z' && !isTyping(event)) {
        event.preventDefault();
        if (event.shiftKey) doc.redo();
        else doc.undo();
      } else if (key === 'y' && !isTyping(event)) {
        event.preventDefault();
        doc.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

function useUnsavedGuard() {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useDocument.getState().dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

/** On start: offer to restore unsaved work from the journal, otherwise open the first example. */
function useStartup() {
  useEffect(() => {
    void (async () => {
      try {
        const { entries } = await callOrThrow('journal:list', {});
        if (entries[0]) useSession.getState().setRecovery(entries[0]);
        const { examples } = await callOrThrow('example:list', {});
        if (!useDocument.getState().model && examples[0]) await openExample(examples[0].id);
      } catch (error) {
        useSession.getState().notify('error', error instanceof Error ? error.message : String(error));
      }
    })();
  }, []);
}

export function App() {
  const openDialog = useSession((s) => s.openDialog);
  const saveAs = useSession((s) => s.saveAs);
  useShortcuts();
  useUnsavedGuard();
  useAutosave();
  useStartup();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <RecoveryBanner />
        <main className="workspace">
          <Canvas />
          <ProblemsPanel />
        </main>
        <Notices />
        {openDialog && <OpenDialog />}
        {saveAs && <SaveAsDialog />}
      </div>
    </ReactFlowProvider>
  );
}
