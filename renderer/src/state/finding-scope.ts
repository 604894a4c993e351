// Which findings count: those of in-scope elements. A finding is out of scope when the engine says so
// (Finding.outOfScope) or, for results of an engine that does not mark it, when its subject, an
// element on its path, or the zone a component sits in carries an out-of-scope reason.
import type { Finding } from '../../../core/engine/types';
import type { Model } from '../../../core/model/schema';
import { findingSubjectIds } from './finding-filter';

export type ScopeIndex = ReadonlyMap<string, string>;

/** Out-of-scope reason by component, flow and zone id; components inherit their zone's. */
export function scopeIndex(model: Model | null): ScopeIndex {
  const index = new Map<string, string>();
  if (!model) return index;
  for (const z of model.zones) if (z.outOfScope) index.set(z.id, z.outOfScope);
  for (const c of model.components) {
    const reason = c.outOfScope ?? (c.zone ? index.get(c.zone) : undefined);
    if (reason) index.set(c.id, reason);
  }
  for (const f of model.flows) if (f.outOfScope) index.set(f.id, f.outOfScope);
  for (const t of model.threats) {
    const reason = index.get(t.subject.id);
    if (reason) index.set(`threat:${t.id}`, reason);
  }
  return index;
}

export function outOfScopeReason(finding: Finding, index: ScopeIndex): string | undefined {
  if (finding.outOfScope) return finding.outOfScope;
  const own = index.get(finding.key);
  if (own) return own;
  for (const id of findingSubjectIds(finding)) {
    const reason = index.get(id);
    if (reason) return reason;
  }
  return undefined;
}

/** The one number shown on the Findings tab and at the top of the panel: open findings in scope. */
export function openInScope(findings: readonly Finding[], index: ScopeIndex): number {
  let n = 0;
  for (const f of findings) if (f.status === 'open' && !outOfScopeReason(f, index)) n++;
  return n;
}
