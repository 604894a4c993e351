import { useSession } from '../state/session-store';
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

export function RecoveryBanner() {
  const recovery = useSession((s) => s.recovery);
  const setRecovery = useSession((s) => s.setRecovery);
  if (!recovery) return null;
  const restore = async () => {
    if (!(await confirmDiscard('restore the recovered edits', { keepJournal: recovery.key }))) return;
    const { model, entry } = await callOrThrow('journal:read', { key: recovery.key });
    const current = useDocument.getState();
    useDocument.getState().load(model, {
      path: entry.path,
      hash: entry.path !== null && entry.path === current.path ? current.hash : entry.baseHash,
      dirty: true,
    });
    setRecovery(null);
  };
  const discard = async () => {
    await callOrThrow('journal:discard', { key: recovery.key });
    setRecovery(null);
  };
  return (
    <div className="banner" role="alert" data-testid="recovery">
      <span>
        Unsaved edits of “{recovery.title}” from {new Date(recovery.savedAt).toLocaleString()} were recovered.
      </span>
      <button className="primary" onClick={() => void restore()}>
        Restore them
      </button>
      <button onClick={() => void discard()}>Discard</button>
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
