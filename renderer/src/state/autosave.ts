// Writes unsaved edits to the host's autosave journal a moment after each change, so a crash of the
// app, the browser or the machine loses at most a couple of seconds of work.
import { useEffect } from 'react';
import { call } from '../api/client';
import { useDocument } from './document-store';
import { useSession } from './session-store';

export const AUTOSAVE_DELAY_MS = 1500;

export function useAutosave() {
  const revision = useDocument((s) => s.revision);
  const dirty = useDocument((s) => s.dirty);
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      const { model, path, hash, journalKey, dirty: stillDirty } = useDocument.getState();
      if (!model || !stillDirty) return;
      void call('journal:write', { key: journalKey, path, baseHash: hash, model }).then(
        (result) => {
          const session = useSession.getState();
          if (result.ok) {
            if (session.autosaveFailure) session.setAutosaveFailure(null);
          } else session.setAutosaveFailure({ code: result.error.code, message: result.error.message, at: new Date().toISOString() });
        },
        (error: unknown) =>
          useSession.getState().setAutosaveFailure({ code: 'E_INTERNAL', message: error instanceof Error ? error.message : String(error), at: new Date().toISOString() }),
      );
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [revision, dirty]);
}
