// Import a model from another tool (Threat Dragon, OTM, Threat Composer, TM-BOM, Threat Modeling Tool,
// CycloneDX ML-BOM): the host converts it, the user confirms or changes each guessed component kind,
// then the model opens as a new, unsaved document.
import { useRef, useState } from 'react';
import { Modal } from '../panels/Modal';
import { call } from '../api/client';
import { useDocument } from '../state/document-store';
import { confirmDiscard } from '../state/files';
import { listKinds } from '../../../core/kinds/registry';
import type { ApiOutput } from '../../../core/api/contract';
import { IMPORT_FORMAT_IDS, IMPORT_FORMAT_NAMES } from '../../../core/interchange/types';

const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

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
    // Refused before reading: the host takes at most this much, and a huge file would only be read to be refused.
    if (file.size > MAX_IMPORT_BYTES) {
      setBusy(false);
      setError(`"${file.name}" could not be imported: the file is ${(file.size / 1048576).toFixed(1)} MB; an import may be at most ${MAX_IMPORT_BYTES / 1048576} MB.`);
      return;
    }
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

  async function open() {
    if (!converted) return;
    if (!(await confirmDiscard('import another model'))) return;
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
      <p className="muted">The format is recognised from the file's content. Nothing leaves this machine.</p>
      <ul className="import-formats muted" data-testid="import-formats">
        {IMPORT_FORMAT_IDS.map((f) => (
          <li key={f}>{IMPORT_FORMAT_NAMES[f]}</li>
        ))}
      </ul>
      <input
        ref={input}
        type="file"
        accept=".json,.yaml,.yml,.otm,.tm7,application/json,application/yaml,application/xml"
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
            {converted.fileName}: {converted.model.components.length} components, {converted.model.flows.length} flows, {converted.model.zones.length} zones, {converted.threats} threats (
            <span data-testid="import-detected">{IMPORT_FORMAT_NAMES[converted.format]}</span>).
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
        <button className="primary" onClick={() => void open()} disabled={!converted} data-testid="import-open">
          Open imported model
        </button>
      </div>
    </Modal>
  );
}
