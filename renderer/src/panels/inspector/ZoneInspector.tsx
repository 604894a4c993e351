import { ZONE_KINDS } from '../../../../core/kinds';
import { CommentThreads } from '../../review/CommentThreads';
import type { Model, Zone } from '../../../../core/model/schema';
import { useDocument } from '../../state/document-store';
import { updateZone } from '../../state/model-edits';
import { TextField } from './TextField';
import { ElementRecords } from '../threats/ElementRecords';

export function ZoneInspector({ zone, model }: { zone: Zone; model: Model }) {
  const members = model.components.filter((c) => c.zone === zone.id);
  const parent = model.zones.find((z) => z.id === zone.parent);
  const edit = (change: (z: Zone) => Zone, coalesce?: string) =>
    useDocument.getState().edit((m) => updateZone(m, zone.id, change), coalesce ? { coalesce: `${coalesce}:${zone.id}` } : undefined);
  return (
    <div className="inspector-body" data-testid="inspector-zone">
      <h2>Trust boundary</h2>
      <TextField label="Label" value={zone.label} testId="inspector-label" onChange={(label) => edit((z) => ({ ...z, label }), 'label')} />
      <div className="field">
        <label>
          <span>Kind</span>
          <select value={zone.kind} onChange={(e) => edit((z) => ({ ...z, kind: e.target.value }))} data-testid="inspector-zone-kind">
            {Object.values(ZONE_KINDS).map((k) => (
              <option key={k.id} value={k.id}>
                {k.label} (trust {k.trust})
              </option>
            ))}
          </select>
        </label>
        <p className="help">{(ZONE_KINDS as Record<string, { description: string }>)[zone.kind]?.description ?? ''}</p>
      </div>
      <TextField label="Description" multiline value={zone.description ?? ''} onChange={(description) => edit((z) => ({ ...z, description }), 'description')} />
      {parent && <p className="muted small">Inside “{parent.label}”.</p>}
      <h3>Components inside ({members.length})</h3>
      <ul className="plain-list">
        {members.map((c) => (
          <li key={c.id}>{c.label}</li>
        ))}
      </ul>
      <ElementRecords subject={{ type: 'zone', id: zone.id }} label={zone.label || zone.id} outOfScope={zone.outOfScope} controls={{}} model={model} />
      <CommentThreads subject={{ type: 'zone', id: zone.id }} />
    </div>
  );
}
