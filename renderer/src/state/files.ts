// File commands shared by the toolbar, keyboard shortcuts and dialogs.
import { callOrThrow, ApiCallError } from '../api/client';
import { useDocument } from './document-store';
import { useSession } from './session-store';
import { loadModelBytes } from '../../../core/model/load';

export async function openExample(id: string) {
  const { model } = await callOrThrow('example:open', { id });
  useDocument.getState().load(model, { path: null, hash: null });
  useSession.getState().setProblems(null);
}

export async function openPath(path: string) {
  const session = useSession.getState();
  try {
    const opened = await callOrThrow('model:open', { path });
    useDocument.getState().load(opened.model, { path: opened.path, hash: opened.hash });
    session.setProblems(opened.warnings.length > 0 ? { title: `Opened ${opened.path} with warnings`, problems: opened.warnings } : null);
    if (opened.recovery) session.setRecovery(opened.recovery);
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'E_INVALID_MODEL' && Array.isArray(error.details)) {
      session.setProblems({ title: `${path} could not be opened`, problems: error.details });
    } else session.notify('error', error instanceof Error ? error.message : String(error));
  }
}

/** Opens a file the user picked from disk (browser mode), validated by the same loader as the host. */
export async function openLocalFile(file: File) {
  const session = useSession.getState();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = loadModelBytes(bytes);
  if (!result.ok) {
    session.setProblems({ title: `${file.name} could not be opened`, problems: result.errors });
    return;
  }
  useDocument.getState().load(result.model, { path: null, hash: null, dirty: true });
  session.setProblems(result.warnings.length > 0 ? { title: `Opened ${file.name} with warnings`, problems: result.warnings } : null);
}

export async function save(options: { saveAs?: boolean; force?: boolean; path?: string } = {}): Promise<boolean> {
  const doc = useDocument.getState();
  const session = useSession.getState();
  if (!doc.model) return false;
  const path = options.path ?? doc.path;
  if (!path || (options.saveAs && !options.path)) {
    session.setSaveAs(true);
    return false;
  }
  const baseHash = path === doc.path ? doc.hash : null;
  try {
    const saved = await callOrThrow('model:save', { path, model: doc.model, baseHash, force: options.force ?? false });
    const previousKey = doc.journalKey;
    useDocument.getState().markSaved(saved.path, saved.hash);
    if (previousKey !== saved.path) await callOrThrow('journal:discard', { key: previousKey }).catch(() => undefined);
    session.setSaveAs(false);
    session.notify('info', `Saved ${saved.path}`);
    return true;
  } catch (error) {
    if (error instanceof ApiCallError && error.code === 'E_CONFLICT') {
      if (window.confirm(`${error.message}\n\nOverwrite the file on disk with your version?`)) return save({ ...options, force: true });
      return false;
    }
    session.notify('error', error instanceof Error ? error.message : String(error));
    return false;
  }
}

export function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'model'
  );
}
