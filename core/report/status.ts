// Which findings are still open risks. Findings a control in place closes never reach the register
// (the engine keeps them apart); of the rest, a finding is open unless a decision resolves, accepts or
// transfers it.
import type { DecisionStatus } from '../model/schema';
import type { RegisterEntry } from './types';

/** Statuses that close a finding: it is no longer an open risk. */
export const RESOLVED_STATUSES: ReadonlySet<DecisionStatus> = new Set(['mitigated', 'not-applicable']);

/** Not resolved (accepted and transferred still count as unresolved). Closed findings are never entries. */
export function isUnresolved(e: Pick<RegisterEntry, 'status'>): boolean {
  return !RESOLVED_STATUSES.has(e.status);
}

/** Unresolved and not accepted or transferred: what the team still has to act on. */
export function isOpen(e: Pick<RegisterEntry, 'status'>): boolean {
  return isUnresolved(e) && e.status !== 'accepted' && e.status !== 'transferred';
}
