import { memo, useId, useMemo, useState } from 'react';
import type { Component, Model } from '../../../../core/model/schema';
import { connectComponents } from '../../state/commands';
import { kindLabel } from '../../canvas/kind-style';

type Entry = readonly [id: string, text: string];
const byText = new Intl.Collator().compare;

/** The components a flow from `self` can go to, as [id, option text], sorted by text. */
function targetEntries(components: readonly Component[], self: string): Entry[] {
  const entries: Entry[] = [];
  for (const c of components) if (c.id !== self) entries.push([c.id, `${c.label || c.id} (${kindLabel(c.kind)})`]);
  return entries.sort((a, b) => byText(a[1], b[1]));
}

const sameEntries = (a: readonly Entry[], b: readonly Entry[]) =>
  a.length === b.length && a.every((e, i) => e[0] === b[i]![0] && e[1] === b[i]![1]);

/**
 * The options, re-rendered only when a target or its text changes: editing the selected component
 * (typing its label) leaves thousands of options in a big model untouched.
 */
const TargetOptions = memo(
  function TargetOptions({ entries }: { entries: readonly Entry[] }) {
    return entries.map(([id, text]) => (
      <option key={id} value={id}>
        {text}
      </option>
    ));
  },
  (prev, next) => sameEntries(prev.entries, next.entries),
);

/** Draws a flow from this component without the mouse: choose the other end, then Add flow. */
export function NewFlowField({ component, model }: { component: Component; model: Model }) {
  const id = useId();
  const [target, setTarget] = useState('');
  // The options are built when the field is first used: a big model has thousands of them, and most
  // visits to the inspector never open this list.
  const [opened, setOpened] = useState(false);
  const open = () => setOpened(true);
  const entries = useMemo(
    () => (opened ? targetEntries(model.components, component.id) : []),
    [opened, model.components, component.id],
  );
  const hasTargets = model.components.length > 1;
  const add = () => {
    if (entries.some(([other]) => other === target)) connectComponents(component.id, target);
  };
  if (!hasTargets) return null;
  return (
    <div className="field">
      <label htmlFor={id}>New flow to</label>
      <div className="new-flow">
        <select
          id={id}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          onFocus={open}
          onPointerDown={open}
          data-testid="inspector-new-flow-target"
        >
          <option value="">Choose a component…</option>
          {opened && <TargetOptions entries={entries} />}
        </select>
        <button type="button" onClick={add} disabled={!target} data-testid="inspector-new-flow">
          Add flow
        </button>
      </div>
      <p className="help">Or drag from a dot on the box to another box on the canvas.</p>
    </div>
  );
}
