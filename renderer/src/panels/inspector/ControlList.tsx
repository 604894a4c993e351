import { useId } from 'react';
import type { FieldDef } from '../../../../core/kinds';
import { controlState, type Controls, type ControlState } from '../../../../core/model/schema';
import { ControlEffectList, useControlEffects, type ControlEffect } from './ControlEffects';

const STATE_TEXT = { present: 'Present', absent: 'Absent', 'not-recorded': 'Not recorded' } as const;

/**
 * One control: the checkbox says "present"; unticked, the control is either recorded as absent or not
 * recorded at all (nobody said), and the small button beside it switches between those two.
 */
function ControlInput({ name, def, controls, onChange, effect }: { name: string; def: FieldDef; controls: Controls; onChange: (state: ControlState | undefined) => void; effect: ControlEffect | undefined }) {
  const helpId = useId();
  const state = controlState(controls, name);
  return (
    <div className={`field field-boolean control-state-${state}`} data-control-state={state}>
      <label>
        <input
          type="checkbox"
          checked={state === 'present'}
          onChange={(e) => onChange(e.target.checked ? 'present' : 'absent')}
          aria-describedby={helpId}
          data-testid={`field-${name}`}
        />
        <span>{def.label}</span>
      </label>
      {state !== 'present' && (
        <button
          type="button"
          className="control-state"
          data-testid={`control-state-${name}`}
          title={state === 'absent' ? 'Recorded as absent. Click to mark it not recorded.' : 'Nobody has said whether it is in place. Click to record it as absent.'}
          aria-label={`${def.label}: ${STATE_TEXT[state]}. ${state === 'absent' ? 'Mark not recorded' : 'Record as absent'}`}
          onClick={() => onChange(state === 'absent' ? undefined : 'absent')}
        >
          {STATE_TEXT[state]}
        </button>
      )}
      <p id={helpId} className="help">
        {def.help}
      </p>
      <ControlEffectList effect={effect} name={name} />
    </div>
  );
}

/** The controls of a component or flow, each present, absent or not recorded. */
export function ControlList({
  fields,
  controls,
  onChange,
  targetId,
}: {
  /** The component or flow the controls are on, to show what each one closes or lowers there. */
  targetId: string;
  fields: Readonly<Record<string, FieldDef>>;
  controls: Controls;
  onChange: (name: string, state: ControlState | undefined) => void;
}) {
  const effects = useControlEffects(targetId);
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <section className="field-group" aria-label="Controls">
      <h3>Controls</h3>
      {entries.map(([name, def]) => (
        <ControlInput key={name} name={name} def={def} controls={controls} effect={effects.get(name)} onChange={(state) => onChange(name, state)} />
      ))}
    </section>
  );
}
