import { useId } from 'react';
import type { FieldDef } from '../../../../core/kinds';
import type { FactValue } from '../../../../core/model/schema';

/** One fact or control, built from its field definition: checkbox, select or checkbox list, with help. */
export function FieldInput({ name, def, value, onChange }: { name: string; def: FieldDef; value: FactValue | undefined; onChange: (value: FactValue) => void }) {
  const helpId = useId();
  const testId = `field-${name}`;
  if (def.type === 'boolean') {
    const checked = typeof value === 'boolean' ? value : def.default;
    return (
      <div className="field field-boolean">
        <label>
          <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={helpId} data-testid={testId} />
          <span>{def.label}</span>
        </label>
        <p id={helpId} className="help">
          {def.help}
        </p>
      </div>
    );
  }
  if (def.type === 'enum') {
    const current = typeof value === 'string' ? value : def.default;
    return (
      <div className="field">
        <label>
          <span>{def.label}</span>
          <select value={current} onChange={(e) => onChange(e.target.value)} aria-describedby={helpId} data-testid={testId}>
            {def.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {!def.options.some((o) => o.value === current) && <option value={current}>{current} (unknown)</option>}
          </select>
        </label>
        <p id={helpId} className="help">
          {def.help}
        </p>
      </div>
    );
  }
  const list = Array.isArray(value) ? value : [...def.default];
  return (
    <fieldset className="field field-list" aria-describedby={helpId} data-testid={testId}>
      <legend>{def.label}</legend>
      {def.options.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            checked={list.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value))}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <p id={helpId} className="help">
        {def.help}
      </p>
    </fieldset>
  );
}

/** All fields of one record (facts or controls). */
export function FieldList({
  title,
  fields,
  values,
  onChange,
}: {
  title: string;
  fields: Readonly<Record<string, FieldDef>>;
  values: Readonly<Record<string, FactValue>>;
  onChange: (name: string, value: FactValue) => void;
}) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <section className="field-group" aria-label={title}>
      <h3>{title}</h3>
      {entries.map(([name, def]) => (
        <FieldInput key={name} name={name} def={def} value={values[name]} onChange={(v) => onChange(name, v)} />
      ))}
    </section>
  );
}
