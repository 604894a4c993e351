// Markdown report (CommonMark + GitHub tables). Every piece of user text is escaped.
import type { RegisterEntry, ReportData } from './types';
import { escapeMarkdown as md, severityLabel, statusLabel } from './escape';
import { SEVERITIES } from '../engine/types';
import { overrideText } from './labels';
import { reviewMarkdown } from './review';
import { writeRedTeamMarkdown } from './write-redteam';

const link = (text: string, url: string) => (url ? `[${md(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)` : md(text));

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function entryLines(e: RegisterEntry): string[] {
  const lines = [
    `#### ${e.ref} ${md(e.title)}`,
    '',
    `- **Status:** ${statusLabel(e.status)}${e.owner ? ` · **Owner:** ${md(e.owner)}` : ''}${e.due ? ` · **Due:** ${md(e.due)}` : ''}${e.ticket ? ` · **Ticket:** ${md(e.ticket)}` : ''}`,
    `- **Score:** ${e.inherent.score} (${severityLabel(e.inherent.severity)}; likelihood ${e.inherent.likelihood} × impact ${e.inherent.impact}) → residual ${e.residual.score} (${severityLabel(e.residual.severity)})`,
    `- **ATLAS:** ${e.atlas.map((t) => `${link(`${t.id} ${t.name}`, t.url)}${t.tactics.length ? ` (${t.tactics.map((x) => md(x.name)).join(', ')})` : ''}`).join('; ') || '—'}`,
    `- **OWASP:** ${e.owasp.map((o) => link(`${o.id} ${o.name}`, o.url)).join('; ') || '—'}`,
  ];
  if (e.path.length) lines.push(`- **Path:** ${e.path.map(md).join(' → ')}`);
  for (const r of e.reasons) lines.push(`- ${md(r)}`);
  if (e.mitigations.length) lines.push(`- **Mitigations:** ${e.mitigations.map((m) => `${md(m.controlLabel)} on ${md(m.target.label)}${m.present ? ' (present)' : ''}`).join('; ')}`);
  if (e.origin === 'user') lines.push('- **Source:** written by the team in the model');
  if (e.override) lines.push(`- **Score set by hand:** ${overrideText(e.override)} — ${md(e.override.justification)}`);
  if (e.rationale) lines.push(`- **Rationale:** ${md(e.rationale)}`);
  lines.push('');
  return lines;
}

