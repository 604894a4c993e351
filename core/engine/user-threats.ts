// Threats the user wrote in the model (format 6) become findings like any rule's: key `threat:<id>`,
// scored from the author's likelihood × impact, closed when one of their controls is present on the
// subject, decided through the same decisions map.
import type { Model, UserThreat } from '../model/schema';
import { isControlPresent } from '../model/schema';
import { CONTROLS, type ControlId } from '../kinds/controls';
import type { ClosingControl, Finding, MitigationAdvice, ScoreFactor } from './types';
import type { Graph } from './graph';
import { makeScore } from './scoring';

export const USER_THREAT_RULE_ID = 'user-threat';
export const userThreatKey = (threat: Pick<UserThreat, 'id'>) => `threat:${threat.id}`;

const AUTHOR_LIKELIHOOD = (n: number): ScoreFactor => ({ factor: 'author', effect: n, reason: "the author's likelihood" });
const AUTHOR_IMPACT = (n: number): ScoreFactor => ({ factor: 'author', effect: n, reason: "the author's impact" });

function subjectOf(model: Model, graph: Graph, threat: UserThreat): { finding: Finding['subject']; controls: Record<string, string> | undefined } | null {
  const { type, id } = threat.subject;
  if (type === 'component') {
    const node = graph.byId.get(id);
    return node ? { finding: { type, id, label: node.label }, controls: node.component.controls } : null;
  }
  if (type === 'flow') {
    const index = graph.flows.findIndex((f) => f.id === id);
    return index >= 0 ? { finding: { type, id, label: graph.flowLabel(index) }, controls: graph.flows[index]!.controls } : null;
  }
  const zone = model.zones.find((z) => z.id === id);
  return zone ? { finding: { type: 'zone', id, label: zone.label || zone.id }, controls: undefined } : null;
}

/**
 * The open findings of the model's user threats; those closed by a present control go to `closed`.
 * Tactics come from `techniqueTactics` as for rule findings.
 */
export function userThreatFindings(
  model: Model,
  graph: Graph,
  techniqueTactics: Readonly<Record<string, readonly string[]>> | undefined,
  closed: Finding[],
): Finding[] {
  const open: Finding[] = [];
  for (const threat of model.threats) {
    const subject = subjectOf(model, graph, threat);
    if (!subject) continue;
    const score = makeScore(threat.likelihood, threat.impact, [AUTHOR_LIKELIHOOD(threat.likelihood)], [AUTHOR_IMPACT(threat.impact)]);
    const mitigations: MitigationAdvice[] = [];
    const closedBy: ClosingControl[] = [];
    for (const control of threat.controls) {
      const known = Object.hasOwn(CONTROLS, control) ? CONTROLS[control as ControlId] : undefined;
      const present = subject.controls !== undefined && isControlPresent(subject.controls as Model['components'][number]['controls'], control);
      if (subject.finding.type !== 'zone') {
        mitigations.push({
          atlas: known ? [...known.atlas] : [],
          control,
          label: known?.label ?? control,
          effect: 'closes',
          target: { type: subject.finding.type as 'component' | 'flow', id: threat.subject.id },
          present,
        });
      }
      if (present) {
        closedBy.push({ control, label: known?.label ?? control, target: { type: subject.finding.type as 'component' | 'flow', id: threat.subject.id }, targetLabel: subject.finding.label });
      }
    }
    const finding: Finding = {
      key: userThreatKey(threat),
      ruleId: USER_THREAT_RULE_ID,
      title: threat.title,
      category: threat.source ? `Imported from ${threat.source.tool}` : 'Written by the team',
      subject: subject.finding,
      reasons: [threat.description.trim() || 'Written by hand in the model.'],
      atlas: threat.atlas.map((technique, i) => ({ technique, tactics: techniqueTactics?.[technique]?.slice() ?? [], role: i === 0 ? 'primary' : 'related' })),
      owasp: threat.owasp.slice(),
      inherent: score,
      residual: score,
      mitigations,
      status: 'open',
      origin: 'user',
      ...(closedBy.length ? { closedBy } : {}),
    };
    (closedBy.length ? closed : open).push(finding);
  }
  return open;
}
