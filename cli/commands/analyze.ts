// `mercator analyze FILE`: run the threat engine on a model file, print findings, fail a build.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadModelBytes } from '../../core/model/load';
import { formatProblem } from '../../core/model/errors';
import { analyze, isDecided } from '../../core/engine/analyze';
import { toSarif } from '../../core/engine/sarif';
import { SEVERITIES, type AnalysisResult, type Severity } from '../../core/engine/types';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { escapeMarkdown } from '../../core/report/escape';
import { EXIT, UsageError, appVersion, parseOptions, type CliCommand } from '../context';

const FORMATS = ['table', 'json', 'markdown', 'sarif'] as const;
const THRESHOLDS = ['low', 'medium', 'high', 'critical'] as const;

function table(result: AnalysisResult): string {
  if (result.findings.length === 0) return 'No findings.';
  const rows = result.findings.map((f) => [
    f.residual.severity,
    // "*" marks a score set by hand; "(team)" a threat written in the model.
    `${f.residual.likelihood}×${f.residual.impact}=${f.residual.score}${f.override ? '*' : ''}`,
    f.status,
    f.origin === 'user' ? `${f.title} (team)` : f.title,
    f.subject.label,
    f.key,
  ]);
  const head = ['SEVERITY', 'SCORE', 'STATUS', 'FINDING', 'WHERE', 'KEY'];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i]!))).join('  ');
  const counts = SEVERITIES.slice()
    .reverse()
    .map((s) => `${result.findings.filter((f) => f.residual.severity === s).length} ${s}`)
    .join(', ');
  return [line(head), ...rows.map(line), '', `${result.findings.length} findings (${counts}); ${result.closed.length} closed by controls; ${result.stale.length} stale decisions.`, ...closedLines(result), ...overrideLines(result)].join('\n');
}

/** One line per score set by hand, with its justification (the "*" of the table). */
function overrideLines(result: AnalysisResult): string[] {
  return result.findings.filter((f) => f.override).map((f) => `* score set by hand on ${f.key}: ${f.override!.justification.replace(/[\r\n]+/g, ' ')}`);
}

/** One line per finding a present control closes: the evidence behind "closed by controls". */
function closedLines(result: AnalysisResult): string[] {
  return result.closed.map((f) => `closed: ${f.title} on ${f.subject.label}, by ${(f.closedBy ?? []).map((c) => `${c.label} on ${c.targetLabel}`).join(' and ')} (${f.key})`);
}

// Model text is escaped exactly as the Markdown report writer does it: no HTML, links, images or
// emphasis can come out of a label. Keys and ids are escaped text too, not code spans.
const cell = escapeMarkdown;

function markdown(result: AnalysisResult, title: string): string {
  const out = [`# Threats: ${cell(title)}`, '', `${result.findings.length} findings.`, ''];
  out.push('| Severity | Score | Status | Finding | Where | ATLAS | OWASP |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const f of result.findings) {
    out.push(
      `| ${f.residual.severity} | ${f.residual.score} | ${f.status} | ${cell(f.title)} | ${cell(f.subject.label)} | ${cell(f.atlas.map((a) => a.technique).join(', '))} | ${cell(f.owasp.join(', '))} |`,
    );
  }
  for (const f of result.findings) {
    out.push('', `## ${cell(f.title)} — ${cell(f.subject.label)}`, '', `Key: ${cell(f.key)}`, '');
    if (f.origin === 'user') out.push('Written by the team in the model.', '');
    if (f.override) out.push(`Score set by hand: ${f.override.likelihood !== undefined ? `likelihood ${f.override.likelihood} ` : ''}${f.override.impact !== undefined ? `impact ${f.override.impact} ` : ''}— ${cell(f.override.justification)}`, '');
    for (const r of f.reasons) out.push(`- ${cell(r)}`);
    const todo = f.mitigations.filter((m) => !m.present);
    if (todo.length > 0) {
      out.push('', 'Mitigations:');
      for (const m of todo) out.push(`- ${cell(m.label ?? m.control)} on ${cell(m.target.id)} (${cell(m.effect ?? 'lowers')}; ${cell(m.atlas.join(', '))})`);
    }
  }
  if (result.closed.length > 0) {
    out.push('', '## Closed by controls', '');
    for (const line of closedLines(result)) out.push(`- ${cell(line.slice('closed: '.length))}`);
  }
  if (result.stale.length > 0) {
    out.push('', '## Stale decisions', '');
    for (const s of result.stale) out.push(`- ${cell(s.key)}: ${cell(s.status)}`);
  }
  return out.join('\n');
}

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'list the threats in a model; exit 1 when open findings reach --fail-on',
  usage: 'mercator analyze FILE [--format table|json|markdown|sarif] [--fail-on low|medium|high|critical] [--rules DIR]',
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, { format: 'string', 'fail-on': 'string', rules: 'string' });
    const format = (options.format as string | undefined) ?? 'table';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const failOn = options['fail-on'] as string | undefined;
    if (failOn !== undefined && !(THRESHOLDS as readonly string[]).includes(failOn)) {
      throw new UsageError(`--fail-on must be one of ${THRESHOLDS.join(', ')}, not "${failOn}"`);
    }
    if (positional.length !== 1) throw new UsageError('name exactly one model file');
    const file = positional[0]!;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.resolve(ctx.cwd, file));
    } catch (error) {
      ctx.err(`mercator analyze: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return EXIT.usage;
    }
    const loaded = loadModelBytes(bytes);
    if (!loaded.ok) {
      for (const e of loaded.errors) ctx.err(formatProblem(e, file));
      return EXIT.usage;
    }
    const rulesDir = options.rules as string | undefined;
    if (rulesDir) {
      try {
        await fs.readdir(path.resolve(ctx.cwd, rulesDir));
      } catch {
        ctx.err(`mercator analyze: --rules ${rulesDir}: not a readable folder`);
        return EXIT.usage;
      }
    }
    const packs = await loadRulePacks({
      builtinDir: path.join(ctx.appRoot, 'data', 'rules'),
      catalogDir: path.join(ctx.appRoot, 'data', 'catalog'),
      ...(rulesDir ? { userDir: path.resolve(ctx.cwd, rulesDir), userLabel: rulesDir } : {}),
    });
    if (packs.errors.length > 0) {
      for (const e of packs.errors) ctx.err(e);
      return EXIT.usage;
    }
    for (const w of packs.warnings) ctx.err(`warning: ${w}`);
    const result = analyze(loaded.model, packs.packs, { techniqueTactics: packs.techniqueTactics });
    if (format === 'json') ctx.out(JSON.stringify({ file, ...result }, null, 2));
    else if (format === 'markdown') ctx.out(markdown(result, loaded.model.meta.title));
    else if (format === 'sarif') ctx.out(JSON.stringify(toSarif(result, packs.packs, file.split(path.sep).join('/'), appVersion(ctx.appRoot)), null, 2));
    else ctx.out(table(result));
    if (failOn === undefined) return EXIT.ok;
    const threshold = SEVERITIES.indexOf(failOn as Severity);
    const failing = result.findings.filter((f) => !isDecided(f) && f.outOfScope === undefined && SEVERITIES.indexOf(f.residual.severity) >= threshold);
    if (failing.length > 0) {
      ctx.err(`mercator analyze: ${failing.length} open finding(s) at or above ${failOn}`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
