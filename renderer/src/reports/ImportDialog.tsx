// Import a Threat Dragon model or a CycloneDX ML-BOM: the host converts it, the user confirms or
// changes each guessed component kind, then the model opens as a new, unsaved document.
import { useRef, useState } from 'react';
import { Modal } from '../panels/Modal';
import { call } from '../api/client';
import { useDocument } from '../state/document-store';
import { listKinds } from '../../../core/kinds/registry';
import type { ApiOutput } from '../../../core/api/contract';

type Converted = ApiOutput<'import:convert'>;
const KINDS = listKinds().map((k) => ({ id: k.id, label: k.label }));

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [converted, setConverted] = useState<(Converted & { fileName: string }) | null>(null);
  const [kinds, setKinds] = useState<Record<string, string>>({});

  async function pick(file: File) {
    setBusy(true);
    setError(null);
    setConverted(null);
    const text = await file.text();
    const result = await call('import:convert', { text, fileName: file.name });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setConverted({ ...result.value, fileName: file.name });
    setKinds(Object.fromEntries(result.value.guesses.map((g) => [g.componentId, g.kind])));
  }

  function open() {
    if (!converted) return;
    const model = {
      ...converted.model,
      components: converted.model.components.map((c) => {
        const kind = kinds[c.id] ?? c.kind;
        if (kind === c.kind) return c;
        return { ...c, kind, facts: { ...c.facts, kindGuess: kind, kindConfidence: 1 } };
      }),
    };
    useDocument.getState().load(model, { path: null, hash: null, dirty: true });
    onClose();
  }

  const uncertain = converted?.guesses.filter((g) => g.confidence < 0.7).length ?? 0;
  return (
    <Modal title="Import a model" onClose={onClose}>
      <p className="muted">OWASP Threat Dragon models (version 1 or 2) and CycloneDX ML-BOMs (1.5–1.7). Nothing leaves this machine.</p>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="import-file"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void pick(file);
        }}
      />
      {busy && (
        <p role="status">
          <progress /> Converting…
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {converted && (
        <>
          <p data-testid="import-summary">
            {converted.fileName}: {converted.model.components.length} components, {converted.model.flows.length} flows, {converted.model.zones.length} zones (
            {converted.format === 'cyclonedx' ? 'CycloneDX' : 'Threat Dragon'}).
          </p>
          {converted.guesses.length > 0 && (
            <section>
              <h3>Component kinds{uncertain > 0 ? ` — ${uncertain} uncertain, please check` : ''}</h3>
              <table className="import-guesses" data-testid="import-guesses">
                <thead>
                  <tr>
                    <th>Component</th>
                    <th>Was</th>
                    <th>Kind</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {converted.guesses.map((g) => (
                    <tr key={g.componentId} className={g.confidence < 0.7 ? 'uncertain' : undefined}>
                      <td>{g.label}</td>
                      <td className="muted">{g.sourceType}</td>
                      <td>
                        <select aria-label={`Kind of ${g.label}`} value={kinds[g.componentId] ?? g.kind} onChange={(e) => setKinds({ ...kinds, [g.componentId]: e.target.value })}>
                          {KINDS.map((k) => (
                            <option key={k.id} value={k.id}>
                              {k.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="muted">
                        {g.reason} ({Math.round(g.confidence * 100)}%)
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {converted.notes.length > 0 && (
            <section>
              <h3>Notes</h3>
              <ul className="import-notes">
                {converted.notes.map((n, i) => (
                  <li key={i} className={n.level === 'warning' ? 'warning' : undefined}>
                    {n.message}
                    {n.pointer ? <span className="muted"> ({n.pointer})</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <div className="actions">
        <button onClick={onClose}>Cancel</button>
        <button className="primary" onClick={open} disabled={!converted} data-testid="import-open">
          Open imported model
        </button>
      </div>
    </Modal>
  );
}
