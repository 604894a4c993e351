// A model as stable, line-per-fact text: what `git diff` compares through the textconv driver, so a
// diff of two model files reads as what changed in the threat model (docs/cli.md). Every line says
// which element it belongs to, so a changed line stands on its own in a diff hunk.
import type { Model } from '../model/schema';
import type { Finding } from '../engine/types';
import { SEVERITIES } from '../engine/types';
import { verifyBaselines } from '../review/baseline';

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? JSON.stringify(v) : String(v));
const byId = <T extends { id: string }>(a: readonly T[]) => [...a].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

export function modelToText(model: Model, findings: readonly Finding[]): string {
  const out: string[] = [];
  const m = model.meta;
  out.push(`model: ${show(m.title)}${m.version ? ` version ${show(m.version)}` : ''}`);
  out.push(`review: ${m.reviewStatus}; owner ${show(m.owner ?? '')}; reviewers ${show(m.reviewers.length ? m.reviewers : '(none)')}`);
  out.push('', '== Architecture');
  for (const z of byId(model.zones)) {
    out.push(`zone ${z.id}: ${z.kind} ${show(z.label)}${z.parent ? ` in ${z.parent}` : ''}${z.outOfScope ? ' (out of scope)' : ''}`);
  }
  for (const c of byId(model.components)) {
    out.push(`component ${c.id}: ${c.kind} ${show(c.label)}${c.zone ? ` in ${c.zone}` : ''}${c.outOfScope ? ' (out of scope)' : ''}`);
    for (const [k, v] of Object.entries(c.facts).sort()) out.push(`component ${c.id}: fact ${k} = ${show(v)}`);
    for (const [k, v] of Object.entries(c.controls).sort()) out.push(`component ${c.id}: control ${k} ${v}`);
  }
  for (const f of byId(model.flows)) {
    out.push(`flow ${f.id}: ${f.source} -> ${f.target} ${show(f.label)}${f.outOfScope ? ' (out of scope)' : ''}`);
    for (const [k, v] of Object.entries(f.facts).sort()) out.push(`flow ${f.id}: fact ${k} = ${show(v)}`);
    for (const [k, v] of Object.entries(f.controls).sort()) out.push(`flow ${f.id}: control ${k} ${v}`);
  }
  out.push('', '== Findings');
  const sorted = [...findings].sort(
    (a, b) => SEVERITIES.indexOf(b.residual.severity) - SEVERITIES.indexOf(a.residual.severity) || (a.key < b.key ? -1 : 1),
  );
  for (const f of sorted) {
    const closed = f.closedBy?.length ? `, closed by ${f.closedBy.map((c) => `${c.control} on ${c.target.id}`).join(', ')}` : '';
    out.push(`finding ${f.key}: ${f.residual.severity} ${f.status}${closed} — ${f.title}`);
  }
  out.push('', '== Decisions');
  for (const [key, d] of Object.entries(model.decisions).sort()) {
    out.push(`decision ${key}: ${d.status}${d.decidedBy ? ` by ${show(d.decidedBy)}` : ''}${d.rationale ? ` — ${show(d.rationale)}` : ''}`);
  }
  if (model.comments.length > 0) {
    out.push('', '== Comments');
    for (const c of byId(model.comments)) {
      out.push(`thread ${c.id} on ${c.subject.type} ${c.subject.id}${c.resolved ? ' (resolved)' : ''}`);
      for (const msg of c.messages) out.push(`thread ${c.id}: ${msg.at} ${show(msg.author)}: ${show(msg.text)}`);
    }
  }
  if (model.baselines.length > 0) {
    out.push('', '== Baselines');
    const checks = verifyBaselines(model);
    model.baselines.forEach((b, i) => {
      const check = checks[i]!;
      out.push(`baseline ${b.id}: ${b.signedAt} ${b.status} by ${show(b.signedBy.length ? b.signedBy : '(nobody)')} sha256 ${b.hash}${check.ok ? '' : ` TAMPERED: ${check.problem}`}`);
    });
  }
  out.push('', '== Layout (positions only; no change to the threat model)');
  for (const [id, box] of Object.entries(model.layout.boxes).sort()) {
    out.push(`layout ${id}: at ${Math.round(box.x)},${Math.round(box.y)}${box.width ? ` size ${Math.round(box.width)}x${Math.round(box.height ?? 0)}` : ''}`);
  }
  for (const [id, points] of Object.entries(model.layout.flowPoints).sort()) {
    if (points.length) out.push(`layout ${id}: bends ${points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).join(' ')}`);
  }
  return out.join('\n') + '\n';
}
