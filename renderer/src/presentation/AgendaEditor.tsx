import { useState } from 'react';
import { Modal } from '../panels/Modal';
import { DEFAULT_AGENDA, usePresentation, type AgendaItem } from './presentation-store';

/** Edits the agenda: titles and timeboxes in minutes; the four questions by default. */
export function AgendaEditor({ onClose }: { onClose: () => void }) {
  const [items, setItems] = useState<AgendaItem[]>(() => usePresentation.getState().agenda);
  const update = (i: number, change: Partial<AgendaItem>) => setItems(items.map((it, j) => (j === i ? { ...it, ...change } : it)));
  const save = () => {
    const clean = items.filter((i) => i.title.trim()).map((i) => ({ title: i.title.trim().slice(0, 200), minutes: Math.max(1, Math.min(480, Math.round(i.minutes) || 1)) }));
    usePresentation.getState().setAgenda(clean.length ? clean : DEFAULT_AGENDA);
    onClose();
  };
  return (
    <Modal title="Agenda" onClose={onClose}>
      <ol className="agenda-editor" data-testid="agenda-editor">
        {items.map((item, i) => (
          <li key={i}>
            <input aria-label={`Agenda item ${i + 1}`} value={item.title} onChange={(e) => update(i, { title: e.target.value })} />
            <input aria-label={`Minutes for item ${i + 1}`} type="number" min={1} max={480} value={item.minutes} onChange={(e) => update(i, { minutes: Number(e.target.value) })} />
            <span className="muted">min</span>
            <button onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={`Remove agenda item ${i + 1}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button onClick={() => setItems([...items, { title: 'New item', minutes: 10 }])}>Add item</button>
        <button onClick={() => setItems(DEFAULT_AGENDA)}>The four questions</button>
        <span className="spacer" />
        <button className="primary" onClick={save} data-testid="agenda-save">
          Save agenda
        </button>
      </div>
    </Modal>
  );
}
