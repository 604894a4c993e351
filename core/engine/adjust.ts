// What the user says about findings after the rules have spoken (format 6): hand-set likelihood /
// impact with a justification, and elements marked out of scope.
import type { Model } from '../model/schema';
import type { Finding } from './types';
import type { Graph } from './graph';
import { makeScore } from './scoring';

/** Replaces the residual likelihood and/or impact of findings the model overrides, saying why. */
export function applyOverrides(model: Model, findings: Finding[]): void {
  if (Object.keys(model.overrides).length === 0) return;
  for (const finding of findings) {
    const override = Object.hasOwn(model.overrides, finding.key) ? model.overrides[finding.key] : undefined;
    if (!override) continue;
    const r = finding.residual;
    const likelihood = override.likelihood ?? r.likelihood;
    const impact = override.impact ?? r.impact;
    const because = { factor: 'override', effect: 0, reason: override.justification };
    finding.residual = makeScore(
      likelihood,
      impact,
      override.likelihood !== undefined ? [...r.likelihoodFactors, { ...because, effect: likelihood - r.likelihood }] : r.likelihoodFactors,
      override.impact !== undefined ? [...r.impactFactors, { ...because, effect: impact - r.impact }] : r.impactFactors,
    );
    finding.override = {
      ...(override.likelihood !== undefined ? { likelihood: override.likelihood } : {}),
      ...(override.impact !== undefined ? { impact: override.impact } : {}),
      justification: override.justification,
    };
  }
}

/** The out-of-scope reason of each element: its own, or that of a zone it sits in (nearest first). */
function scopeReasons(model: Model): Map<string, string> {
  const reasons = new Map<string, string>();
  const zones = new Map(model.zones.map((z) => [z.id, z]));
  const zoneReason = (id: string | undefined): string | undefined => {
    const seen = new Set<string>();
    for (let z = id ? zones.get(id) : undefined; z && !seen.has(z.id); z = z.parent ? zones.get(z.parent) : undefined) {
      seen.add(z.id);
      if (z.outOfScope) return `${z.label || z.id} is out of scope: ${z.outOfScope}`;
    }
    return undefined;
  };
  for (const z of model.zones) {
    const r = zoneReason(z.id);
    if (r) reasons.set(z.id, r);
  }
  for (const c of model.components) {
    const r = c.outOfScope ?? zoneReason(c.zone);
    if (r) reasons.set(c.id, r);
  }
  for (const f of model.flows) if (f.outOfScope) reasons.set(f.id, f.outOfScope);
  return reasons;
}

/** Marks findings whose subject (for a path: its sink) is out of scope with the reason. */
export function markOutOfScope(model: Model, graph: Graph, findings: Finding[]): void {
  const anyMarked = model.zones.some((z) => z.outOfScope) || model.components.some((c) => c.outOfScope) || model.flows.some((f) => f.outOfScope);
  if (!anyMarked) return;
  const reasons = scopeReasons(model);
  for (const finding of findings) {
    const id = finding.subject.type === 'path' ? finding.path?.[finding.path.length - 1] ?? finding.subject.id : finding.subject.id;
    const reason = reasons.get(id);
    if (reason) finding.outOfScope = reason;
  }
  void graph;
}
