// Writes unsaved edits to the host's autosave journal a moment after each change, so a crash of the
// app, the browser or the machine loses at most a couple of seconds of work.
import { useEffect } from 'react';
import { call } from '../api/client';
import { useDocument } from './document-store';

export const AUTOSAVE_DELAY_MS = 1500;

export function useAutosave() {
  const revision = useDocument((s) => s.revision);
  const dirty = useDocument((s) => s.dirty);
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      const { model, path, hash, journalKey, dirty: stillDirty } = useDocument.getState();
      if (!model || !stillDirty) return;
      void call('journal:write', { key: journalKey, path, baseHash: hash, model });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [revision, dirty]);
}
