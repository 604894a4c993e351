// Standalone HTML report: one file, its CSS in its own <style>, an inline SVG diagram, the heatmap and
// coverage matrix as styled markup (./write-html-figures.ts), no scripts (and a CSP that forbids them),
// every piece of user text escaped.
import type { RegisterEntry, ReportData } from './types';
import { escapeHtml as h, severityLabel, statusLabel } from './escape';
import { writeDiagramSvg } from './write-svg';
import { FIGURES_CSS, writeCoverageMatrixHtml, writeHeatmapHtml } from './write-html-figures';
import { SEVERITIES } from '../engine/types';
import { overrideText } from './labels';
import { reviewHtml } from './review';

const CSS = `body{font:14px/1.45 system-ui,sans-serif,"Mercator Fallback";color:#1f1f1f;max-width:1100px;margin:2em auto;padding:0 1em}
h1{font-size:2em;margin-bottom:.2em}h2{border-bottom:2px solid #1a73e8;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f4}.sev{font-weight:bold;padding:0 .4em;border-radius:3px}.critical{background:#b71c1c;color:#fff}
.high{background:#f44336;color:#fff}.medium{background:#ffc107}.low{background:#c8e6c9}.info{background:#e0e0e0}
.finding{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}.muted{color:#666}
.cover{border-bottom:1px solid #ccc;padding-bottom:1em}a[href^="#F-"]{white-space:nowrap}svg.diagram{max-width:100%;height:auto}.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.6em 0}
.cover dt{color:#5f6368;font-weight:bold}.cover dd{margin:0}.marking{text-align:center;font-weight:bold;color:#b71c1c;letter-spacing:.05em}
${FIGURES_CSS}`;

