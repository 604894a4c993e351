// What a delete takes with it: the decisions, comment threads and user-authored threats recorded on
// the deleted elements (and on their flows), counted so the editor can say so and offer undo.
import type { Finding } from '../../../core/engine/types';
import type { Model } from '../../../core/model/schema';

export interface DeleteImpact {
  /** Labels of the deleted components, zones and flows. */
  labels: string[];
  decisions: number;
  comments: number;
  threats: number;
}

/** Ids that go with a delete of `ids`: the elements themselves and the flows of deleted components. */
export function deletedIds(model: Model, ids: Iterable<string>): Set<string> {
  const gone = new Set(ids);
  for (const f of model.flows) if (gone.has(f.source) || gone.has(f.target)) gone.add(f.id);
  return gone;
}

export function deleteImpact(model: Model, ids: Iterable<string>, findings: readonly Finding[]): DeleteImpact {
  const gone = deletedIds(model, ids);
  const touched = (f: Finding) => gone.has(f.subject.id) || (f.path ?? []).some((id) => gone.has(id));
  const findingKeys = new Set(findings.filter(touched).map((f) => f.key));
  const threats = model.threats.filter((t) => gone.has(t.subject.id));
  for (const t of threats) findingKeys.add(`threat:${t.id}`);
  const decisions = [...findingKeys].filter((k) => Object.hasOwn(model.decisions, k)).length;
  const comments = model.comments.filter((c) => (c.subject.type === 'finding' ? findingKeys.has(c.subject.id) : gone.has(c.subject.id))).length;
  const labels = [
    ...model.components.filter((c) => gone.has(c.id)).map((c) => c.label || c.id),
    ...model.zones.filter((z) => gone.has(z.id)).map((z) => z.label || z.id),
  ];
  if (labels.length === 0) labels.push(...model.flows.filter((f) => gone.has(f.id)).map((f) => f.label || f.id));
  return { labels, decisions, comments, threats: threats.length };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Deleted “Vector DB”: 2 decisions and 1 comment thread referred to it." or null when nothing was attached. */
export function describeImpact(impact: DeleteImpact): string | null {
  const parts: string[] = [];
  if (impact.decisions > 0) parts.push(plural(impact.decisions, 'decision'));
  if (impact.comments > 0) parts.push(plural(impact.comments, 'comment thread'));
  if (impact.threats > 0) parts.push(plural(impact.threats, 'threat you wrote', 'threats you wrote'));
  if (parts.length === 0) return null;
  const what = impact.labels.length === 1 ? `“${impact.labels[0]}”` : plural(impact.labels.length, 'element');
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `Deleted ${what}, which carried ${list}.`;
}
