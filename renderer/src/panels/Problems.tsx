import { useSession, type RecoveryOffer } from '../state/session-store';
import { useDocument } from '../state/document-store';
import { callOrThrow } from '../api/client';
import { confirmDiscard } from '../state/files';

/** Errors and warnings from loading a model: code, place (JSON Pointer, line) and message, as text. */
export function ProblemsPanel() {
  const problems = useSession((s) => s.problems);
  const setProblems = useSession((s) => s.setProblems);
  if (!problems) return null;
  return (
    <aside className="problems" role="alert" data-testid="problems">
      <header>
        <h2>{problems.title}</h2>
        <button className="icon" onClick={() => setProblems(null)} aria-label="Dismiss">
          ×
        </button>
      </header>
      <ul>
        {problems.problems.map((p, i) => (
          <li key={i}>
            <code className="code">{p.code}</code> at <code>{p.pointer === '' ? '(document)' : p.pointer}</code>
            {p.line !== undefined && (
              <span className="muted">
                {' '}
                (line {p.line}, column {p.column ?? 1})
              </span>
            )}
            : <span>{p.message}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** Unsaved edits found in the journal: every one is listed (title, time) with Restore and Discard. */
export function RecoveryBanner() {
  const recoveries = useSession((s) => s.recoveries);
  const removeRecovery = useSession((s) => s.removeRecovery);
  if (recoveries.length === 0) return null;
  const restore = async (recovery: RecoveryOffer) => {
    if (!(await confirmDiscard('restore the recovered edits', { keepJournal: recovery.key }))) return;
    const { model, entry } = await callOrThrow('journal:read', { key: recovery.key });
    const current = useDocument.getState();
    useDocument.getState().load(model, {
      path: entry.path,
      hash: entry.path !== null && entry.path === current.path ? current.hash : entry.baseHash,
      dirty: true,
    });
    removeRecovery(recovery.key);
  };
  const discard = async (recovery: RecoveryOffer) => {
    await callOrThrow('journal:discard', { key: recovery.key });
    removeRecovery(recovery.key);
  };
  const one = recoveries.length === 1;
  return (
    <div className="banner recovery" role="alert" data-testid="recovery">
      <span>{one ? 'Unsaved edits were recovered:' : `Unsaved edits of ${recoveries.length} models were recovered:`}</span>
      <ul className="recovery-list">
        {recoveries.map((r) => (
          <li key={r.key} data-testid="recovery-entry">
            <span className="recovery-title">“{r.title}”</span> <span className="muted">{r.path ?? 'not saved yet'}, {new Date(r.savedAt).toLocaleString()}</span>
            <button className="primary" onClick={() => void restore(r)} aria-label={`Restore the edits of ${r.title}`}>
              Restore
            </button>
            <button onClick={() => void discard(r)} aria-label={`Discard the edits of ${r.title}`}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const AUTOSAVE_ADVICE: Record<string, string> = {
  E_DISK_FULL: 'Free some disk space; autosave tries again with your next edit. To be safe now, save the model elsewhere (Save as).',
  E_READ_ONLY: 'The autosave folder cannot be written. Save the model somewhere you can write (Save as) to keep your edits.',
};

/** A failed autosave, shown until one works again: what went wrong and what to do. Never blocks editing. */
export function AutosaveBanner() {
  const failure = useSession((s) => s.autosaveFailure);
  const setFailure = useSession((s) => s.setAutosaveFailure);
  if (!failure) return null;
  return (
    <div className="banner warning" role="status" data-testid="autosave-failure">
      <span>
        <strong>Autosave failed</strong> ({failure.code}): {failure.message}{' '}
        {AUTOSAVE_ADVICE[failure.code] ?? 'Your edits are still open here, but would be lost if this window closed: save the model (Save as) to keep them.'}
      </span>
      <button className="icon" onClick={() => setFailure(null)} aria-label="Dismiss the autosave warning">
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useSession((s) => s.notices);
  const dismiss = useSession((s) => s.dismiss);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          {n.action && (
            <button
              onClick={() => {
                n.action!.run();
                dismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button className="icon" onClick={() => dismiss(n.id)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
