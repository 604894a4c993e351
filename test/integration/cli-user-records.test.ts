// The CLI shows threats the team wrote and scores set by hand: table, Markdown and SARIF, from a
// real model file on disk and the CLI as a real process.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'mercator.mjs');
const rag = path.join(root, 'examples', 'rag-support-chatbot.mercator.json');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 20e6 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let file: string;
const overrideKey = 'indirect-prompt-injection@llm';
beforeAll(async () => {
  const model = JSON.parse(await fs.readFile(rag, 'utf8')) as Record<string, unknown>;
  model.threats = [
    { id: 'paste', subject: { type: 'component', id: 'llm' }, title: 'Agents paste card numbers into prompts', description: '', atlas: ['AML.T0057'], owasp: ['LLM02:2025'], likelihood: 4, impact: 5, controls: [] },
  ];
  model.overrides = { [overrideKey]: { likelihood: 1, justification: 'Crawled sites are allow-listed and reviewed weekly' } };
  file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'mercator-cli-records-')), 'records.mercator.json');
  await fs.writeFile(file, JSON.stringify(model));
});

describe('mercator analyze with user records', () => {
  it('table: the team’s threat is marked, the hand-set score starred and justified below', async () => {
    const r = await run(['analyze', file, '--format', 'table']);
    expect(r.stderr).toBe('');
    const row = r.stdout.split('\n').find((l) => l.includes('threat:paste'))!;
    expect(row).toContain('Agents paste card numbers into prompts (team)');
    expect(row).toContain('4×5=20');
    const overridden = r.stdout.split('\n').find((l) => l.endsWith(overrideKey))!;
    expect(overridden).toMatch(/1×\d=\d+\*/);
    expect(r.stdout).toContain(`* score set by hand on ${overrideKey}: Crawled sites are allow-listed and reviewed weekly`);
  });

  it('markdown and SARIF say the same', async () => {
    const md = await run(['analyze', file, '--format', 'markdown']);
    expect(md.stdout).toContain('Written by the team in the model.');
    expect(md.stdout).toContain('Score set by hand: likelihood 1 — Crawled sites are allow-listed and reviewed weekly');
    const sarif = JSON.parse((await run(['analyze', file, '--format', 'sarif'])).stdout) as { runs: Array<{ results: Array<{ ruleId: string; partialFingerprints?: Record<string, string> }> }> };
    expect(sarif.runs[0]!.results.some((x) => x.ruleId === 'user-threat')).toBe(true);
  });
});
