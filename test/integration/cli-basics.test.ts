// The CLI's entry behaviour as a real process: help, version, usage errors and exit codes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function mercator(args: string[], entry = path.join(ROOT, 'dist', 'cli', 'mercator.mjs')) {
  const run = spawnSync(process.execPath, [entry, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('mercator CLI basics', () => {
  it('--help prints usage and the commands, exit 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = mercator([flag]);
      expect(run.status, flag).toBe(0);
      expect(run.stdout).toContain('Usage: mercator <command> [options]');
      expect(run.stdout).toMatch(/^\s+validate\s+check model files/m);
      expect(run.stdout).toContain('Exit codes: 0 success, 1 failure');
    }
  });

  it('no arguments prints usage, exit 2', () => {
    const run = mercator([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Usage: mercator');
  });

  it('--version prints the package version, exit 0', () => {
    for (const flag of ['--version', '-v']) {
      const run = mercator([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout.trim()).toBe(VERSION);
    }
  });

  it('an unknown command is a usage error, exit 2', () => {
    const run = mercator(['frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
  });

  it('validate with no files is a usage error, exit 2', () => {
    const run = mercator(['validate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('name at least one model file');
    expect(run.stderr).toContain('Usage: mercator validate FILE...');
  });

  it('validate with an unknown option is a usage error, exit 2', () => {
    const run = mercator(['validate', '--bogus', 'x.mercator.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --bogus');
  });

  it('validate --help prints the command usage, exit 0', () => {
    const run = mercator(['validate', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: mercator validate FILE... [--format text|json]');
  });

  it('validates the shipped example, exit 0', () => {
    const run = mercator(['validate', 'examples/rag-support-chatbot.mercator.json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('examples/rag-support-chatbot.mercator.json: valid');
  });

  it('runs through bin/mercator.mjs the same way', () => {
    const run = mercator(['--version'], path.join(ROOT, 'bin', 'mercator.mjs'));
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });
});
