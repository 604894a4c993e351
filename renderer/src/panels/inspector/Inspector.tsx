import { useDocument } from '../../state/document-store';
import { useSelection } from '../../state/selection-store';
import { ComponentInspector } from './ComponentInspector';
import { FlowInspector } from './FlowInspector';
import { ZoneInspector } from './ZoneInspector';
import { MultiInspector } from './MultiInspector';
import { TextField } from './TextField';
import { setModelVersion } from '../../state/model-edits';
import { ReviewSection } from '../../review/ReviewSection';

/** The form for the selection, generated from the kind's facts and controls. */
export function Inspector() {
  const model = useDocument((s) => s.model);
  const selected = useSelection((s) => s.selected);
  if (!model) return <p className="muted pad">No model open.</p>;
  if (selected.size > 1) return <MultiInspector ids={[...selected]} />;
  const [id] = selected;
  if (id) {
    const component = model.components.find((c) => c.id === id);
    if (component) return <ComponentInspector key={id} component={component} model={model} />;
    const flow = model.flows.find((f) => f.id === id);
    if (flow) return <FlowInspector key={id} flow={flow} model={model} />;
    const zone = model.zones.find((z) => z.id === id);
    if (zone) return <ZoneInspector key={id} zone={zone} model={model} />;
  }
  const edit = useDocument.getState().edit;
  return (
    <div className="inspector-body" data-testid="inspector-model">
      <h2>Model</h2>
      <TextField label="Title" value={model.meta.title} testId="inspector-title" onChange={(title) => edit((m) => ({ ...m, meta: { ...m.meta, title } }), { coalesce: 'meta:title' })} />
      <TextField label="Version" value={model.meta.version ?? ''} testId="inspector-version" maxLength={64} onChange={(version) => edit((m) => setModelVersion(m, version), { coalesce: 'meta:version' })} />
      <TextField
        label="Description"
        multiline
        value={model.meta.description}
        onChange={(description) => edit((m) => ({ ...m, meta: { ...m.meta, description } }), { coalesce: 'meta:description' })}
      />
      <p className="muted small">
        {model.components.length} components, {model.flows.length} flows, {model.zones.length} trust boundaries. Select something on the canvas to edit it.
      </p>
      <ReviewSection />
    </div>
  );
}
