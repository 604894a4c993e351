// Keyboard shortcuts of the editor (the cheat sheet on `?` lists them).
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useDocument } from './document-store';
import { useSession } from './session-store';
import { useSelection } from './selection-store';
import { useEditorPrefs } from './editor-prefs';
import { save } from './files';
import { copySelection, deleteSelection, duplicateSelection, layoutModel, pasteClipboard, selectAll } from './commands';

export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable;
}

function inDialog(): boolean {
  return !!document.querySelector('[role="dialog"]');
}

export function useShortcuts() {
  const flow = useReactFlow();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const doc = useDocument.getState();
      const typing = isTyping(event);
      if (mod && key === 's') {
        event.preventDefault();
        void save({ saveAs: event.shiftKey });
        return;
      }
      if (mod && key === 'o') {
        event.preventDefault();
        useSession.getState().setOpenDialog(true);
        return;
      }
      if (mod && key === 'n') {
        event.preventDefault();
        useSession.getState().setNewDialog(true);
        return;
      }
      if (typing || inDialog() || event.defaultPrevented) return;
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) doc.redo();
        else doc.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        doc.redo();
      } else if (mod && key === 'c') {
        if (copySelection()) event.preventDefault();
      } else if (mod && key === 'v') {
        event.preventDefault();
        pasteClipboard();
      } else if (mod && key === 'd') {
        event.preventDefault();
        duplicateSelection();
      } else if (mod && key === 'a') {
        event.preventDefault();
        selectAll();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        event.preventDefault();
        deleteSelection();
      } else if (!mod && event.key === '?') {
        useEditorPrefs.getState().setShortcutsOpen(true);
      } else if (!mod && event.shiftKey && key === 'l') {
        layoutModel();
      } else if (!mod && event.shiftKey && event.code === 'Digit1') {
        void flow.fitView({ padding: 0.12, duration: 200 });
      } else if (!mod && !event.shiftKey && key === 'g') {
        useEditorPrefs.getState().toggleSnap();
      } else if (event.key === 'Escape') {
        useSelection.getState().select([]);
        useSelection.getState().focusFinding(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flow]);
}
