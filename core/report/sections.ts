// The report's cross-references and written parts, derived from the model and the register: the
// data-flow table, finding numbers for the diagram, the evidence of controls in place, and the
// executive summary in sentences. Pure and deterministic: the same model and analysis give the same text.
import type { Model } from '../model/schema';
import type { Finding } from '../engine/types';
import { controlState } from '../model/schema';
import { FLOW_FACTS } from '../kinds/flow-facts';
import { controlLabel } from './labels';
import type { EvidenceItem, FlowRow, RegisterEntry, ReportDiagram } from './types';
import { RESOLVED_STATUSES, isOpen } from './status';

const optionLabel = (field: { options?: ReadonlyArray<{ value: string; label: string }> }, value: string) => field.options?.find((o) => o.value === value)?.label ?? value;

/** Register numbers by the component or flow a finding is about (a path finding: its end). */
export function refsBySubject(entries: RegisterEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    const key = `${e.subject.type === 'path' ? 'component' : e.subject.type}:${e.subject.id}`;
    const list = out.get(key) ?? [];
    list.push(e.ref);
    out.set(key, list);
  }
  return out;
}

export function addDiagramRefs(diagram: ReportDiagram, refs: Map<string, string[]>): void {
  for (const n of diagram.nodes) {
    const r = refs.get(`component:${n.id}`);
    if (r) n.refs = r;
  }
  for (const e of diagram.edges) {
    const r = refs.get(`flow:${e.id}`);
    if (r) e.refs = r;
  }
}

const stateText = (s: string): 'yes' | 'no' | 'not recorded' => (s === 'present' ? 'yes' : s === 'absent' ? 'no' : 'not recorded');

export function buildFlowTable(model: Model, labels: Map<string, string>, refs: Map<string, string[]>): FlowRow[] {
  return model.flows.map((f) => {
    const carries = Array.isArray(f.facts.carries) ? (f.facts.carries as string[]).map((c) => optionLabel(FLOW_FACTS.carries, c)).join(', ') : '';
    const classification = typeof f.facts.classification === 'string' ? optionLabel(FLOW_FACTS.classification, f.facts.classification) : 'not recorded';
    return {
      id: f.id,
      label: f.label,
      source: labels.get(f.source) ?? f.source,
      target: labels.get(f.target) ?? f.target,
      carries,
      classification,
      authenticated: stateText(controlState(f.controls, 'authentication')),
      encrypted: stateText(controlState(f.controls, 'encryptionInTransit')),
      findings: refs.get(`flow:${f.id}`) ?? [],
    };
  });
}

/** Each control recorded as present, where, and the findings it closes or lowers. */
export function buildEvidence(model: Model, labels: Map<string, string>, entries: RegisterEntry[], closed: readonly Finding[], closedRef: (i: number) => string): EvidenceItem[] {
  const items = new Map<string, EvidenceItem>();
  const item = (control: string, type: 'component' | 'flow', id: string) => {
    const key = `${control}\u0000${type}:${id}`;
    let it = items.get(key);
    if (!it) {
      it = { control, controlLabel: controlLabel(control), target: { type, id, label: labels.get(id) ?? id }, closes: [], lowers: [] };
      items.set(key, it);
    }
    return it;
  };
  for (const c of model.components) for (const [control, state] of Object.entries(c.controls)) if (state === 'present') item(control, 'component', c.id);
  for (const f of model.flows) for (const [control, state] of Object.entries(f.controls)) if (state === 'present') item(control, 'flow', f.id);
  closed.forEach((f, i) => {
    for (const c of f.closedBy ?? []) item(c.control, c.target.type, c.target.id).closes.push(closedRef(i));
  });
  for (const e of entries) {
    for (const m of e.mitigations) {
      if (!m.present) continue;
      const it = item(m.control, m.target.type, m.target.id);
      if (!it.lowers.includes(e.ref)) it.lowers.push(e.ref);
    }
  }
  const order = new Map<string, number>();
  model.components.forEach((c, i) => order.set(c.id, i));
  model.flows.forEach((f, i) => order.set(f.id, model.components.length + i));
  return [...items.values()].sort((a, b) => (order.get(a.target.id) ?? 0) - (order.get(b.target.id) ?? 0) || a.controlLabel.localeCompare(b.controlLabel));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** The executive summary in sentences: exposure, top risks, what controls close, what is accepted and by whom. */
export function buildNarrative(model: Model, entries: RegisterEntry[], closed: readonly Finding[]): string[] {
  const out: string[] = [];
  const open = entries.filter(isOpen);
  const decided = entries.filter((e) => RESOLVED_STATUSES.has(e.status));
  const accepted = entries.filter((e) => e.status === 'accepted' || e.status === 'transferred');
  const severe = open.filter((e) => e.residual.severity === 'critical' || e.residual.severity === 'high');
  out.push(
    `The model describes ${plural(model.components.length, 'component')}, ${plural(model.flows.length, 'data flow')} and ${plural(model.zones.length, 'trust zone')}; the analysis found ${plural(entries.length, 'finding')}.`,
  );
  if (entries.length === 0 && closed.length === 0) {
    out.push('No rule applies to the system as modelled, so there is no exposure to report.');
    return out;
  }
  if (open.length === 0) out.push('No finding is open: each one is closed by a control, mitigated, not applicable, accepted or transferred.');
  else {
    const crit = open.filter((e) => e.residual.severity === 'critical').length;
    const high = open.filter((e) => e.residual.severity === 'high').length;
    out.push(
      `${plural(open.length, 'finding remains', 'findings remain')} open${severe.length ? `, ${crit ? `${plural(crit, 'critical')}${high ? ' and ' : ''}` : ''}${high ? `${high} high` : ''} after the controls already in place` : ', none of them high or critical after the controls already in place'}.`,
    );
    const subjects = new Map<string, number>();
    for (const e of open) subjects.set(e.subject.label, (subjects.get(e.subject.label) ?? 0) + 1);
    const most = [...subjects.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    if (most[1] > 1) out.push(`The most exposed element is ${most[0]} with ${plural(most[1], 'open finding')}.`);
    const top = open.slice(0, 3).map((e) => `${e.ref} ${e.title} on ${e.subject.label} (residual ${e.residual.score})`);
    out.push(`The top ${top.length === 1 ? 'risk is' : `${top.length} risks are`} ${list(top)}.`);
  }
  if (closed.length) {
    const controls = [...new Set(closed.flatMap((f) => (f.closedBy ?? []).map((c) => c.label)))];
    out.push(`Controls in place close ${plural(closed.length, 'further threat')} (${list(controls)}); they are listed as evidence under "Controls in place".`);
  }
  if (decided.length) out.push(`${plural(decided.length, 'finding is', 'findings are')} recorded as mitigated or not applicable.`);
  if (accepted.length) {
    const owners = [...new Set(accepted.map((e) => e.owner).filter(Boolean))];
    const acc = accepted.filter((e) => e.status === 'accepted').length;
    const tr = accepted.length - acc;
    out.push(
      `${[acc ? `${plural(acc, 'risk was', 'risks were')} accepted` : '', tr ? `${plural(tr, 'risk was', 'risks were')} transferred` : ''].filter(Boolean).join(' and ')}${owners.length ? `, by ${list(owners)}` : ', with no owner recorded'}.`,
    );
  }
  const unowned = open.filter((e) => !e.owner).length;
  if (unowned && open.length) out.push(unowned === open.length ? 'No open finding has an owner yet.' : `${plural(unowned, 'open finding has', 'open findings have')} no owner yet.`);
  return out;
}
