// Text output of `mercator catalog` (the JSON output is the API's own shapes).
import type { CatalogEntry } from '../../core/api/calls/catalog';
import type { CatalogSearchHit } from '../../core/host/catalog/search';
import type { CatalogStats } from '../../core/host/catalog/queries';
import type { ImportPlan } from '../../core/host/catalog/import';
import { formatProblem } from '../../core/catalog/index';

export function formatStats(stats: CatalogStats): string {
  return [
    `MITRE ATLAS ${stats.atlasVersion} (${stats.source}; text: ${stats.textSource})`,
    `  tactics          ${stats.tactics}`,
    `  techniques       ${stats.techniques} (${stats.subtechniques} sub-techniques)`,
    `  mitigations      ${stats.mitigations}`,
    `  case studies     ${stats.caseStudies}`,
    `  OWASP LLM 2025   ${stats.owaspLlm}`,
    `  OWASP ML 2023    ${stats.owaspMl}`,
    `  crosswalk links  ${stats.crosswalkLinks}`,
  ].join('\n');
}

export function formatHits(hits: CatalogSearchHit[]): string {
  if (hits.length === 0) return 'No matches.';
  const width = Math.max(...hits.map((h) => h.id.length));
  return hits.map((h) => `${h.id.padEnd(width)}  ${h.type.padEnd(10)}  ${h.parentName ? `${h.parentName}: ` : ''}${h.name}`).join('\n');
}

const refs = (list: Array<{ id: string; name: string }>) => list.map((r) => `  ${r.id}  ${r.name}`);

export function formatEntry(entry: CatalogEntry): string {
  const lines = [`${entry.id}  ${entry.name}  (${entry.type}${entry.list ? `, ${entry.list}` : ''})`, entry.url, ''];
  lines.push(entry.summary, `(${entry.textSource === 'official' ? 'official description' : "Mercator's summary"})`);
  const section = (title: string, body: string[] | undefined) => {
    if (body && body.length > 0) lines.push('', `${title}:`, ...body);
  };
  if (entry.maturity) lines.push('', `Maturity: ${entry.maturity}`);
  if (entry.parent) lines.push('', `Sub-technique of ${entry.parent.id} ${entry.parent.name}`);
  if (entry.caseType) lines.push('', `${entry.caseType}, ${entry.date ?? ''}; target: ${entry.target ?? ''}; actor: ${entry.actor ?? ''}`);
  section('Tactics', entry.tactics && refs(entry.tactics));
  section('Sub-techniques', entry.subtechniques && refs(entry.subtechniques));
  section('Techniques', entry.techniques && refs(entry.techniques));
  section('Mitigations', entry.mitigations && refs(entry.mitigations));
  section('Case studies', entry.caseStudies && refs(entry.caseStudies));
  section('Procedure', entry.procedure?.map((s, i) => `  ${i + 1}. ${s.tactic.name}: ${s.technique.id} ${s.technique.name}`));
  section('Prevention', entry.prevention?.map((p) => `  - ${p}`));
  section(
    'Crosswalk',
    entry.crosswalk?.map((c) => `  ${c.id}  ${c.name}  [${c.provenance}]${c.reason ? ` — ${c.reason}` : ''}`),
  );
  return lines.join('\n');
}

export function formatPlan(plan: ImportPlan, applied: boolean): string {
  const list = (title: string, ids: string[]) => (ids.length === 0 ? [] : [`${title} (${ids.length}):`, `  ${ids.join(' ')}`]);
  return [
    `ATLAS release ${plan.version}: ${plan.added.length} added, ${plan.changed.length} changed, ${plan.removed.length} removed.`,
    ...list('Added', plan.added),
    ...list('Changed', plan.changed),
    ...list('Removed', plan.removed),
    ...plan.notes.map((n) => `note: ${formatProblem(n)}`),
    applied ? 'Imported: the catalog now uses the official descriptions.' : 'Preview only: run again with --yes to import.',
  ].join('\n');
}
