// The walk-through queue: the findings to discuss, most severe first. Without a baseline: the
// undecided ones. With a signed-off baseline: those whose keys the baseline did not list.
import { SEVERITIES, type Finding } from '../../../core/engine/types';
import type { Model } from '../../../core/model/schema';

export type QueueMode = 'undecided' | 'new';

/** Every finding key the latest baseline's summary lists (whatever the summary calls its lists). */
export function baselineKeys(model: Model): Set<string> | null {
  const latest = model.baselines.at(-1);
  if (!latest) return null;
  const keys = new Set<string>();
  for (const value of Object.values(latest.summary)) if (Array.isArray(value)) for (const k of value) keys.add(k);
  return keys;
}

export function buildQueue(findings: readonly Finding[], model: Model, mode: QueueMode): Finding[] {
  const known = mode === 'new' ? baselineKeys(model) : null;
  const candidates = findings.filter((f) => {
    if (f.closedBy?.length || f.outOfScope) return false;
    if (known) return !known.has(f.key);
    return f.status === 'open' && !model.decisions[f.key];
  });
  const rank = (f: Finding) => SEVERITIES.indexOf(f.residual.severity);
  return candidates.sort((a, b) => rank(b) - rank(a) || b.residual.score - a.residual.score || a.title.localeCompare(b.title));
}

/** The ids of the canvas elements a finding is about (for zooming to it). */
export function subjectNodeIds(finding: Finding, model: Model): string[] {
  if (finding.subject.type === 'component' || finding.subject.type === 'zone') return [finding.subject.id];
  if (finding.subject.type === 'path') return finding.path ?? [];
  const flow = model.flows.find((f) => f.id === finding.subject.id);
  return flow ? [flow.source, flow.target] : [];
}
