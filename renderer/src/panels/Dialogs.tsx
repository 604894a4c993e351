import { useEffect, useRef, useState } from 'react';
import { Modal } from './Modal';
import { callOrThrow } from '../api/client';
import { useSession } from '../state/session-store';
import { useDocument } from '../state/document-store';
import { newModel, openExample, openLocalFile, openPath, save, slug } from '../state/files';
import { usePreferences } from '../state/preferences';

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
  const recent = usePreferences((s) => s.recent);
  const close = () => setOpen(false);
  return (
    <Modal title="Open a model" onClose={close}>
      {error && <p className="error">{error}</p>}
      {recent.length > 0 && (
        <section>
          <h3>Recent</h3>
          <ul className="file-list" data-testid="recent-files">
            {recent.map((r) => (
              <li key={r.path}>
                <button onClick={() => void openPath(r.path).then(close)}>
                  <strong>{r.title}</strong>
                  <span className="muted"> — {r.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
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
        <h3>Examples (opened read-only; Save as to keep a copy)</h3>
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

export function NewModelDialog() {
  const setNew = useSession((s) => s.setNewDialog);
  const [examples, setExamples] = useState<Listing['examples']>([]);
  useEffect(() => {
    callOrThrow('example:list', {})
      .then((ex) => setExamples(ex.examples))
      .catch(() => setExamples([]));
  }, []);
  const close = () => setNew(false);
  return (
    <Modal title="New model" onClose={close}>
      <ul className="file-list">
        <li>
          <button data-testid="new-empty" onClick={() => void newModel().then(close)}>
            <strong>Empty model</strong>
            <span className="muted"> — start from a blank canvas</span>
          </button>
        </li>
        {examples.map((ex) => (
          <li key={ex.id}>
            <button data-testid={`new-from-${ex.id}`} onClick={() => void newModel(ex.id).then(close)}>
              <strong>From “{ex.title}”</strong>
              <span className="muted"> — {ex.description}</span>
            </button>
          </li>
        ))}
      </ul>
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
