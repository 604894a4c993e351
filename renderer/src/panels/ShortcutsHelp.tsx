import { useEditorPrefs } from '../state/editor-prefs';
import { Modal } from './Modal';

export const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl+N', 'New model'],
  ['Ctrl+O', 'Open a model'],
  ['Ctrl+S / Ctrl+Shift+S', 'Save / save as'],
  ['Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)', 'Undo / redo'],
  ['Ctrl+C / Ctrl+V', 'Copy / paste the selection'],
  ['Ctrl+D', 'Duplicate the selection'],
  ['Ctrl+A', 'Select everything'],
  ['Delete / Backspace', 'Delete the selection'],
  ['Shift+drag', 'Select with a box'],
  ['Ctrl+click', 'Add to the selection'],
  ['Shift+L', 'Lay out the model automatically'],
  ['Shift+1', 'Zoom to fit'],
  ['G', 'Snap to grid on / off'],
  ['Tab / Enter', 'Move between controls / press'],
  ['?', 'This cheat sheet'],
  ['Escape', 'Close a dialog, clear the selection'],
];

export function ShortcutsHelp() {
  const open = useEditorPrefs((s) => s.shortcutsOpen);
  const setOpen = useEditorPrefs((s) => s.setShortcutsOpen);
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <table className="shortcuts" data-testid="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
