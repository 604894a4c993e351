import { FLOW_CONTROL_FIELDS, FLOW_FACTS } from '../../../../core/kinds';
import { CommentThreads } from '../../review/CommentThreads';
import type { Flow, Model } from '../../../../core/model/schema';
import { useDocument } from '../../state/document-store';
import { setEntry, updateFlow } from '../../state/model-edits';
import { FieldList } from './FieldInput';
import { ControlList } from './ControlList';
import { TextField } from './TextField';
import { ElementRecords } from '../threats/ElementRecords';

export function FlowInspector({ flow, model }: { flow: Flow; model: Model }) {
  const label = (id: string) => model.components.find((c) => c.id === id)?.label ?? id;
  const edit = (change: (f: Flow) => Flow, coalesce?: string) =>
    useDocument.getState().edit((m) => updateFlow(m, flow.id, change), coalesce ? { coalesce: `${coalesce}:${flow.id}` } : undefined);
  return (
    <div className="inspector-body" data-testid="inspector-flow">
      <h2>Data flow</h2>
      <p className="muted small">
        From <strong>{label(flow.source)}</strong> to <strong>{label(flow.target)}</strong>
      </p>
      <TextField label="Label" value={flow.label} testId="inspector-label" onChange={(value) => edit((f) => ({ ...f, label: value }), 'label')} />
      <TextField label="Description" multiline value={flow.description ?? ''} onChange={(description) => edit((f) => ({ ...f, description }), 'description')} />
      <button type="button" onClick={() => edit((f) => ({ ...f, source: f.target, target: f.source }))}>
        Reverse direction
      </button>
      <FieldList title="Facts" fields={FLOW_FACTS} values={flow.facts} onChange={(name, v) => edit((f) => ({ ...f, facts: setEntry(f.facts, name, v) }))} />
      <ControlList targetId={flow.id} fields={FLOW_CONTROL_FIELDS} controls={flow.controls} onChange={(name, state) => edit((f) => ({ ...f, controls: setEntry(f.controls, name, state) }))} />
      <ElementRecords subject={{ type: 'flow', id: flow.id }} label={flow.label || `${label(flow.source)} → ${label(flow.target)}`} outOfScope={flow.outOfScope} controls={FLOW_CONTROL_FIELDS} model={model} />
      <CommentThreads subject={{ type: 'flow', id: flow.id }} />
    </div>
  );
}
