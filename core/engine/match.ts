// Predicates shared by the matchers: does a component (or flow) satisfy a rule's conditions, and why.
import { factMatches } from '../kinds/fields';
import { COMPONENT_FACTS } from '../kinds/facts';
import { FLOW_FACTS } from '../kinds/flow-facts';
import { getKind } from '../kinds/registry';
import type { FieldDef } from '../kinds/fields';
import type { ComponentMatch, Condition } from './rule-pack';
import type { Graph, Node } from './graph';

export function matchesComponent(graph: Graph, node: Node, match: ComponentMatch): boolean {
  if (match.kind && !match.kind.includes(node.component.kind as never)) return false;
  if (match.notKind && match.notKind.includes(node.component.kind as never)) return false;
  if (match.zone) {
    const zone = node.component.zone === undefined ? undefined : graph.zoneKindOf(node.component.zone);
    if (zone === undefined || !match.zone.includes(zone as never)) return false;
  }
  if (match.facts) for (const [id, wanted] of Object.entries(match.facts)) if (!factMatches(node.facts[id], wanted)) return false;
  if (match.anyFacts && !Object.entries(match.anyFacts).some(([id, wanted]) => factMatches(node.facts[id], wanted))) return false;
  if (match.reachableFromInternet !== undefined && Boolean(graph.reachableFromInternet[node.index]) !== match.reachableFromInternet) return false;
  return true;
}

export function matchesFlowFacts(facts: Record<string, unknown>, match: { facts?: Record<string, Condition>; anyFacts?: Record<string, Condition> } | undefined): boolean {
  if (!match) return true;
  if (match.facts) for (const [id, wanted] of Object.entries(match.facts)) if (!factMatches(facts[id], wanted)) return false;
  if (match.anyFacts && !Object.entries(match.anyFacts).some(([id, wanted]) => factMatches(facts[id], wanted))) return false;
  return true;
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
export function describeComponentMatch(graph: Graph, node: Node, match: ComponentMatch): string[] {
  const name = quote(node.component.label || node.component.id);
  const reasons: string[] = [];
  if (match.kind) reasons.push(`${name} is a ${(getKind(node.component.kind)?.label ?? node.component.kind).toLowerCase()}.`);
  if (match.zone) reasons.push(`${name} is in the zone ${quote(node.zoneLabel ?? '')}.`);
  const facts = (conds: Record<string, Condition> | undefined, onlyMatching: boolean) => {
    for (const [id, wanted] of Object.entries(conds ?? {})) {
      if (onlyMatching && !factMatches(node.facts[id], wanted)) continue;
      const def = (COMPONENT_FACTS as Record<string, FieldDef>)[id];
      reasons.push(`${name}: ${def?.label ?? id} — ${formatValue(def, node.facts[id])}.`);
    }
  };
  facts(match.facts, false);
  facts(match.anyFacts, true);
  if (match.reachableFromInternet) reasons.push(`${name} can be reached from the internet along the model's flows.`);
  return reasons;
}

export function describeFlowFacts(facts: Record<string, unknown>, match: { facts?: Record<string, Condition>; anyFacts?: Record<string, Condition> } | undefined, flowName: string): string[] {
  const reasons: string[] = [];
  const add = (conds: Record<string, Condition> | undefined, onlyMatching: boolean) => {
    for (const [id, wanted] of Object.entries(conds ?? {})) {
      if (onlyMatching && !factMatches(facts[id], wanted)) continue;
      const def = (FLOW_FACTS as unknown as Record<string, FieldDef>)[id];
      reasons.push(`The flow ${flowName}: ${def?.label ?? id} — ${formatValue(def, facts[id])}.`);
    }
  };
  add(match?.facts, false);
  add(match?.anyFacts, true);
  return reasons;
}
