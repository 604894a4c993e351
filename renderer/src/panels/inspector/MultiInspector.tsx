import { useDocument } from '../../state/document-store';
import { alignBoxes, type Alignment } from '../../state/clipboard';
import { deleteSelection } from '../../state/commands';

const ALIGNMENTS: Array<[Alignment, string]> = [
  ['left', 'Align left'],
  ['center', 'Align centers'],
  ['right', 'Align right'],
  ['top', 'Align top'],
  ['middle', 'Align middles'],
  ['bottom', 'Align bottom'],
];

export function MultiInspector({ ids }: { ids: string[] }) {
  return (
    <div className="inspector-body" data-testid="inspector-multi">
      <h2>{ids.length} items selected</h2>
      <div className="button-grid" role="group" aria-label="Align">
        {ALIGNMENTS.map(([how, label]) => (
          <button key={how} type="button" onClick={() => useDocument.getState().edit((m) => alignBoxes(m, ids, how))} aria-label={label}>
            {label}
          </button>
        ))}
      </div>
      <button type="button" className="danger" onClick={deleteSelection}>
        Delete selection
      </button>
    </div>
  );
}
