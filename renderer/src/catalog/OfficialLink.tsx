// The official page of an entry. The host opens it (Electron: the system browser, after its own
// allowlist); in browser mode the host cannot, so the page shows the full address and opens it only
// after the user confirms.
import { useState } from 'react';
import { callOrThrow } from '../api/client';
import { errorText } from './catalog-data';

type LinkState =
  { step: 'idle' } | { step: 'busy' } | { step: 'confirm'; url: string } | { step: 'error'; message: string };

export function OfficialLink({ url, label }: { url: string; label: string }) {
  const [state, setState] = useState<LinkState>({ step: 'idle' });
  if (!url) return null;

  const request = async () => {
    setState({ step: 'busy' });
    try {
      const result = await callOrThrow('shell:openExternal', { url });
      setState(result.opened ? { step: 'idle' } : { step: 'confirm', url: result.url });
    } catch (error) {
      setState({ step: 'error', message: errorText(error) });
    }
  };

  return (
    <div className="cat-official">
      <button
        type="button"
        onClick={() => void request()}
        disabled={state.step === 'busy'}
        aria-label={`Open the official page of ${label}`}
      >
        Official page ↗
      </button>
      {state.step === 'confirm' && (
        <div className="cat-confirm" role="alertdialog" aria-label="Open this address in a new tab?">
          <p>Open this address in a new browser tab?</p>
          <code className="cat-url" data-testid="external-url">
            {state.url}
          </code>
          <div className="actions">
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                window.open(state.url, '_blank', 'noopener,noreferrer');
                setState({ step: 'idle' });
              }}
            >
              Open
            </button>
          </div>
        </div>
      )}
      {state.step === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
