// `mercator diff` as a real process: formats, exit codes, --baseline (intact and tampered), and the
// git textconv driver in a real git repository in a temporary folder.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelBytes } from '../../core/model/load';
import { serializeModel } from '../../core/model/canonical';
import { signOff } from '../../core/review/baseline';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'mercator.mjs');
const pairs = path.join(root, 'test/fixtures/diff');

function exec(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, maxBuffer: 20e6 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
const run = (args: string[], cwd = root) => exec(process.execPath, [bin, ...args], cwd);
const pair = (name: string) => [path.join(pairs, name, 'old.mercator.json'), path.join(pairs, name, 'new.mercator.json')];

let tmp: string;
let signed: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mercator-diff-'));
  // A model signed off at its old state, then edited: a new agent and its findings.
  const [oldFile, newFile] = pair('findings-new-resolved');
  const load = async (f: string) => {
    const r = loadModelBytes(await fs.readFile(f!));
    if (!r.ok) throw new Error('fixture');
    return r.model;
  };
  const before = signOff(await load(oldFile!), { findings: [] }, { signedBy: ['Dana Reyes'], status: 'approved', at: '2026-12-01T10:00:00Z' });
  const after = { ...(await load(newFile!)), baselines: before.baselines };
  signed = path.join(tmp, 'signed.mercator.json');
  await fs.writeFile(signed, serializeModel(after));
});

describe('mercator diff', () => {
  it('prints the changes as text, JSON and Markdown (exit 0)', async () => {
    const text = await run(['diff', ...pair('closed-by-control').slice(0, 1), pair('findings-new-resolved')[1]!]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('+ new       high     Agent acts through powerful tools without human approval');
    const json = await run(['diff', ...pair('architecture'), '--format', 'json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { elements: Array<{ id: string; change: string }> };
    expect(parsed.elements).toContainEqual(expect.objectContaining({ id: 'guard', change: 'added' }));
    const md = await run(['diff', ...pair('layout-only'), '--format', 'markdown']);
    expect(md.stdout).toContain('### Layout only (no change to the threat model)');
    expect(md.stdout).not.toContain('### Architecture');
  });

  it('exits 1 when new open findings reach --fail-on-new, 0 below it or without new findings', async () => {
    const grew = pair('findings-new-resolved');
    const high = await run(['diff', ...grew, '--fail-on-new', 'high']);
    expect(high.code).toBe(1);
    expect(high.stderr).toContain('3 new open finding(s) at or above high');
    expect((await run(['diff', ...grew, '--fail-on-new', 'critical'])).code).toBe(0);
    expect((await run(['diff', ...pair('severity'), '--fail-on-new', 'low'])).code).toBe(0);
  });

  it('exits 2 on usage errors and unreadable or invalid files', async () => {
    expect((await run(['diff', pair('severity')[0]!])).code).toBe(2);
    expect((await run(['diff', ...pair('severity'), '--format', 'yaml'])).code).toBe(2);
    expect((await run(['diff', ...pair('severity'), '--fail-on-new', 'huge'])).code).toBe(2);
    const missing = await run(['diff', pair('severity')[0]!, path.join(tmp, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json \(ENOENT\)/);
    const bad = path.join(tmp, 'bad.mercator.json');
    await fs.writeFile(bad, '{"schemaVersion": 6, "meta": {}}');
    const invalid = await run(['diff', bad, pair('severity')[1]!]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('/meta/title');
    expect((await run(['diff', '--baseline', pair('severity')[1]!])).stderr).toContain('has no signed-off baseline yet');
  });

  it('--baseline compares with the latest sign-off; a tampered baseline fails with exit 1', async () => {
    const ok = await run(['diff', '--baseline', signed, '--fail-on-new', 'high']);
    expect(ok.stdout).toContain('Changes from baseline review-1 (signed 2026-12-01T10:00:00Z)');
    expect(ok.stdout).toContain('+ added component agent "Refund agent"');
    expect(ok.code).toBe(1);
    const doc = JSON.parse(await fs.readFile(signed, 'utf8')) as { baselines: Array<{ snapshot: { meta: { title: string } } }> };
    doc.baselines[0]!.snapshot.meta.title = 'Quietly renamed';
    const tamperedFile = path.join(tmp, 'tampered.mercator.json');
    await fs.writeFile(tamperedFile, JSON.stringify(doc));
    const tampered = await run(['diff', '--baseline', tamperedFile]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/baseline "review-1" is TAMPERED: its snapshot does not match its hash/);
    const validate = await run(['validate', tamperedFile]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('/baselines/0');
    expect((await run(['validate', signed])).code).toBe(0);
  });
});

describe('git diff driver (textconv)', () => {
  it('makes git diff on a model file read as the semantic change', async () => {
    const repo = path.join(tmp, 'repo');
    await fs.mkdir(repo);
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmp, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
    const git = (...args: string[]) => exec('git', args, repo, env);
    expect((await git('init', '-q')).code).toBe(0);
    // The setup docs/cli.md describes: an attribute and a textconv command.
    await fs.writeFile(path.join(repo, '.gitattributes'), '*.mercator.json diff=mercator\n');
    await git('config', 'diff.mercator.textconv', `"${process.execPath}" "${bin}" diff --textconv`);
    const [oldFile, newFile] = pair('findings-new-resolved');
    const model = path.join(repo, 'chatbot.mercator.json');
    await fs.copyFile(oldFile!, model);
    await git('add', '.');
    expect((await git('commit', '-qm', 'first')).code).toBe(0);
    await fs.copyFile(newFile!, model);
    const diff = await git('diff', '--', 'chatbot.mercator.json');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('+component agent: agent "Refund agent"');
    expect(diff.stdout).toContain('+component agent: fact toolCapabilities = write, send');
    expect(diff.stdout).toContain('-component crawler: data-pipeline "Article ingestion job"');
    expect(diff.stdout).toMatch(/\+finding excessive-agency@agent: high open/);
    expect(diff.stdout).not.toContain('"schemaVersion"');
    // Committed history reads the same way.
    await git('commit', '-qam', 'second');
    const log = await git('log', '-p', '-1', '--', 'chatbot.mercator.json');
    expect(log.stdout).toContain('+component agent: agent "Refund agent"');
    // A broken file still diffs (its raw text), and textconv never fails git.
    await fs.writeFile(model, '<<<<<<< HEAD\n{}\n');
    const broken = await git('diff', '--', 'chatbot.mercator.json');
    expect(broken.code).toBe(0);
    expect(broken.stdout).toContain('+(not a valid Mercator model');
  });
});
