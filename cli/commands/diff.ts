// `mercator diff OLD NEW`: what changed in the threat model between two model files (or since the
// model's last signed-off baseline), and `mercator diff --textconv FILE`, the git textconv driver.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadModelBytes } from '../../core/model/load';
import { formatProblem } from '../../core/model/errors';
import type { Model } from '../../core/model/schema';
import { analyze } from '../../core/engine/analyze';
import { SEVERITIES, type Severity } from '../../core/engine/types';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { diffModels } from '../../core/diff/diff';
import { diffToMarkdown, diffToText } from '../../core/diff/format';
import { modelToText } from '../../core/diff/text-view';
import type { DiffAnalysis } from '../../core/diff/types';
import { latestBaseline, summaryVersions, verifyBaselines, type AnalysisVersions } from '../../core/review/baseline';
import { EXIT, UsageError, parseOptions, type CliCommand, type CliContext } from '../context';

const FORMATS = ['text', 'json', 'markdown'] as const;
const THRESHOLDS = ['low', 'medium', 'high', 'critical'] as const;

class InputError extends Error {}

async function readModel(ctx: CliContext, file: string): Promise<Model> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.resolve(ctx.cwd, file));
  } catch (error) {
    throw new InputError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const loaded = loadModelBytes(bytes);
  if (!loaded.ok) throw new InputError(loaded.errors.map((e) => formatProblem(e, file)).join('\n'));
  return loaded.model;
}

async function engine(ctx: CliContext, rulesDir: string | undefined) {
  const packs = await loadRulePacks({
    builtinDir: path.join(ctx.appRoot, 'data', 'rules'),
    catalogDir: path.join(ctx.appRoot, 'data', 'catalog'),
    ...(rulesDir ? { userDir: path.resolve(ctx.cwd, rulesDir), userLabel: rulesDir } : {}),
  });
  if (packs.errors.length > 0) throw new InputError(packs.errors.join('\n'));
  let catalog: string | undefined;
  try {
    const meta = parseYaml(await fs.readFile(path.join(ctx.appRoot, 'data', 'catalog', 'atlas', 'meta.yaml'), 'utf8')) as { version?: unknown };
    if (meta.version !== undefined) catalog = String(meta.version);
  } catch {
    // the version line is informative only
  }
  const versions: AnalysisVersions = { ...(catalog ? { catalog } : {}), rulePacks: Object.fromEntries(packs.packs.map((p) => [p.id, String(p.version)])) };
  const run = (model: Model, v: AnalysisVersions = versions): DiffAnalysis => ({
    ...analyze(model, packs.packs, { techniqueTactics: packs.techniqueTactics }),
    versions: v,
  });
  return { run };
}

/** Warns (stderr) about every baseline of the model whose snapshot does not match its hash. */
function warnTampered(ctx: CliContext, model: Model, file: string): number {
  let bad = 0;
  for (const check of verifyBaselines(model)) {
    if (!check.ok) {
      bad++;
      ctx.err(`warning: ${file}: baseline "${check.id}" is TAMPERED: ${check.problem}`);
    }
  }
  return bad;
}

async function textconv(ctx: CliContext, file: string, rulesDir: string | undefined): Promise<number> {
  let model: Model;
  try {
    model = await readModel(ctx, file);
  } catch (error) {
    // git shows whatever we print: the raw text keeps `git diff` usable on a broken or conflicted file.
    ctx.out(`(not a valid Mercator model: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    try {
      ctx.out(await fs.readFile(path.resolve(ctx.cwd, file), 'utf8'));
    } catch {
      // nothing more to show
    }
    return EXIT.ok;
  }
  const { run } = await engine(ctx, rulesDir);
  const analysis = run(model);
  ctx.out(modelToText(model, [...analysis.findings, ...(analysis.closed ?? [])]).replace(/\n$/, ''));
  return EXIT.ok;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'what changed in the threat model between two model files, or since the last sign-off (--baseline)',
  usage:
    'mercator diff OLD NEW | --baseline FILE [--format text|json|markdown] [--fail-on-new low|medium|high|critical] [--rules DIR]\n' +
    '       mercator diff --textconv FILE   (the model as line-per-fact text, for a git diff driver)',
  async run(ctx) {
    const { positional, options } = parseOptions(ctx.args, {
      format: 'string',
      'fail-on-new': 'string',
      rules: 'string',
      baseline: 'boolean',
      textconv: 'boolean',
    });
    const format = (options.format as string | undefined) ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const failOn = options['fail-on-new'] as string | undefined;
    if (failOn !== undefined && !(THRESHOLDS as readonly string[]).includes(failOn)) {
      throw new UsageError(`--fail-on-new must be one of ${THRESHOLDS.join(', ')}, not "${failOn}"`);
    }
    const rulesDir = options.rules as string | undefined;
    if (options.textconv) {
      if (positional.length !== 1 || options.baseline) throw new UsageError('--textconv takes exactly one model file');
      return textconv(ctx, positional[0]!, rulesDir);
    }
    const wanted = options.baseline ? 1 : 2;
    if (positional.length !== wanted) throw new UsageError(options.baseline ? 'with --baseline, name exactly one model file' : 'name two model files: OLD NEW');

    let before: Model;
    let after: Model;
    let oldName: string;
    const newName = positional[wanted - 1]!;
    let a: DiffAnalysis;
    let b: DiffAnalysis;
    try {
      const { run } = await engine(ctx, rulesDir);
      after = await readModel(ctx, newName);
      if (options.baseline) {
        const baseline = latestBaseline(after);
        if (!baseline) throw new InputError(`${newName} has no signed-off baseline yet (sign the review off in the app first)`);
        const check = verifyBaselines(after).at(-1)!;
        if (!check.ok) {
          ctx.err(`mercator diff: ${newName}: baseline "${baseline.id}" is TAMPERED: ${check.problem}`);
          return EXIT.failed;
        }
        before = check.model;
        oldName = `baseline ${baseline.id} (signed ${baseline.signedAt})`;
        const recorded = summaryVersions(baseline.summary);
        a = run(before, Object.keys(recorded).length > 0 ? recorded : undefined);
      } else {
        oldName = positional[0]!;
        before = await readModel(ctx, oldName);
        warnTampered(ctx, before, oldName);
        a = run(before);
      }
      warnTampered(ctx, after, newName);
      b = run(after);
    } catch (error) {
      if (error instanceof InputError) {
        ctx.err(`mercator diff: ${error.message}`);
        return EXIT.usage;
      }
      throw error;
    }
    const diff = diffModels(before, after, a, b);
    if (format === 'json') ctx.out(JSON.stringify({ old: oldName, new: newName, ...diff }, null, 2));
    else if (format === 'markdown') ctx.out(`## Changes from ${oldName} to ${newName}\n\n${diffToMarkdown(diff)}`);
    else ctx.out(diffToText(diff, `Changes from ${oldName} to ${newName}`));
    if (failOn === undefined) return EXIT.ok;
    const threshold = SEVERITIES.indexOf(failOn as Severity);
    const open = new Map(b.findings.filter((f) => f.status === 'open' && !f.closedBy?.length && !f.outOfScope).map((f) => [f.key, f]));
    const failing = [...diff.findings.new, ...diff.findings.reopened].filter((f) => open.has(f.key) && SEVERITIES.indexOf(f.severity) >= threshold);
    if (failing.length > 0) {
      ctx.err(`mercator diff: ${failing.length} new open finding(s) at or above ${failOn}`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
