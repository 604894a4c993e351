// Human labels for kind, control and fact ids (the id itself when unknown).
import { getKind } from '../kinds/registry';
import { COMPONENT_FACTS } from '../kinds/facts';
import { CONTROLS } from '../kinds/controls';

export function kindLabel(kind: string): string {
  return getKind(kind)?.label ?? kind;
}

export function controlLabel(id: string): string {
  return Object.hasOwn(CONTROLS, id) ? CONTROLS[id as keyof typeof CONTROLS].label : id;
}

export function factLabel(id: string): string {
  return Object.hasOwn(COMPONENT_FACTS, id) ? (COMPONENT_FACTS[id as keyof typeof COMPONENT_FACTS] as { label: string }).label : id;
}

export function factText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

/** "likelihood 1, impact 4" for a score set by hand. */
export function overrideText(o: { likelihood?: number; impact?: number }): string {
  return [o.likelihood !== undefined ? `likelihood ${o.likelihood}` : '', o.impact !== undefined ? `impact ${o.impact}` : ''].filter(Boolean).join(', ');
}
