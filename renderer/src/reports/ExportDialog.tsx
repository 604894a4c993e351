// Export the current model as a report: PDF, Markdown, HTML, CSV, JSON findings, SARIF or an ATLAS
// Navigator layer; as a model for another tool (OTM, Threat Dragon); or as issues for a tracker. The host analyzes and writes it; a PDF of a large model takes a few seconds.
import { useEffect, useState } from 'react';
import { Modal } from '../panels/Modal';
import { call } from '../api/client';
import { useDocument } from '../state/document-store';
import { downloadExport } from './download';
import { saveBlob, svgToPng } from './diagram-png';
import { ReportOptionsFields, initialOptions, toApiOptions, type ReportOptionsValue } from './ReportOptionsFields';

const FORMATS = [
  { id: 'pdf', label: 'PDF report', help: 'Executive summary, diagram, threat register, mitigation plan, ATLAS coverage.' },
  { id: 'html', label: 'HTML report', help: 'The same report as one standalone web page.' },
  { id: 'md', label: 'Markdown', help: 'The report as Markdown, for wikis and pull requests.' },
  { id: 'csv', label: 'CSV register', help: 'One row per finding, for spreadsheets.' },
  { id: 'json', label: 'JSON findings', help: 'Findings with scores, ATLAS and OWASP ids, decisions.' },
  { id: 'sarif', label: 'SARIF 2.1.0', help: 'For code-scanning dashboards and CI.' },
  { id: 'navigator', label: 'ATLAS Navigator layer', help: 'Techniques this model is exposed to, scored, for the ATLAS Navigator.' },
  { id: 'otm', label: 'Open Threat Model (OTM)', help: 'The model (zones, components, flows, threats) for tools that read OTM.' },
  { id: 'threat-dragon', label: 'OWASP Threat Dragon', help: 'The diagram and its threats as a Threat Dragon v2 model.' },
  { id: 'jira', label: 'Jira issues (CSV)', help: 'One issue per finding: summary, description with reasons and mitigations, priority, ATLAS/OWASP labels, finding key as external id.' },
  { id: 'azure-devops', label: 'Azure DevOps work items (CSV)', help: 'The same, with Azure DevOps columns, priorities 1–4 and tags.' },
  { id: 'github', label: 'GitHub issues (CSV)', help: 'The same as title, body, labels and external id.' },
  { id: 'redteam-md', label: 'Red-team plan (Markdown)', help: 'Tests per open finding, grouped by component: how, what to look for, which control they verify.' },
  { id: 'redteam-csv', label: 'Red-team plan (CSV)', help: 'The same plan, one row per finding and test.' },
  { id: 'diagram-svg', label: 'Diagram (SVG)', help: 'The architecture diagram with finding numbers, as vectors.' },
  { id: 'diagram-png', label: 'Diagram (PNG)', help: 'The same diagram as a picture, at twice its size.' },
] as const;

type FormatId = (typeof FORMATS)[number]['id'];

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const model = useDocument((s) => s.model);
  const [format, setFormat] = useState<FormatId>('pdf');
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [options, setOptions] = useState<ReportOptionsValue | null>(() => (model ? initialOptions(model.meta) : null));

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [busy]);

  async function run() {
    if (!model) return;
    setBusy(true);
    setElapsed(0);
    setError(null);
    setDone(null);
    const asked = format === 'diagram-png' ? 'diagram-svg' : format;
    const result = await call('report:export', { model, format: asked, ...(options ? { options: toApiOptions(options) } : {}) });
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message);
      return;
    }
    if (format === 'diagram-png') {
      try {
        const png = await svgToPng(result.value.data);
        const fileName = result.value.fileName.replace(/\.svg$/, '.png');
        saveBlob(png, fileName);
        setBusy(false);
        setDone(`Saved ${fileName} (${Math.max(1, Math.round(png.size / 1024))} KB).`);
      } catch (e) {
        setBusy(false);
        setError(`The PNG was not made: ${(e as Error).message}`);
      }
      return;
    }
    setBusy(false);
    downloadExport(result.value);
    setDone(`Saved ${result.value.fileName} (${Math.max(1, Math.round(result.value.bytes / 1024))} KB, ${result.value.findings} findings).`);
  }

  return (
    <Modal title="Export report" onClose={onClose}>
      {!model && <p className="muted">Open a model first.</p>}
      <fieldset className="export-formats" disabled={busy} data-testid="export-formats">
        {FORMATS.map((f) => (
          <label key={f.id} className="radio">
            <span>
              <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} /> <strong>{f.label}</strong>
            </span>
            <span className="muted">{f.help}</span>
          </label>
        ))}
      </fieldset>
      {options && (format === 'pdf' || format === 'html' || format === 'md') && <ReportOptionsFields value={options} onChange={setOptions} disabled={busy} />}
      {busy && (
        <div className="export-progress" role="status" aria-live="polite" data-testid="export-progress">
          <progress /> Building the {FORMATS.find((f) => f.id === format)!.label}… {elapsed > 0 ? `${elapsed} s` : ''}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p role="status" data-testid="export-done">
          {done}
        </p>
      )}
      <div className="actions">
        <button onClick={onClose}>Close</button>
        <button className="primary" onClick={() => void run()} disabled={!model || busy} data-testid="export-run">
          Export
        </button>
      </div>
    </Modal>
  );
}
