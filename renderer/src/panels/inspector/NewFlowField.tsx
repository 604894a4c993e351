import { useId, useState } from 'react';
import type { Component, Model } from '../../../../core/model/schema';
import { useDocument } from '../../state/document-store';
import { useSelection } from '../../state/selection-store';
import { addFlow } from '../../state/model-edits';
import { kindLabel } from '../../canvas/kind-style';

/** Draws a flow from this component without the mouse: choose the other end, then Add flow. */
export function NewFlowField({ component, model }: { component: Component; model: Model }) {
  const id = useId();
  const [target, setTarget] = useState('');
  const others = model.components
    .filter((c) => c.id !== component.id)
    .sort((a, b) => a.label.localeCompare(b.label));
  const add = () => {
    if (!others.some((c) => c.id === target)) return;
    let created: string | null = null;
    useDocument.getState().edit((m) => {
      const result = addFlow(m, component.id, target);
      created = result.id;
      return result.model;
    });
    if (created) useSelection.getState().select([created]);
  };
  if (others.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>New flow to</label>
      <div className="new-flow">
        <select
          id={id}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="inspector-new-flow-target"
        >
          <option value="">Choose a component…</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label || c.id} ({kindLabel(c.kind)})
            </option>
          ))}
        </select>
        <button type="button" onClick={add} disabled={!target} data-testid="inspector-new-flow">
          Add flow
        </button>
      </div>
      <p className="help">Or drag from a dot on the box to another box on the canvas.</p>
    </div>
  );
}