export function writeMarkdown(report: ReportData): string {
  const { cover, summary } = report;
  const out: string[] = [
    `# ${md(cover.title)}`,
    '',
    `Threat model report · ${md(cover.generator)}${cover.generatedAt ? ` · ${md(cover.generatedAt)}` : ''} · catalog: ${md(cover.catalogVersion)}`,
    '',
  ];
  if (cover.version) out.push(`Version: ${md(cover.version)}`, '');
  if (cover.classification) out.unshift(`**${md(cover.classification)}**`, '');
  if (cover.authors.length) out.push(`Authors: ${cover.authors.map(md).join(', ')}`, '');
  if (cover.reviewers.length) out.push(`Reviewers: ${cover.reviewers.map(md).join(', ')}`, '');
  if (cover.description) out.push(md(cover.description), '');
  out.push('## Executive summary', '');
  out.push(report.narrative.summary.map(md).join(' '), '');
  out.push(...table(['Severity (residual)', 'Findings'], [...SEVERITIES].reverse().map((s) => [severityLabel(s), String(summary.bySeverity[s])])));
  out.push(...table(['Status', 'Findings'], Object.entries(summary.byStatus).map(([s, n]) => [statusLabel(s), String(n)])));
  out.push('### Likelihood × impact (findings at their residual score)', '');
  out.push(...table(['Impact \\ Likelihood', '1', '2', '3', '4', '5'], [5, 4, 3, 2, 1].map((i) => [String(i), ...summary.matrix[i - 1]!.map(String)])));
  out.push('### Top risks', '');
  out.push(...table(['Ref', 'Finding', 'Subject', 'Residual', 'Status'], summary.topRisks.map((e) => [e.ref, md(e.title), md(e.subject.label), `${e.residual.score} ${severityLabel(e.residual.severity)}`, statusLabel(e.status)])));
  out.push(...reviewMarkdown(report.review));
  const n = report.narrative;
  out.push('## Scope and method', '');
  for (const [title, text] of [['Scope', n.scope], ['Assumptions', n.assumptions], ['Out of scope', n.exclusions], ['Methodology', n.methodology]] as const) out.push(`### ${title}`, '', md(text.trim()) || 'Not recorded in the model.', '');
  out.push('## Data flows', '');
  out.push(...table(['Flow', 'Source', 'Target', 'Carries', 'Classification', 'Authenticated', 'Encrypted', 'Findings'], report.flows.map((f) => [md(f.label), md(f.source), md(f.target), md(f.carries), md(f.classification), f.authenticated, f.encrypted, f.findings.join(', ')])));
  out.push('## Components', '');
  out.push(...table(['Component', 'Kind', 'Zone', 'Facts', 'Controls present', 'Findings'], report.inventory.map((c) => [
    md(c.label), md(c.kindLabel), md(c.zone), c.facts.map((f) => `${md(f.name)}: ${md(f.value)}`).join('; '),
    c.controls.filter((x) => x.present).map((x) => md(x.label)).join('; '), String(c.findings),
  ])));
  out.push('## Threat register', '');
  for (const g of report.register) {
    out.push(`### ${g.subject.type === 'flow' ? 'Flow' : g.subject.type === 'path' ? 'Path' : 'Component'}: ${md(g.subject.label)}`, '');
    for (const e of g.entries) out.push(...entryLines(e));
  }
  out.push('## Mitigation plan', '');
  out.push(...table(['Control', 'Status', 'ATLAS mitigations', 'Where', 'Closes'], report.plan.map((p) => [
    md(p.controlLabel), p.status, p.atlas.map((a) => `${a.id} ${md(a.name)}`).join('; '),
    p.targets.map((t) => `${md(t.label)}${t.present ? ' ✓' : ''}`).join('; '), p.findings.join(', '),
  ])));
  out.push('## Controls in place', '');
  out.push(...table(['Control', 'Where', 'Closes', 'Lowers'], report.evidence.controls.map((c) => [md(c.controlLabel), `${c.target.type === 'flow' ? 'Flow' : 'Component'}: ${md(c.target.label)}`, c.closes.join(', '), c.lowers.join(', ')])));
  out.push('### Findings closed by controls', '');
  if (report.closed.length === 0) out.push('No finding is closed by a control in place.', '');
  else
    out.push(...table(['Ref', 'Finding', 'Where', 'Closed by', 'Without it', 'ATLAS'], report.closed.map((c) => [
      c.ref, md(c.title), md(c.subject), c.closedBy.map(md).join('; '), `${c.inherent.score} ${severityLabel(c.inherent.severity)}`, c.atlas.map((x) => x.id).join(', '),
    ])));
  out.push('## ATLAS coverage', '');
  out.push(...table(['Tactic', 'Technique', 'Findings', 'Max residual', 'State'], report.coverage.flatMap((t) => t.techniques.map((x) => [
    md(t.name), link(`${x.id} ${x.name}`, x.url), String(x.findings), String(x.maxResidual), x.state,
  ]))));
  out.push('## Accepted and transferred risks', '');
  if (report.accepted.length === 0) out.push('No risk was accepted or transferred.', '');
  else
    out.push(...table(['Ref', 'Finding', 'Residual', 'Status', 'Owner', 'Due', 'Ticket', 'Rationale'], report.accepted.map((e) => [
      e.ref, `${md(e.title)} (${md(e.subject.label)})`, `${e.residual.score} ${severityLabel(e.residual.severity)}`, statusLabel(e.status), md(e.owner), md(e.due), md(e.ticket), md(e.rationale || '(no rationale recorded)'),
    ])));
  if (report.stale.length) {
    out.push('### Decisions whose finding no longer appears', '');
    out.push(...table(['Key', 'Status', 'Rationale'], report.stale.map((s) => [md(s.key), statusLabel(s.status), md(s.rationale)])));
  }
  out.push(writeRedTeamMarkdown(report, true), '');
  out.push('## Appendix: catalog entries cited', '');
  for (const [title, refs] of [['ATLAS tactics', report.appendix.tactics], ['ATLAS techniques', report.appendix.techniques], ['ATLAS mitigations', report.appendix.mitigations], ['OWASP', report.appendix.owasp]] as const) {
    if (!refs.length) continue;
    out.push(`### ${title}`, '', ...refs.map((r) => `- ${link(`${r.id} ${r.name}`, r.url)}${r.url ? ` — ${r.url}` : ''}`), '');
  }
  return out.join('\n');
}
