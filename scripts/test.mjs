// `npm test`: build, typecheck, lint, unit + integration tests, end-to-end tests in Chromium.
// Prints one closing line "N passed, N failed" (vitest tests plus the check steps).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(path.join(os.tmpdir(), 'mercator-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(label, command, args) {
  const started = Date.now();
  process.stdout.write(`\n=== ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = result.status === 0;
  process.stdout.write(`=== ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

function check(label, command, args) {
  if (step(label, command, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function vitest(project) {
  const out = path.join(reports, `${project}.json`);
  const ok = step(`${project} tests`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    failed++;
    failures.push(`${project} tests (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (report.numFailedTests > 0 || !ok) {
    for (const file of report.testResults) {
      for (const t of file.assertionResults) if (t.status === 'failed') failures.push(`${path.relative(root, file.name)}: ${t.fullName}`);
      if (file.status === 'failed' && file.assertionResults.length === 0) {
        failed++;
        failures.push(`${path.relative(root, file.name)}: ${file.message?.split('\n')[0] ?? 'failed to load'}`);
      }
    }
    if (!ok && report.numFailedTests === 0 && failures.length === 0) {
      failed++;
      failures.push(`${project} tests (runner failed)`);
    }
  }
}

const started = Date.now();
check('build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
check('typecheck electron', bin('tsc'), ['-p', 'electron/tsconfig.json', '--noEmit']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
vitest('unit');
vitest('e2e');

process.stdout.write(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
if (failures.length > 0) process.stdout.write(`Failures:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
if (skipped > 0) process.stdout.write(`${skipped} skipped (see the output above for why).\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
