// The HTML report's two figures, drawn like the PDF's with the same colours (./palette.ts): the
// likelihood × impact heatmap of the findings at their residual score, and the ATLAS coverage matrix (one column per
// tactic, in ATLAS order). Static markup styled by classes from FIGURES_CSS: no scripts, no style
// attributes, and every catalog or user text escaped.
import type { CoverageTactic } from './types';
import { escapeHtml as h, severityLabel } from './escape';
import { COVERAGE_LEGEND, HEAT_COLOR, HEAT_INK, HEAT_LEGEND, coverageBand, heatSeverity } from './palette';
import { HEATMAP_COUNTS } from './heatmap';

const LEVELS = [1, 2, 3, 4, 5];

export const FIGURES_CSS = [
  // Heatmap: the grid, its axis titles and the legend beside it.
  '.heat{display:flex;flex-wrap:wrap;align-items:flex-start;gap:1.5em 2.5em;margin:.6em 0 1.4em}',
  '.heat-plot{display:flex;align-items:center}',
  '.heat-y{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:bold;margin-right:.4em}',
  '.heat-grid{width:auto;border-collapse:separate;border-spacing:3px;margin:0}',
  '.heat-grid th,.heat-grid td{border:0;padding:0;text-align:center;vertical-align:middle}.heat-grid th{background:none}',
  '.heat-grid tbody th{width:24px;padding-right:4px;font-weight:normal}',
  '.heat-grid tfoot th{height:22px;font-weight:normal}.heat-grid tfoot tr+tr th{font-weight:bold}',
  // Sizes in px: a cell's font size (bold counts, faint zeros) must not change its size.
  '.heat-grid tbody td{width:46px;height:46px;font-weight:bold;font-size:17px}',
  '.heat-grid tbody td.zero{font-weight:normal;font-size:11px;color:#9e9e9e}',
  ...Object.entries(HEAT_COLOR).map(([severity, color]) => `.heat-${severity}{background:${color};color:${HEAT_INK[severity as keyof typeof HEAT_INK]}}`),
  '.legend{list-style:none;margin:.3em 0;padding:0}.legend li{margin:.2em 0}',
  '.swatch{display:inline-block;width:1.1em;height:.8em;margin-right:.45em;vertical-align:-.05em;border:1px solid rgba(0,0,0,.08)}',
  '.heat-notes{max-width:26em}',
  // Coverage matrix: tactic columns of one width side by side; those that do not fit go on below, in
  // order (nothing hidden behind a scrollbar, nothing lost in print).
  '.cov-legend{display:flex;flex-wrap:wrap;gap:.2em 1.2em;margin:.4em 0 .6em}',
  '.cov{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.6em,1fr));gap:10px 4px;align-items:start;margin-bottom:1.2em}',
  '.cov-col{display:flex;flex-direction:column;gap:4px;break-inside:avoid}',
  '.cov-head{background:#1a237e;color:#fff;font-weight:bold;font-size:.8em;text-align:center;padding:.4em .3em;min-height:2.6em;display:flex;align-items:center;justify-content:center}',
  '.cov-cell{display:block;padding:.3em .4em;font-size:.78em;line-height:1.3;color:#1f1f1f;text-decoration:none;overflow-wrap:anywhere}',
  '.cov-cell b{display:block;font-size:.95em;white-space:nowrap}',
  'a.cov-cell:hover{outline:2px solid #1a237e}',
  ...COVERAGE_LEGEND.map((e) => `.cov-${e.band}{background:${e.color}}`),
].join('\n');

/** The 5 × 5 grid (impact up, likelihood across, as in the app: ./heatmap.ts), faint zeros, axis titles and the colour legend. */
export function writeHeatmapHtml(matrix: number[][]): string {
  const rows = [...LEVELS].reverse().map((i) => {
    const cells = LEVELS.map((l) => {
      const n = matrix[i - 1]?.[l - 1] ?? 0;
      const severity = heatSeverity(l, i);
      const what = `likelihood ${l} × impact ${i} = ${l * i}, ${severityLabel(severity)}: ${n} finding${n === 1 ? '' : 's'}`;
      return `<td class="heat-${severity}${n === 0 ? ' zero' : ''}" title="${h(what)}">${n}</td>`;
    });
    return `<tr><th scope="row">${i}</th>${cells.join('')}</tr>`;
  });
  const foot = `<tfoot><tr><th></th>${LEVELS.map((l) => `<th scope="col">${l}</th>`).join('')}</tr><tr><th></th><th colspan="5">Likelihood</th></tr></tfoot>`;
  const legend = HEAT_LEGEND.map((e) => `<li><span class="swatch heat-${e.severity}"></span>${h(severityLabel(e.severity))} (${h(e.range)})</li>`).join('');
  return [
    '<div class="heat">',
    '<div class="heat-plot"><div class="heat-y" aria-hidden="true">Impact</div>',
    `<table class="heat-grid" aria-label="Findings by residual impact (rows, 5 at the top) and likelihood (columns)"><tbody>${rows.join('')}</tbody>${foot}</table></div>`,
    `<div class="heat-notes"><b>Cell colour: severity of likelihood × impact</b><ul class="legend">${legend}</ul>`,
    `<p class="muted">Numbers: ${h(HEATMAP_COUNTS)}</p></div>`,
    '</div>',
  ].join('\n');
}

/** One column per tactic, a cell per cited technique coloured by its state, and the legend above. */
export function writeCoverageMatrixHtml(tactics: CoverageTactic[]): string {
  if (tactics.length === 0) return '<p>No finding cites an ATLAS technique.</p>';
  const legend = COVERAGE_LEGEND.map((e) => `<span><span class="swatch cov-${e.band}"></span>${h(e.label)}</span>`).join('');
  const columns = tactics.map((t) => {
    const cells = t.techniques.map((x) => {
      const inner = `<b>${h(x.id)}</b>${h(x.name)} (${x.maxResidual})`;
      const cls = `cov-cell cov-${coverageBand(x)}`;
      const title = h(`${x.id} ${x.name}: ${x.findings} finding${x.findings === 1 ? '' : 's'}, highest residual ${x.maxResidual}, ${x.state}`);
      return /^https:\/\//.test(x.url) ? `<a class="${cls}" href="${h(x.url)}" title="${title}">${inner}</a>` : `<span class="${cls}" title="${title}">${inner}</span>`;
    });
    return `<div class="cov-col"><div class="cov-head">${h(t.name)}</div>${cells.join('')}</div>`;
  });
  return [
    `<div class="cov-legend">${legend}</div>`,
    `<div class="cov" role="group" aria-label="ATLAS coverage matrix">${columns.join('\n')}</div>`,
    '<p class="muted">Cells: technique id and name (highest residual score of its findings).</p>',
  ].join('\n');
}
