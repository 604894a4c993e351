// Records a decision taken in the workshop: the decision's new status, who decided, and one more
// entry in its append-only history with the estimates behind it.
import type { Decision, DecisionStatus } from '../../../core/model/schema';
import type { Estimate } from '../../../core/room/spread';
import { useDocument } from '../state/document-store';

export interface WorkshopDecision {
  status: DecisionStatus;
  rationale: string;
  by: string;
  owner: string;
  due: string;
  estimates: readonly Estimate[];
}

export function recordDecision(key: string, d: WorkshopDecision): string {
  const at = new Date().toISOString();
  useDocument.getState().edit((m) => {
    const previous: Decision = m.decisions[key] ?? { status: 'open', rationale: '', owner: '', history: [] };
    const next: Decision = {
      ...previous,
      status: d.status,
      rationale: d.rationale,
      owner: d.owner || previous.owner,
      decidedBy: d.by,
      updated: at.slice(0, 10),
      history: [
        ...previous.history,
        {
          at,
          by: d.by,
          status: d.status,
          rationale: d.rationale,
          ...(d.estimates.length > 0 ? { estimates: d.estimates.map((e) => ({ by: e.by.slice(0, 200), likelihood: e.likelihood, impact: e.impact })) } : {}),
        },
      ],
    };
    if (/^\d{4}-\d{2}-\d{2}$/.test(d.due)) next.due = d.due;
    return { ...m, decisions: { ...m.decisions, [key]: next } };
  });
  return at;
}
