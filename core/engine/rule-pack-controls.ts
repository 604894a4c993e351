// Controls a rule advises where the user cannot switch them on (docs/rules.md). The inspector offers a
// component only its kind's controls (core/kinds/definitions/*) and a flow only the flow controls
// (core/kinds/flow-facts.ts); the engine advises a control only where it can be switched on, so advice
// at a place whose kind does not have it is never given, and a closing control there never closes.
import { COMPONENT_KIND_IDS } from '../kinds/ids';
import { kindOffersControl } from '../kinds/registry';
import { FLOW_CONTROL_IDS, isFlowControl } from '../kinds/flow-facts';
import { kindsMatching, type ControlRef, type Rule, type RulePack } from './rule-pack';

type ControlPlace = ControlRef['on'];

/** Where a control goes, the kinds that can stand there, and whether the rule names them (`listed`). */
interface PlaceKinds {
  /** The condition that decides the kinds (`match`, `match.target`, `match.to`, `match.from`); none for the hops of a path. */
  field: string | undefined;
  kinds: readonly string[];
  /**
   * The rule names the kinds of this place (subject, source, target or sink with `kind`): each of them
   * must have the control. Elsewhere (a condition without `kind`, the origins of a path, its hops) the
   * kinds are whatever the model holds, and the engine advises only those that have it.
   */
  listed: boolean;
}


/** The kinds that can stand where a control goes (not for `flow`, which is the flow itself). */
function placeKinds(rule: Rule, on: ControlPlace): PlaceKinds {
  switch (rule.type) {
    case 'component':
      return { field: 'match', kinds: kindsMatching(rule.match), listed: rule.match.kind !== undefined };
    case 'flow':
    case 'boundary': {
      const end = on === 'source' ? rule.match.source : rule.match.target;
      return { field: `match.${on}`, kinds: kindsMatching(end), listed: end?.kind !== undefined };
    }
    case 'path':
      if (on === 'sink') return { field: 'match.to', kinds: kindsMatching(rule.match.to), listed: rule.match.to.kind !== undefined };
      if (on === 'origin') return { field: 'match.from', kinds: [...new Set(rule.match.from.flatMap((m) => kindsMatching(m)))], listed: false };
      // A hop can be any component the content passes through, the sink included.
      return { field: undefined, kinds: COMPONENT_KIND_IDS, listed: false };
  }
}

const quoted = (ids: readonly string[]) => ids.map((k) => `"${k}"`).join(', ');

/**
 * Kinds for which a finding of the rule would keep no control the user can switch on: none on the flow,
 * and none at the subject, at the source or target, or at the sink (a path may lead straight from the
 * origin to the sink, and origins are often people or outside services that have no controls). Empty
 * when every finding keeps one, whatever kinds it involves.
 */
function unmitigableKinds(rule: Rule): Partial<Record<'subject' | 'source' | 'target' | 'sink', string[]>> {
  const lacking = (place: ControlPlace, on: readonly ControlPlace[]) =>
    placeKinds(rule, place).kinds.filter((k) => !rule.controls.some((c) => on.includes(c.on) && kindOffersControl(k, c.control)));
  switch (rule.type) {
    case 'component': {
      const subject = lacking('subject', ['subject']);
      return subject.length > 0 ? { subject } : {};
    }
    case 'flow':
    case 'boundary': {
      if (rule.controls.some((c) => c.on === 'flow' && isFlowControl(c.control))) return {};
      // Every (source, target) pair keeps a control iff every source kind has one or every target kind has one.
      const source = lacking('source', ['source']);
      const target = lacking('target', ['target']);
      return source.length > 0 && target.length > 0 ? { source, target } : {};
    }
    case 'path': {
      const sink = lacking('sink', ['sink', 'path']);
      return sink.length > 0 ? { sink } : {};
    }
  }
}

/**
 * Controls a rule names where they cannot be switched on:
 * - `on: flow`: a control flows do not have;
 * - a subject, source, target or sink whose condition lists kinds: each listed kind must have the control;
 * - elsewhere (a condition without `kind`, the origins, the hops of a path): some kind that can stand
 *   there must have it, or it is never advised;
 * - and every finding must keep a control that can be switched on (unmitigableKinds).
 * One message per problem, naming the file, the rule and the field. Loaders report them as warnings.
 */
export function checkPackControls(pack: RulePack, fileName: string): string[] {
  const problems: string[] = [];
  for (const rule of pack.rules) {
    const prefix = `${fileName}: rule "${rule.id}": `;
    rule.controls.forEach((ref, i) => {
      const field = `${prefix}controls[${i}].control`;
      const never = `so it can never be switched on ${ref.on === 'flow' ? 'there' : `at the ${ref.on}`}${ref.effect === 'closes' ? ' and never closes the finding there' : ''}`;
      if (ref.on === 'flow') {
        if (!isFlowControl(ref.control)) problems.push(`${field}: a flow does not have the control "${ref.control}" (flows have ${FLOW_CONTROL_IDS.join(', ')}), ${never}`);
        return;
      }
      const place = placeKinds(rule, ref.on);
      if (place.listed) {
        const lacking = place.kinds.filter((k) => !kindOffersControl(k, ref.control));
        if (lacking.length > 0) {
          const kinds = lacking.length === 1 ? `the kind ${quoted(lacking)} (${place.field}) does` : `the kinds ${quoted(lacking)} (${place.field}) do`;
          problems.push(`${field}: ${kinds} not have the control "${ref.control}", ${never}`);
        }
      } else if (!place.kinds.some((k) => kindOffersControl(k, ref.control))) {
        const which = place.field ? `no component kind that ${place.field} can match has` : 'no component kind has';
        problems.push(`${field}: ${which} the control "${ref.control}", so it is never advised at the ${ref.on}`);
      }
    });
    const stuck = unmitigableKinds(rule);
    const any = (kinds: readonly string[]) =>
      kinds.length <= 6 ? kinds.map((k) => `"${k}"`).join(' or ') : `${kinds.slice(0, 5).map((k) => `"${k}"`).join(', ')} or ${kinds.length - 5} other kinds`;
    const none = `${prefix}controls: none of them can be switched on`;
    const outcome = 'so such a finding can be neither closed nor lowered';
    if (stuck.subject) problems.push(`${none} for a subject of kind ${any(stuck.subject)}, ${outcome}`);
    if (stuck.source && stuck.target) problems.push(`${none} for a flow from ${any(stuck.source)} to ${any(stuck.target)}, ${outcome}`);
    if (stuck.sink) problems.push(`${none} at a sink of kind ${any(stuck.sink)}, so a finding whose path leads straight there can be neither closed nor lowered`);
  }
  return problems;
}
