// Edits of the review record: decisions with their history, comment threads. Pure functions over
// the model, so the document store applies them as undoable steps.
import type { Comment, Decision, DecisionStatus, Model } from '../../../core/model/schema';
import { freshId } from '../state/model-edits';

export type CommentSubject = Comment['subject'];

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Sets fields of a finding's decision. A change of status records who decided and appends one
 * history entry (when, who, status, rationale); other fields change in place.
 */
export function changeDecision(model: Model, key: string, change: Partial<Decision>, by: string, at = now()): Model {
  const previous: Decision = model.decisions[key] ?? { status: 'open', rationale: '', owner: '', history: [] };
  const next: Decision = { ...previous, ...change, updated: at.slice(0, 10) };
  for (const k of ['due', 'ticket', 'decidedBy'] as const) if (next[k] === '') delete next[k];
  const statusChanged = change.status !== undefined && change.status !== previous.status;
  if (statusChanged) {
    if (by) next.decidedBy = by;
    next.history = [...(previous.history ?? []), { at, by, status: change.status as DecisionStatus, rationale: next.rationale }];
  }
  if (next.status === 'open' && !next.rationale && !next.owner && !next.due && !next.ticket && !(next.history?.length ?? 0)) {
    if (!Object.hasOwn(model.decisions, key)) return model;
    const decisions = { ...model.decisions };
    delete decisions[key];
    return { ...model, decisions };
  }
  return { ...model, decisions: { ...model.decisions, [key]: next } };
}

export function threadsOn(model: Pick<Model, 'comments'>, subject: CommentSubject): Comment[] {
  return model.comments.filter((c) => c.subject.type === subject.type && c.subject.id === subject.id);
}

export function startThread(model: Model, subject: CommentSubject, author: string, text: string, at = now()): Model {
  const taken = new Set(model.comments.map((c) => c.id));
  const id = freshId(model, 'thread', taken);
  return { ...model, comments: [...model.comments, { id, subject, resolved: false, messages: [{ author, at, text }] }] };
}

export function reply(model: Model, threadId: string, author: string, text: string, at = now()): Model {
  return { ...model, comments: model.comments.map((c) => (c.id === threadId ? { ...c, messages: [...c.messages, { author, at, text }] } : c)) };
}

export function setResolved(model: Model, threadId: string, resolved: boolean): Model {
  return { ...model, comments: model.comments.map((c) => (c.id === threadId ? { ...c, resolved } : c)) };
}

/** "Ada, Grace" → ["Ada", "Grace"] (names trimmed, blanks dropped). */
export function splitNames(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
