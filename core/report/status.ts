// Which findings are still open risks. A finding is open unless a control in place closes it or a
// decision resolves, accepts or transfers it.
import type { DecisionStatus } from '../model/schema';
import type { RegisterEntry } from './types';

/** Statuses that close a finding: it is no longer an open risk. */
export const RESOLVED_STATUSES: ReadonlySet<DecisionStatus> = new Set(['mitigated', 'not-applicable']);

/** Not closed by a control and not resolved (accepted and transferred still count as unresolved). */
export function isUnresolved(e: Pick<RegisterEntry, 'status' | 'closedBy'>): boolean {
  return e.closedBy.length === 0 && !RESOLVED_STATUSES.has(e.status);
}

/** Unresolved and not accepted or transferred: what the team still has to act on. */
export function isOpen(e: Pick<RegisterEntry, 'status' | 'closedBy'>): boolean {
  return isUnresolved(e) && e.status !== 'accepted' && e.status !== 'transferred';
}
