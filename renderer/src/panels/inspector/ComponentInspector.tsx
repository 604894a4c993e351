import { COMPONENT_KIND_IDS, getKind } from '../../../../core/kinds';
import { CommentThreads } from '../../review/CommentThreads';
import type { Component, Model } from '../../../../core/model/schema';
import { useDocument } from '../../state/document-store';
import { setEntry, updateComponent } from '../../state/model-edits';
import { FieldList } from './FieldInput';
import { ControlList } from './ControlList';
import { NewFlowField } from './NewFlowField';
import { TextField } from './TextField';
import { ElementRecords } from '../threats/ElementRecords';

export function ComponentInspector({ component, model }: { component: Component; model: Model }) {
  const kind = getKind(component.kind);
  const zone = model.zones.find((z) => z.id === component.zone);
  const edit = (change: (c: Component) => Component, coalesce?: string) =>
    useDocument.getState().edit((m) => updateComponent(m, component.id, change), coalesce ? { coalesce: `${coalesce}:${component.id}` } : undefined);
  return (
    <div className="inspector-body" data-testid="inspector-component">
      <h2>{component.label || component.id}</h2>
      <p className="muted small">
        {kind?.description ?? `Unknown kind “${component.kind}”.`} {zone ? `In trust boundary “${zone.label}”.` : 'Outside every trust boundary.'}
      </p>
      <TextField label="Label" value={component.label} testId="inspector-label" onChange={(label) => edit((c) => ({ ...c, label }), 'label')} />
      <div className="field">
        <label>
          <span>Kind</span>
          <select value={component.kind} onChange={(e) => edit((c) => ({ ...c, kind: e.target.value }))} data-testid="inspector-kind">
            {COMPONENT_KIND_IDS.map((id) => (
              <option key={id} value={id}>
                {getKind(id)?.label ?? id}
              </option>
            ))}
            {!kind && <option value={component.kind}>{component.kind}</option>}
          </select>
        </label>
      </div>
      <TextField
        label="Description"
        multiline
        value={component.description ?? ''}
        onChange={(description) => edit((c) => ({ ...c, description }), 'description')}
      />
      <NewFlowField component={component} model={model} />
      {kind && (
        <>
          <FieldList title="Facts" fields={kind.factFields} values={component.facts} onChange={(name, v) => edit((c) => ({ ...c, facts: setEntry(c.facts, name, v) }))} />
          <ControlList targetId={component.id} fields={kind.controlFields} controls={component.controls} onChange={(name, state) => edit((c) => ({ ...c, controls: setEntry(c.controls, name, state) }))} />
        </>
      )}
      <ElementRecords subject={{ type: 'component', id: component.id }} label={component.label || component.id} outOfScope={component.outOfScope} controls={kind?.controlFields ?? {}} model={model} />
      <CommentThreads subject={{ type: 'component', id: component.id }} />
    </div>
  );
}
