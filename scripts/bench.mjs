// `npm run bench [-- NAME...]`: runs every bench module in bench/ (*.bench.mjs) against the built
// code and writes the results to docs/benchmarks.md, one section per module (other sections kept).
//
// A bench module exports `title` (the section heading), optionally `setup()` (returns a context
// passed to each measurement) and `teardown(context)`, and `measurements`: an array of
// `{ name, budget?, run(context) }` (budget `{ value, unit?, atLeast? }`: a ceiling, or with atLeast a
// floor such as frames per second) where run returns `{ value, unit, detail? }` — it does its own
// timing, e.g. with the `median` and `time` helpers of scripts/bench-helpers.mjs, whose
// `loadBundle(entry)` bundles a TypeScript entry with esbuild (as the CLI is built) and imports it.
// A module may also export `report(context)`, returning markdown appended to its section after the table.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const report = path.join(root, 'docs', 'benchmarks.md');

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function formatValue(value, unit) {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Replaces (or appends) the section `## title` of the report, keeping every other section. */
function writeSection(title, body) {
  const header = '# Benchmarks\n\nMeasured by `npm run bench` (scripts/bench.mjs runs bench/*.bench.mjs on the built code). Budgets are in DESIGN.md §9.\n';
  let text = existsSync(report) ? readFileSync(report, 'utf8') : header;
  const heading = `## ${title}\n`;
  const start = text.indexOf(heading);
  if (start === -1) text = `${text.trimEnd()}\n\n${heading}${body}`;
  else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${heading}${body}${next === -1 ? '' : text.slice(next)}`;
  }
  writeFileSync(report, `${text.trimEnd()}\n`);
}

async function runModule(file) {
  const mod = await import(pathToFileURL(file).href);
  const context = mod.setup ? await mod.setup({ root }) : undefined;
  const rows = [];
  let failed = false;
  let extra = '';
  try {
    for (const m of mod.measurements) {
      process.stdout.write(`  ${m.name} … `);
      const result = await m.run(context);
      const within = m.budget === undefined ? null : m.budget.atLeast ? result.value >= m.budget.value : result.value <= m.budget.value;
      if (within === false) failed = true;
      const budget = m.budget === undefined ? '—' : `${m.budget.atLeast ? '≥' : '≤'} ${formatValue(m.budget.value, m.budget.unit ?? result.unit)}`;
      const verdict = within === null ? '' : within ? 'ok' : m.budget.atLeast ? '**under budget**' : '**over budget**';
      rows.push(`| ${m.name} | ${formatValue(result.value, result.unit)} | ${budget} | ${verdict} | ${result.detail ?? ''} |`);
      process.stdout.write(`${formatValue(result.value, result.unit)}${within === false ? ` (${m.budget.atLeast ? 'UNDER' : 'OVER'} BUDGET)` : ''}\n`);
    }
    if (mod.report) extra = await mod.report(context);
  } finally {
    if (mod.teardown) await mod.teardown(context);
  }
  const body = [
    '',
    `Run ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    '',
    '| measurement | result | budget | verdict | detail |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...(extra ? [extra] : []),
  ].join('\n');
  writeSection(mod.title, body);
  return failed;
}

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
if (files.length === 0) {
  console.error(`no bench modules${only.length ? ` matching ${only.join(', ')}` : ''} in ${benchDir}`);
  process.exit(2);
}
let over = false;
for (const file of files) {
  console.log(`bench/${file}`);
  over = (await runModule(path.join(benchDir, file))) || over;
}
console.log(`results written to ${path.relative(root, report)}`);
process.exit(over ? 1 : 0);
