// Edits of the records the user writes about elements (format 6): threats, overrides, out of scope.
import type { Model, Override, UserThreat } from '../../../../core/model/schema';

export type Subject = UserThreat['subject'];

export function freshThreatId(model: Model): string {
  const used = new Set(model.threats.map((t) => t.id));
  let n = model.threats.length + 1;
  while (used.has(`t${n}`)) n++;
  return `t${n}`;
}

export function putThreat(model: Model, threat: UserThreat): Model {
  const at = model.threats.findIndex((t) => t.id === threat.id);
  const threats = at < 0 ? [...model.threats, threat] : model.threats.map((t, i) => (i === at ? threat : t));
  return { ...model, threats };
}

export function removeThreat(model: Model, id: string): Model {
  return { ...model, threats: model.threats.filter((t) => t.id !== id) };
}

export function setOverride(model: Model, key: string, override: Override | null): Model {
  const overrides = { ...model.overrides };
  if (override) overrides[key] = override;
  else if (Object.hasOwn(overrides, key)) delete overrides[key];
  else return model;
  return { ...model, overrides };
}

/** Sets (a reason) or clears (null) the out-of-scope flag of a component, flow or zone. */
export function setOutOfScope(model: Model, subject: Subject, reason: string | null): Model {
  const apply = <T extends { id: string; outOfScope?: string }>(list: T[]): T[] =>
    list.map((e) => {
      if (e.id !== subject.id) return e;
      const copy = { ...e };
      if (reason === null) delete copy.outOfScope;
      else copy.outOfScope = reason;
      return copy;
    });
  if (subject.type === 'component') return { ...model, components: apply(model.components) };
  if (subject.type === 'flow') return { ...model, flows: apply(model.flows) };
  return { ...model, zones: apply(model.zones) };
}
