// The user-authored threats of a model, for the exporters.
import type { Model, UserThreat } from '../model/schema';

export type ThreatLike = UserThreat;

export function threatsOf(model: Model): UserThreat[] {
  return model.threats;
}

/** A severity word for a threat: the source's own, or from likelihood × impact. */
export function threatSeverity(t: UserThreat): string {
  if (t.source?.severity) return t.source.severity;
  const score = t.likelihood * t.impact;
  return score >= 20 ? 'Critical' : score >= 12 ? 'High' : score >= 6 ? 'Medium' : 'Low';
}
