// "Update catalog…": pick an official ATLAS.yaml, see what would change, apply after confirmation.
import { useState } from 'react';
import type { ApiOutput } from '../../../core/api/contract';
import { callOrThrow } from '../api/client';
import { errorText } from './catalog-data';
import { useCatalogNav } from './catalog-nav';

type Diff = ApiOutput<'catalog:importPreview'>;
type ImportState =
  | { step: 'pick' }
  | { step: 'busy'; what: string }
  | { step: 'preview'; fileName: string; text: string; diff: Diff }
  | { step: 'done'; diff: Diff }
  | { step: 'error'; message: string };

const MAX_BYTES = 32 * 1024 * 1024;

function IdList({ title, ids }: { title: string; ids: string[] }) {
  return (
    <details className="cat-import-ids" open={ids.length > 0 && ids.length <= 12}>
      <summary>
        {title}: <strong data-testid={`import-${title.toLowerCase()}`}>{ids.length}</strong>
      </summary>
      {ids.length > 0 && <p className="cat-import-idtext">{ids.join(', ')}</p>}
    </details>
  );
}

function DiffSummary({ diff }: { diff: Diff }) {
  return (
    <div className="cat-import-diff">
      <p>
        ATLAS version <strong>{diff.version}</strong>
      </p>
      <IdList title="Added" ids={diff.added} />
      <IdList title="Changed" ids={diff.changed} />
      <IdList title="Removed" ids={diff.removed} />
    </div>
  );
}

export function CatalogImport({ onClose }: { onClose: () => void }) {
  const [state, setState] = useState<ImportState>({ step: 'pick' });
  const changed = useCatalogNav((s) => s.catalogChanged);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setState({
        step: 'error',
        message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; an ATLAS release file is at most 32 MB.`,
      });
      return;
    }
    setState({ step: 'busy', what: `Reading ${file.name}…` });
    try {
      const text = await file.text();
      const diff = await callOrThrow('catalog:importPreview', { text });
      setState({ step: 'preview', fileName: file.name, text, diff });
    } catch (error) {
      setState({ step: 'error', message: `${file.name}: ${errorText(error)}` });
    }
  };

  const apply = async (text: string, fileName: string) => {
    setState({ step: 'busy', what: `Updating the catalog from ${fileName}…` });
    try {
      const diff = await callOrThrow('catalog:import', { text });
      setState({ step: 'done', diff });
      changed();
    } catch (error) {
      setState({ step: 'error', message: `${fileName}: ${errorText(error)}` });
    }
  };

  return (
    <section
      className="cat-import"
      role="dialog"
      aria-label="Update catalog"
      aria-busy={state.step === 'busy'}
    >
      <header>
        <h3>Update catalog</h3>
        <button type="button" className="icon" aria-label="Close update catalog" onClick={onClose}>
          ×
        </button>
      </header>
      {(state.step === 'pick' || state.step === 'error') && (
        <label className="cat-import-pick">
          Official ATLAS release file (ATLAS.yaml)
          <input
            type="file"
            accept=".yaml,.yml"
            aria-label="ATLAS release file"
            onChange={(event) => {
              void pick(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
      )}
      {state.step === 'busy' && (
        <p className="cat-busy" role="status">
          <span className="cat-spinner" aria-hidden="true" /> {state.what}
        </p>
      )}
      {state.step === 'error' && (
        <p className="error" role="alert" data-testid="import-error">
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <>
          <p>
            <strong>{state.fileName}</strong> would change the catalog like this:
          </p>
          <DiffSummary diff={state.diff} />
          <p className="muted">Applying replaces the built-in summaries with the official descriptions.</p>
          <div className="actions">
            <button type="button" onClick={() => setState({ step: 'pick' })}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void apply(state.text, state.fileName)}>
              Apply update
            </button>
          </div>
        </>
      )}
      {state.step === 'done' && (
        <>
          <p role="status">The catalog now holds ATLAS {state.diff.version}.</p>
          <DiffSummary diff={state.diff} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </section>
  );
}
