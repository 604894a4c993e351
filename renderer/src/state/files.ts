// File commands shared by the toolbar, keyboard shortcuts and dialogs.
import { callOrThrow, ApiCallError } from '../api/client';
import { useDocument } from './document-store';
import { useSession } from './session-store';
import { loadModelBytes } from '../../../core/model/load';
import { createEmptyModel, type Model } from '../../../core/model/schema';
import { autoLayout, needsLayout } from './auto-layout';
import { useConfirm } from './confirm-store';
import { usePreferences } from './preferences';
import { useSelection } from './selection-store';

/** Imported or generated models without positions get a layout before they are shown. */
function laidOut(model: Model): Model {
  return needsLayout(model) ? autoLayout(model) : model;
}

function resetSession() {
  useSelection.getState().select([]);
  useSelection.getState().focusFinding(null);
}

/** Asks before unsaved changes would be lost; true when it is fine to go on. */
export async function confirmDiscard(action = 'continue', options: { keepJournal?: string } = {}): Promise<boolean> {
  const doc = useDocument.getState();
  if (!doc.model || !doc.dirty) return true;
  const choice = await useConfirm.getState().ask(
    'Unsaved changes',
    `“${doc.model.meta.title}” has changes that are not saved. Save them before you ${action}?`,
    [
      { id: 'cancel', label: 'Cancel' },
      { id: 'discard', label: 'Discard changes' },
      { id: 'save', label: 'Save', primary: true },
    ],
  );
  if (choice === 'discard') {
    // Never drop the journal entry that is about to be restored.
    if (doc.journalKey !== options.keepJournal) await callOrThrow('journal:discard', { key: doc.journalKey }).catch(() => undefined);
    return true;
  }
  if (choice === 'save') return save();
  return false;
}

/** A new model: empty, or a copy of an example to start from (never saved over the example). */
export async function newModel(exampleId?: string) {
  if (!(await confirmDiscard('start a new model'))) return;
  let model: Model;
  if (exampleId) {
    const opened = await callOrThrow('example:open', { id: exampleId });
    model = { ...opened.model, decisions: {}, meta: { ...opened.model.meta, title: `${opened.model.meta.title} (copy)` } };
  } else model = createEmptyModel();
  useDocument.getState().load(laidOut(model), { path: null, hash: null });
  useSession.getState().setProblems(null);
  resetSession();
}

export async function openExample(id: string, options: { guard?: boolean; unless?: () => boolean } = {}) {
  if (options.guard !== false && !(await confirmDiscard('open another model'))) return;
  const { model } = await callOrThrow('example:open', { id });
  if (options.unless?.()) return;
  useDocument.getState().load(laidOut(model), { path: null, hash: null });
  resetSession();
  useSession.getState().setProblems(null);
}

export async function openPath(path: string) {
  const session = useSession.getState();
  if (!(await confirmDiscard('open another model'))) return;
  try {
    const opened = await callOrThrow('model:open', { path });
    useDocument.getState().load(laidOut(opened.model), { path: opened.path, hash: opened.hash });
    usePreferences.getState().addRecent(opened.path, opened.model.meta.title);
    resetSession();
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
  if (!(await confirmDiscard('open another model'))) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = loadModelBytes(bytes);
  if (!result.ok) {
    session.setProblems({ title: `${file.name} could not be opened`, problems: result.errors });
    return;
  }
  useDocument.getState().load(laidOut(result.model), { path: null, hash: null, dirty: true });
  resetSession();
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
    usePreferences.getState().addRecent(saved.path, doc.model.meta.title);
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
