import { useEffect, useRef, useState, type ReactNode } from 'react';
import { callOrThrow } from '../api/client';
import { useSession } from '../state/session-store';
import { useDocument } from '../state/document-store';
import { openExample, openLocalFile, openPath, save, slug } from '../state/files';

function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, button')?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header>
          <h2>{title}</h2>
          <button className="icon" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

type Listing = {
  examples: Array<{ id: string; title: string; description: string }>;
  files: Array<{ path: string; name: string; modified: string }>;
};

export function OpenDialog() {
  const setOpen = useSession((s) => s.setOpenDialog);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    Promise.all([callOrThrow('example:list', {}), callOrThrow('model:list', {})])
      .then(([ex, files]) => setListing({ examples: ex.examples, files: files.files }))
      .catch((e: Error) => setError(e.message));
  }, []);
  const close = () => setOpen(false);
  return (
    <Modal title="Open a model" onClose={close}>
      {error && <p className="error">{error}</p>}
      <section>
        <h3>In your workspace</h3>
        {listing?.files.length === 0 && <p className="muted">No saved models yet.</p>}
        <ul className="file-list">
          {listing?.files.map((f) => (
            <li key={f.path}>
              <button onClick={() => void openPath(f.path).then(close)}>{f.path}</button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Examples</h3>
        <ul className="file-list">
          {listing?.examples.map((ex) => (
            <li key={ex.id}>
              <button onClick={() => void openExample(ex.id).then(close)} data-testid={`example-${ex.id}`}>
                <strong>{ex.title}</strong>
                <span className="muted"> — {ex.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h3>From another folder</h3>
        <button onClick={() => fileInput.current?.click()}>Choose a file…</button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openLocalFile(file).then(close);
          }}
        />
      </section>
    </Modal>
  );
}

export function SaveAsDialog() {
  const setSaveAs = useSession((s) => s.setSaveAs);
  const model = useDocument((s) => s.model);
  const currentPath = useDocument((s) => s.path);
  const [name, setName] = useState(currentPath ?? (model ? slug(model.meta.title) : 'model') + '.mercator.json');
  const close = () => setSaveAs(false);
  return (
    <Modal title="Save as" onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = name.trim();
          const path = trimmed.endsWith('.mercator.json') ? trimmed : trimmed + '.mercator.json';
          void save({ path, saveAs: true });
        }}
      >
        <label>
          File name in the workspace
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label="File name" data-testid="save-as-name" />
        </label>
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
