// The analyze and rules commands as real processes: output formats, exit codes, coverage.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'mercator.mjs');
const rag = path.join(root, 'examples', 'rag-support-chatbot.mercator.json');

function run(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 20e6 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mercator-cli-'));
});

describe('mercator analyze', () => {
  it('lists indirect prompt injection in JSON with ATLAS and OWASP ids', async () => {
    const r = await run(['analyze', rag, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Array<{ key: string; atlas: Array<{ technique: string }>; owasp: string[] }> };
    const f = out.findings.find((x) => x.key === 'indirect-prompt-injection@llm')!;
    expect(f.atlas.map((a) => a.technique)).toContain('AML.T0051.001');
    expect(f.owasp).toContain('LLM01:2025');
  });
  it('exits 1 when open findings reach --fail-on, 0 when all of them are decided', async () => {
    expect((await run(['analyze', rag, '--fail-on', 'high'])).code).toBe(1);
    const model = JSON.parse(await fs.readFile(rag, 'utf8'));
    const json = JSON.parse((await run(['analyze', rag, '--format', 'json'])).stdout) as { findings: Array<{ key: string; residual: { severity: string } }> };
    for (const f of json.findings) if (f.residual.severity === 'high' || f.residual.severity === 'critical') model.decisions[f.key] = { status: 'accepted', rationale: 'test' };
    const file = path.join(tmp, 'decided.mercator.json');
    await fs.writeFile(file, JSON.stringify(model));
    expect((await run(['analyze', file, '--fail-on', 'high'])).code).toBe(0);
    expect((await run(['analyze', file, '--fail-on', 'medium'])).code).toBe(1);
  });
  it('writes table, markdown and minimal SARIF 2.1.0', async () => {
    expect((await run(['analyze', rag])).stdout).toMatch(/indirect-prompt-injection@llm/);
    expect((await run(['analyze', rag, '--format', 'markdown'])).stdout).toMatch(/^# Threats: RAG customer-support chatbot/);
    const sarif = JSON.parse((await run(['analyze', rag, '--format', 'sarif'])).stdout) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(5);
  });
  it('exits 2 on usage errors, unreadable or invalid models and bad rule packs', async () => {
    expect((await run(['analyze'])).code).toBe(2);
    expect((await run(['analyze', rag, '--format', 'pdf'])).code).toBe(2);
    expect((await run(['analyze', rag, '--fail-on', 'severe'])).code).toBe(2);
    expect((await run(['analyze', path.join(tmp, 'missing.mercator.json')])).code).toBe(2);
    const bad = path.join(tmp, 'bad.mercator.json');
    await fs.writeFile(bad, '{"schemaVersion": 1, "meta": {}}');
    expect((await run(['analyze', bad])).code).toBe(2);
    const rules = path.join(tmp, 'rules');
    await fs.mkdir(rules);
    await fs.writeFile(path.join(rules, 'custom.yaml'), 'id: custom\nname: c\nversion: 1\nrules:\n  - { id: my-rule, title: t, category: c, type: component, match: { kind: lmm }, controls: [{ control: authentication }], likelihood: 2, impact: 2 }\n');
    const r = await run(['analyze', rag, '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rule "my-rule": match.kind: "lmm" is not a component kind');
  });
  it('applies a valid custom pack from --rules', async () => {
    const rules = path.join(tmp, 'good-rules');
    await fs.mkdir(rules);
    await fs.writeFile(
      path.join(rules, 'custom.yaml'),
      'id: custom\nname: c\nversion: 1\nrules:\n  - { id: kb-needs-owner, title: Knowledge base has no owner review, category: Custom, type: component, match: { kind: knowledge-base }, controls: [{ control: dataValidation, effect: closes }], atlas: [AML.T0070], likelihood: 2, impact: 2 }\n',
    );
    const r = await run(['analyze', rag, '--rules', rules, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kb-needs-owner@kb');
  });
});

describe('mercator rules', () => {
  it('coverage is 100% (json) and exits 0', async () => {
    const r = await run(['rules', 'coverage', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { complete: boolean; summary: { missing: number; percent: number; owaspCovered: number; owasp: number } };
    expect(report.complete).toBe(true);
    expect(report.summary.missing).toBe(0);
    expect(report.summary.percent).toBe(100);
    expect(report.summary.owaspCovered).toBe(report.summary.owasp);
  });
  it('check validates a custom pack folder', async () => {
    const dir = path.join(tmp, 'check');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'x.yaml'), 'id: x\nname: x\nversion: 1\nrules: []\n');
    expect((await run(['rules', 'check', dir])).code).toBe(0);
    await fs.writeFile(path.join(dir, 'y.yaml'), 'id: y\nname: y\nversion: 1\nrules:\n  - { id: r, title: t, category: c, type: flow, match: {}, controls: [{ control: nope }], likelihood: 2, impact: 2 }\n');
    const r = await run(['rules', 'check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('y.yaml: rule "r": controls[0].control: "nope" is not a control Mercator knows');
    expect((await run(['rules', 'check', path.join(tmp, 'nowhere')])).code).toBe(2);
    expect((await run(['rules', 'frobnicate'])).code).toBe(2);
  });
});
