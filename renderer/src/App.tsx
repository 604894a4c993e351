import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { Palette } from './canvas/Palette';
import { NewModelDialog, OpenDialog, SaveAsDialog } from './panels/Dialogs';
import { AutosaveBanner, Notices, ProblemsPanel, RecoveryBanner } from './panels/Problems';
import { Toolbar } from './panels/Toolbar';
import { Sidebar } from './panels/Sidebar';
import { ConfirmDialog } from './panels/ConfirmDialog';
import { ShortcutsHelp } from './panels/ShortcutsHelp';
import { useDocument } from './state/document-store';
import { useSession } from './state/session-store';
import { usePreferences } from './state/preferences';
import { openExample, openLocalFile } from './state/files';
import { useAutosave } from './state/autosave';
import { useAnalysis } from './state/analysis';
import { useShortcuts } from './state/use-shortcuts';
import { callOrThrow } from './api/client';
import { PresentationMode } from './presentation/PresentationMode';
import { usePresentation } from './presentation/presentation-store';
import { useReviewComparison } from './review/use-review-comparison';
import { NameDialog } from './review/NameDialog';
import './review/review.css';
import './canvas/canvas.css';
import './panels/panels.css';

function useUnsavedGuard() {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useDocument.getState().dirty) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

/** document.title shows the model's title and a dirty marker, like the toolbar. */
function useWindowTitle() {
  const title = useDocument((s) => s.model?.meta.title);
  const dirty = useDocument((s) => s.dirty);
  useEffect(() => {
    document.title = title ? `${dirty ? '● ' : ''}${title} — Mercator` : 'Mercator';
  }, [title, dirty]);
}

function useTheme() {
  const theme = usePreferences((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}

/** On start: offer to restore unsaved work from the journal, otherwise open the first example. */
function useStartup() {
  useEffect(() => {
    void (async () => {
      try {
        const { entries } = await callOrThrow('journal:list', {});
        // Every unsaved model is offered back, newest first, not just the latest.
        if (entries.length > 0) useSession.getState().setRecoveries(entries);
        const { examples } = await callOrThrow('example:list', {});
        // Only when the user has not opened something meanwhile (a quick click on a recent file).
        const generation = useDocument.getState().generation;
        if (!useDocument.getState().model && examples[0]) await openExample(examples[0].id, { guard: false, unless: () => useDocument.getState().generation !== generation });
      } catch (error) {
        useSession.getState().notify('error', error instanceof Error ? error.message : String(error));
      }
    })();
  }, []);
}

/** Dropping a .json file anywhere on the window opens it (palette drags are handled by the canvas). */
function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (!/\.json$/i.test(file.name)) {
        useSession.getState().notify('error', `${file.name} is not a model file (*.mercator.json).`);
        return;
      }
      void openLocalFile(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}

function Editor() {
  const openDialog = useSession((s) => s.openDialog);
  const saveAs = useSession((s) => s.saveAs);
  const newDialog = useSession((s) => s.newDialog);
  useShortcuts();
  useUnsavedGuard();
  useAutosave();
  useAnalysis();
  useReviewComparison();
  useStartup();
  useWindowTitle();
  useTheme();
  const dropping = useFileDrop();
  const presenting = usePresentation((s) => s.active);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <Toolbar />
      <RecoveryBanner />
      <AutosaveBanner />
      <main className="workspace">
        <Palette />
        <Canvas />
        <Sidebar />
        <ProblemsPanel />
      </main>
      {presenting && <PresentationMode />}
      {dropping && <div className="drop-overlay">Drop a model file to open it</div>}
      <Notices />
      {openDialog && <OpenDialog />}
      {saveAs && <SaveAsDialog />}
      {newDialog && <NewModelDialog />}
      <ShortcutsHelp />
      <ConfirmDialog />
      <NameDialog />
    </div>
  );
}

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}
