import { useId } from 'react';

/** A text input or textarea bound to the document; edits coalesce into one undo step per field. */
export function TextField({
  label,
  value,
  onChange,
  multiline = false,
  testId,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  testId?: string;
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} rows={3} maxLength={maxLength ?? 20000} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      ) : (
        <input id={id} value={value} maxLength={maxLength ?? 200} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      )}
    </div>
  );
}
