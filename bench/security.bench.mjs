// The attack audit, repeatable at full size: runs the test/security suite with
// MERCATOR_SECURITY_SCALE=10 (50 parallel saves × 30 rounds, 300 external writes and 300 saves
// during opens, 3,000 opens and 3,000 saves under a folder swap, hostile catalogs, payloads) and
// reports each case's failure count (budget: none) with its trial count.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const title = 'Security audit (test/security at full size)';

export function setup({ root }) {
  const started = Date.now();
  const run = spawnSync(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', '--project', 'unit', 'test/security'], {
    cwd: root,
    env: { ...process.env, MERCATOR_SECURITY_SCALE: '10' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = new Map();
  for (const m of `${run.stdout}\n${run.stderr}`.matchAll(/security: (.+?): (\d+) trials, (\d+) failures(?: \((.*)\))?/g)) {
    lines.set(m[1], { trials: Number(m[2]), failures: Number(m[3]), extra: m[4] ?? '' });
  }
  if (run.status !== 0) process.stdout.write(`\ntest/security failed at full size (status ${run.status}, signal ${run.signal}, ${run.error ?? "no spawn error"}):\n${run.stdout.slice(-6000)}\n${run.stderr.slice(-2000)}\n`);
  return { lines, ok: run.status === 0, seconds: (Date.now() - started) / 1000 };
}

const CASES = [
  'parallel saves from one base (50 writers)',
  'external write during a save',
  'saves while another model in the folder opens',
  'folder swapped for a link: opens and saves',
  'hostile catalog files in browser mode',
  'markdown payloads through analyze --format markdown',
  'URLs in a model through the Markdown report',
  'control characters through CLI output',
  'oversized rule packs refused',
];

export const measurements = [
  ...CASES.map((name) => ({
    name,
    budget: { value: 0, unit: 'failures' },
    run(ctx) {
      const found = ctx.lines.get(name);
      if (!found) return { value: Number.POSITIVE_INFINITY, unit: 'failures', detail: 'case did not report (see the suite output)' };
      return { value: found.failures, unit: 'failures', detail: `${found.trials} trials${found.extra ? `; ${found.extra}` : ''}` };
    },
  })),
  {
    name: 'whole suite passed',
    budget: { value: 0, unit: 'failed runs' },
    run(ctx) {
      return { value: ctx.ok ? 0 : 1, unit: 'failed runs', detail: `${ctx.seconds.toFixed(0)} s` };
    },
  },
];
