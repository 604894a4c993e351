// The user-authored threats of a model (format 6 and later), read without depending on the exact
// schema type so exporters work on every format this build reads.
import type { Model } from '../model/schema';

export interface ThreatLike {
  id: string;
  subject: { type: 'component' | 'flow' | 'zone'; id: string };
  title: string;
  description?: string;
  likelihood?: number;
  impact?: number;
  atlas?: string[];
  owasp?: string[];
  source?: { tool?: string; ref?: string; type?: string; status?: string; severity?: string; mitigation?: string };
}

export function threatsOf(model: Model): ThreatLike[] {
  const list = (model as { threats?: unknown }).threats;
  return Array.isArray(list) ? (list as ThreatLike[]) : [];
}

/** A severity word for a threat: the source's own, or from likelihood × impact. */
export function threatSeverity(t: ThreatLike): string {
  if (t.source?.severity) return t.source.severity;
  const score = (t.likelihood ?? 3) * (t.impact ?? 3);
  return score >= 20 ? 'Critical' : score >= 12 ? 'High' : score >= 6 ? 'Medium' : 'Low';
}
