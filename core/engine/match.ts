// Predicates shared by the matchers: does a component (or flow) satisfy a rule's conditions, and why.
// The predicates run for every candidate; the descriptions only for those that become findings.
import { factMatches } from '../kinds/fields';
import { COMPONENT_FACTS } from '../kinds/facts';
import { FLOW_FACTS } from '../kinds/flow-facts';
import { kindPhrase } from '../kinds/phrases';
import type { FieldDef } from '../kinds/fields';
import type { CompiledFlowFacts, CompiledMatch, Conditions } from './compile';
import type { Graph, Node } from './graph';

function allHold(facts: Record<string, unknown>, conds: Conditions): boolean {
  for (let i = 0; i < conds.length; i++) if (!factMatches(facts[conds[i]![0]], conds[i]![1])) return false;
  return true;
}

function someHolds(facts: Record<string, unknown>, conds: Conditions): boolean {
  for (let i = 0; i < conds.length; i++) if (factMatches(facts[conds[i]![0]], conds[i]![1])) return true;
  return false;
}

export function matchesComponent(graph: Graph, node: Node, m: CompiledMatch): boolean {
  const kind = node.component.kind;
  if (m.kind && !m.kind.includes(kind)) return false;
  if (m.notKind && m.notKind.includes(kind)) return false;
  if (m.zone && (node.zoneKind === undefined || !m.zone.includes(node.zoneKind))) return false;
  if (!allHold(node.facts, m.facts)) return false;
  if (m.anyFacts && !someHolds(node.facts, m.anyFacts)) return false;
  if (m.reachableFromInternet !== undefined && (graph.reachableFromInternet[node.index] === 1) !== m.reachableFromInternet) return false;
  if (m.usesModel !== undefined && node.usesModel !== m.usesModel) return false;
  return true;
}

export function matchesFlowFacts(facts: Record<string, unknown>, m: CompiledFlowFacts): boolean {
  return allHold(facts, m.facts) && (!m.anyFacts || someHolds(facts, m.anyFacts));
}

function formatValue(def: FieldDef | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const label = (v: string) => (def && def.type !== 'boolean' ? def.options.find((o) => o.value === v)?.label ?? v : v);
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join(', ');
  return label(String(value));
}

export function quote(label: string): string {
  return `"${label}"`;
}

/** One sentence per condition that made a component match. */
export function describeComponentMatch(node: Node, m: CompiledMatch, reasons: string[]): void {
  const name = quote(node.label);
  if (m.kind) reasons.push(`${name} is ${kindPhrase(node.component.kind)}.`);
  if (m.zone) reasons.push(`${name} is in the zone ${quote(node.zoneLabel ?? '')}.`);
  const facts = (conds: Conditions, onlyMatching: boolean) => {
    for (const [id, wanted] of conds) {
      if (onlyMatching && !factMatches(node.facts[id], wanted)) continue;
      const def = (COMPONENT_FACTS as Record<string, FieldDef>)[id];
      reasons.push(`${name}: ${def?.label ?? id} — ${formatValue(def, node.facts[id])}.`);
    }
  };
  facts(m.facts, false);
  if (m.anyFacts) facts(m.anyFacts, true);
  if (m.reachableFromInternet) reasons.push(`${name} can be reached from the internet along the model's flows.`);
  if (m.usesModel) reasons.push(`${name} works with a model.`);
}

export function describeFlowFacts(facts: Record<string, unknown>, m: CompiledFlowFacts, flowName: string, reasons: string[]): void {
  const add = (conds: Conditions, onlyMatching: boolean) => {
    for (const [id, wanted] of conds) {
      if (onlyMatching && !factMatches(facts[id], wanted)) continue;
      const def = (FLOW_FACTS as unknown as Record<string, FieldDef>)[id];
      reasons.push(`The flow ${flowName}: ${def?.label ?? id} — ${formatValue(def, facts[id])}.`);
    }
  };
  add(m.facts, false);
  if (m.anyFacts) add(m.anyFacts, true);
}
