// Rules prepared once per analysis for the hot loops: condition lists instead of objects to walk,
// controls resolved to their definitions, base score factors built once.
import { CONTROLS, type ControlId } from '../kinds/controls';
import { inSentence } from '../kinds/phrases';
import type { ScoreFactor } from './types';
import type { ComponentMatch, Condition, ControlRef, Rule } from './rule-pack';

export type Conditions = ReadonlyArray<readonly [string, Condition]>;

export interface CompiledMatch {
  match: ComponentMatch;
  kind: readonly string[] | undefined;
  notKind: readonly string[] | undefined;
  zone: readonly string[] | undefined;
  facts: Conditions;
  anyFacts: Conditions | undefined;
  reachableFromInternet: boolean | undefined;
  usesModel: boolean | undefined;
}

export interface CompiledFlowFacts {
  facts: Conditions;
  anyFacts: Conditions | undefined;
}

export interface CompiledControl {
  control: string;
  on: ControlRef['on'];
  closes: boolean;
  label: string;
  /** "No … on" prefix of the reason given when the control is missing. */
  missing: string;
  atlas: readonly string[];
}

export interface CompiledRule {
  rule: Rule;
  controls: CompiledControl[];
  baseLikelihood: ScoreFactor;
  baseImpact: ScoreFactor;
  atlasEntries(tactics: Readonly<Record<string, readonly string[]>> | undefined): Array<{ technique: string; tactics: string[]; role: 'primary' | 'related' }>;
}

const conditions = (record: Record<string, Condition> | undefined): Conditions => (record ? Object.entries(record) : []);

export function compileMatch(match: ComponentMatch): CompiledMatch {
  return {
    match,
    kind: match.kind,
    notKind: match.notKind,
    zone: match.zone,
    facts: conditions(match.facts),
    anyFacts: match.anyFacts ? conditions(match.anyFacts) : undefined,
    reachableFromInternet: match.reachableFromInternet,
    usesModel: match.usesModel,
  };
}

export function compileFlowFacts(match: { facts?: Record<string, Condition>; anyFacts?: Record<string, Condition> } | undefined): CompiledFlowFacts {
  return { facts: conditions(match?.facts), anyFacts: match?.anyFacts ? conditions(match.anyFacts) : undefined };
}

export function compileRule(rule: Rule): CompiledRule {
  let entries: Array<{ technique: string; tactics: string[]; role: 'primary' | 'related' }> | undefined;
  return {
    rule,
    controls: rule.controls.map((ref) => {
      const control = CONTROLS[ref.control as ControlId];
      return {
        control: ref.control,
        on: ref.on,
        closes: ref.effect === 'closes',
        label: control.label,
        missing: `No ${inSentence(control.label)} on `,
        atlas: ref.atlas ?? control.atlas,
      };
    }),
    baseLikelihood: { factor: 'base', effect: rule.likelihood, reason: "the rule's base likelihood" },
    baseImpact: { factor: 'base', effect: rule.impact, reason: "the rule's base impact" },
    atlasEntries(tactics) {
      // The rule's first technique is the finding's primary one; the rest are related.
      entries ??= rule.atlas.map((technique, i) => ({ technique, tactics: tactics?.[technique]?.slice() ?? [], role: i === 0 ? ('primary' as const) : ('related' as const) }));
      return entries;
    },
  };
}
