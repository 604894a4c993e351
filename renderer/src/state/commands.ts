// Editor commands shared by the toolbar, the inspector and keyboard shortcuts.
import { useDocument } from './document-store';
import { useSelection } from './selection-store';
import { copyFragment, getClipboard, pasteFragment, setClipboard } from './clipboard';
import { addFlow, deleteItems } from './model-edits';
import { autoLayout } from './auto-layout';
import { deleteImpact, describeImpact } from './delete-impact';
import { useFindings } from './findings-store';
import { useSession } from './session-store';

export function deleteSelection() {
  const ids = [...useSelection.getState().selected];
  const model = useDocument.getState().model;
  if (ids.length === 0 || !model) return;
  const message = describeImpact(deleteImpact(model, ids, useFindings.getState().result?.findings ?? []));
  const before = useDocument.getState().revision;
  useDocument.getState().edit((m) => deleteItems(m, ids));
  useSelection.getState().select([]);
  if (message) {
    const after = useDocument.getState().revision;
    useSession.getState().notify('info', message, {
      label: 'Undo',
      // Undo only while the delete is still the last edit, so the button never undoes something else.
      run: () => {
        if (useDocument.getState().revision === after && after !== before) useDocument.getState().undo();
        else useSession.getState().notify('info', 'The model changed since the delete: use Undo (Ctrl+Z) step by step.');
      },
    });
  }
}

/** Draws a flow from one component to another (one undo step) and selects it. */
export function connectComponents(source: string, target: string) {
  if (source === target) return;
  let created: string | null = null;
  useDocument.getState().edit((m) => {
    const result = addFlow(m, source, target);
    created = result.id;
    return result.model;
  });
  if (created) useSelection.getState().select([created]);
}

export function copySelection(): boolean {
  const model = useDocument.getState().model;
  if (!model) return false;
  const fragment = copyFragment(model, useSelection.getState().selected);
  if (fragment) setClipboard(fragment);
  return !!fragment;
}

export function pasteClipboard() {
  const fragment = getClipboard();
  if (!fragment) return;
  let ids: string[] = [];
  useDocument.getState().edit((m) => {
    const result = pasteFragment(m, fragment);
    ids = result.ids;
    return result.model;
  });
  // Paste again and the copy lands a step further.
  setClipboard({ ...fragment, boxes: Object.fromEntries(Object.entries(fragment.boxes).map(([k, b]) => [k, { ...b, x: b.x + 32, y: b.y + 32 }])) });
  useSelection.getState().select(ids);
}

export function duplicateSelection() {
  const model = useDocument.getState().model;
  if (!model) return;
  const fragment = copyFragment(model, useSelection.getState().selected);
  if (!fragment) return;
  let ids: string[] = [];
  useDocument.getState().edit((m) => {
    const result = pasteFragment(m, fragment);
    ids = result.ids;
    return result.model;
  });
  useSelection.getState().select(ids);
}

export function selectAll() {
  const model = useDocument.getState().model;
  if (!model) return;
  useSelection.getState().select([...model.zones.map((z) => z.id), ...model.components.map((c) => c.id)]);
}

export function layoutModel() {
  useDocument.getState().edit(autoLayout);
}