const a = (text: string, url: string) => (url && /^https:\/\//.test(url) ? `<a href="${h(url)}">${h(text)}</a>` : h(text));
const sev = (s: string) => `<span class="sev ${h(s)}">${h(severityLabel(s))}</span>`;

function table(head: string[], rows: string[][], cls = ''): string {
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function entry(e: RegisterEntry): string {
  const li: string[] = [
    `<li><b>Status:</b> ${h(statusLabel(e.status))}${e.owner ? ` · <b>Owner:</b> ${h(e.owner)}` : ''}${e.due ? ` · <b>Due:</b> ${h(e.due)}` : ''}${e.ticket ? ` · <b>Ticket:</b> ${h(e.ticket)}` : ''}</li>`,
    `<li><b>Score:</b> ${e.inherent.score} ${sev(e.inherent.severity)} (likelihood ${e.inherent.likelihood} × impact ${e.inherent.impact}) → residual ${e.residual.score} ${sev(e.residual.severity)}</li>`,
    `<li><b>ATLAS:</b> ${e.atlas.map((t) => `${a(`${t.id} ${t.name}`, t.url)}${t.tactics.length ? ` <span class="muted">(${t.tactics.map((x) => h(x.name)).join(', ')})</span>` : ''}`).join('; ') || '—'}</li>`,
    `<li><b>OWASP:</b> ${e.owasp.map((o) => a(`${o.id} ${o.name}`, o.url)).join('; ') || '—'}</li>`,
  ];
  if (e.path.length) li.push(`<li><b>Path:</b> ${e.path.map(h).join(' → ')}</li>`);
  for (const r of e.reasons) li.push(`<li>${h(r)}</li>`);
  if (e.mitigations.length) li.push(`<li><b>Mitigations:</b> ${e.mitigations.map((m) => `${h(m.controlLabel)} on ${h(m.target.label)}${m.present ? ' (present)' : ''}`).join('; ')}</li>`);
  if (e.origin === 'user') li.push('<li><b>Source:</b> written by the team in the model</li>');
  if (e.override) li.push(`<li><b>Score set by hand:</b> ${h(overrideText(e.override))} — ${h(e.override.justification)}</li>`);
  if (e.rationale) li.push(`<li><b>Rationale:</b> ${h(e.rationale)}</li>`);
  return `<div class="finding" id="${h(e.ref)}"><h4>${h(e.ref)} ${h(e.title)}</h4><ul>${li.join('')}</ul></div>`;
}

/** Version, date and authors under the title, each only when the model records it. */
function coverFacts(report: ReportData): string {
  const { cover } = report;
  const rows: Array<[string, string]> = [];
  if (cover.version) rows.push(['Version', cover.version]);
  if (cover.modelDate) rows.push(['Model date', cover.modelDate]);
  if (cover.authors.length) rows.push(['Authors', cover.authors.join(', ')]);
  if (cover.owner) rows.push(['Owner', cover.owner]);
  if (cover.reviewers.length) rows.push(['Reviewers', cover.reviewers.join(', ')]);
  return rows.length ? `<dl>${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>` : '';
}

export interface HtmlOptions {
  /** @font-face rules for the family "Mercator Fallback" (fonts as data: URLs), from the host. */
  fontFaces?: string;
}

export function writeHtml(report: ReportData, options: HtmlOptions = {}): string {
  const { cover, summary } = report;
  const body: string[] = [
    cover.classification ? `<p class="marking">${h(cover.classification)}</p>` : '',
    `<div class="cover"><h1>${h(cover.title)}</h1><p class="muted">Threat model report · ${h(cover.generator)}${cover.generatedAt ? ` · ${h(cover.generatedAt)}` : ''} · ${h(cover.catalogVersion)}</p>`,
    coverFacts(report),
    cover.description ? `<p>${h(cover.description)}</p>` : '',
    '</div>',
    '<h2>Executive summary</h2>',
    `<p>${report.narrative.summary.map(h).join(' ')}</p>`,
    table(['Severity (residual)', 'Findings'], [...SEVERITIES].reverse().map((s) => [sev(s), String(summary.bySeverity[s])])),
    table(['Status', 'Findings'], Object.entries(summary.byStatus).map(([s, n]) => [h(statusLabel(s)), String(n)])),
    '<h3>Likelihood × impact (findings at their residual score)</h3>',
    writeHeatmapHtml(summary.matrix),
    '<h3>Top risks</h3>',
    summary.findings === 0
      ? '<p>No findings.</p>'
      : summary.topRisks.length === 0
        ? '<p>No open risk: every finding is mitigated, accepted, transferred or not applicable.</p>'
        : table(['Ref', 'Finding', 'Subject', 'Residual', 'Status'], summary.topRisks.map((e) => [`<a href="#${h(e.ref)}">${h(e.ref)}</a>`, h(e.title), h(e.subject.label), `${e.residual.score} ${sev(e.residual.severity)}`, h(statusLabel(e.status))])),
    reviewHtml(report.review),
    '<h2>Architecture</h2>',
    report.diagram.nodes.length === 0 ? '<p>The model has no components.</p>' : writeDiagramSvg(report.diagram),
    '<h2>Scope and method</h2>',
    ...([['Scope', report.narrative.scope], ['Assumptions', report.narrative.assumptions], ['Out of scope', report.narrative.exclusions], ['Methodology', report.narrative.methodology]] as const).map(([t, text]) => `<h3>${t}</h3><p>${h(text.trim()) || '<span class="muted">Not recorded in the model.</span>'}</p>`),
    '<h2>Data flows</h2>',
    table(['Flow', 'Source', 'Target', 'Carries', 'Classification', 'Authenticated', 'Encrypted', 'Findings'], report.flows.map((f) => [h(f.label), h(f.source), h(f.target), h(f.carries), h(f.classification), f.authenticated, f.encrypted, f.findings.map((r) => `<a href="#${h(r)}">${h(r)}</a>`).join(', ')])),
    '<h2>Components</h2>',
    table(['Component', 'Kind', 'Zone', 'Facts', 'Controls present', 'Findings'], report.inventory.map((c) => [
      h(c.label), h(c.kindLabel), h(c.zone), c.facts.map((f) => `${h(f.name)}: ${h(f.value)}`).join('<br>'),
      c.controls.filter((x) => x.present).map((x) => h(x.label)).join('<br>'), String(c.findings),
    ])),
    '<h2>Threat register</h2>',
    ...report.register.map((g) => `<h3>${g.subject.type === 'flow' ? 'Flow' : g.subject.type === 'path' ? 'Path' : 'Component'}: ${h(g.subject.label)}</h3>${g.entries.map(entry).join('')}`),
    '<h2>Mitigation plan</h2>',
    report.plan.length === 0 ? '<p>No finding names a mitigation.</p>' : table(['Control', 'Status', 'ATLAS mitigations', 'Where', 'Closes'], report.plan.map((p) => [
      h(p.controlLabel), h(p.status), p.atlas.map((x) => a(`${x.id} ${x.name}`, x.url)).join('<br>'),
      p.targets.map((t) => `${h(t.label)}${t.present ? ' ✓' : ''}`).join('<br>'), p.findings.map((r) => `<a href="#${h(r)}">${h(r)}</a>`).join(', '),
    ])),
    '<h2>Controls in place</h2>',
    report.evidence.controls.length === 0 ? '<p>No control is recorded as present in the model.</p>' : table(['Control', 'Where', 'Closes', 'Lowers'], report.evidence.controls.map((c) => [h(c.controlLabel), `${c.target.type === 'flow' ? 'Flow' : 'Component'}: ${h(c.target.label)}`, c.closes.map(h).join(', '), c.lowers.map(h).join(', ')])),
    '<h3>Findings closed by controls</h3>',
    report.closed.length === 0
      ? '<p>No finding is closed by a control in place.</p>'
      : table(['Ref', 'Finding', 'Where', 'Closed by', 'Without it', 'ATLAS'], report.closed.map((c) => [
        h(c.ref), h(c.title), h(c.subject), c.closedBy.map((x) => h(x)).join('<br>'), `${c.inherent.score} ${sev(c.inherent.severity)}`, c.atlas.map((x) => a(x.id, x.url)).join(', '),
      ])),
    '<h2>ATLAS coverage</h2>',
    '<p>The ATLAS techniques this model’s findings cite, under each tactic they serve: exposed (some finding unresolved), accepted (only accepted or transferred findings left) or mitigated.</p>',
    writeCoverageMatrixHtml(report.coverage),
    report.coverage.length ? '<h3>Techniques by tactic</h3>' : '',
    report.coverage.length === 0 ? '' : table(['Tactic', 'Technique', 'Findings', 'Max residual', 'State'], report.coverage.flatMap((t) => t.techniques.map((x, i) => [i === 0 ? h(t.name) : '', a(`${x.id} ${x.name}`, x.url), String(x.findings), String(x.maxResidual), h(x.state)]))),
    '<h2>Accepted and transferred risks</h2>',
    report.accepted.length === 0
      ? '<p>No risk was accepted or transferred.</p>'
      : table(['Ref', 'Finding', 'Residual', 'Status', 'Owner, due, ticket', 'Rationale'], report.accepted.map((e) => [
        `<a href="#${h(e.ref)}">${h(e.ref)}</a>`, `${h(e.title)} <span class="muted">(${h(e.subject.label)})</span>`, `${e.residual.score} ${sev(e.residual.severity)}`, h(statusLabel(e.status)),
        [e.owner, e.due && `due ${e.due}`, e.ticket && `ticket ${e.ticket}`].filter(Boolean).map((x) => h(x)).join('<br>'), h(e.rationale || '(no rationale recorded)'),
      ])),
    report.stale.length ? '<h3>Decisions whose finding no longer appears</h3>' + table(['Key', 'Status', 'Rationale'], report.stale.map((s) => [h(s.key), h(statusLabel(s.status)), h(s.rationale)])) : '',
    '<h2>Red-team test plan</h2>',
    report.redTeam.length === 0 ? '<p>No finding is open, so there is nothing to test.</p>' : '',
    ...report.redTeam.map((g) => `<h3>${g.subject.type === 'flow' ? 'Flow' : g.subject.type === 'path' ? 'Path' : 'Component'}: ${h(g.subject.label)}</h3>${g.items.map((it) => `<h4>${h(it.ref)} ${h(it.title)}</h4>${table(['Test', 'How', 'What shows the finding is real', 'Verifies'], it.tests.map((t) => [h(t.kindLabel), h(t.method), h(t.observe), t.verifies.map(h).join('<br>')]))}`).join('')}`),
    '<h2>Appendix: catalog entries cited</h2>',
    ...([['ATLAS tactics', report.appendix.tactics], ['ATLAS techniques', report.appendix.techniques], ['ATLAS mitigations', report.appendix.mitigations], ['OWASP', report.appendix.owasp]] as const)
      .filter(([, refs]) => refs.length > 0)
      .map(([title, refs]) => `<h3>${title}</h3><ul>${refs.map((r) => `<li>${a(`${r.id} ${r.name}`, r.url)}${r.url ? ` <span class="muted">${h(r.url)}</span>` : ''}</li>`).join('')}</ul>`),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="generator" content="${h(cover.generator)}">
<title>${h(cover.title)} — threat model report</title>
<style>${options.fontFaces ? `${options.fontFaces}\n` : ''}${CSS}</style></head>
<body>
${body.filter(Boolean).join('\n')}
${cover.classification ? `<p class="marking">${h(cover.classification)}</p>` : ''}
</body></html>
`;
}
