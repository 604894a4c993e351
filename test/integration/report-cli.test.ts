// `mercator report` and `mercator import` as real processes (the built CLI, dist/cli/mercator.mjs),
// and the report:export / import:convert API calls through dispatch with a real workspace.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadModelText } from '../../core/model/load';
import { dispatch } from '../../core/host/dispatch';
import { createHandlers } from '../../core/host/handlers';
import { createWorkspacePolicy } from '../../core/host/files/path-policy';
import { openJournal } from '../../core/host/files/journal';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'mercator.mjs');
const EXAMPLE = path.join(ROOT, 'examples', 'rag-support-chatbot.mercator.json');
const FIXTURES = '/work/shared/fixtures/external';

function mercator(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-report-cli-'));
});

describe('mercator report', () => {
  it('writes every format, inferring it from the extension, with PDF progress on stderr', () => {
    const outs = { 'r.pdf': '%PDF-', 'r.md': '# RAG customer-support chatbot', 'r.html': '<!doctype html>', 'r.csv': 'Ref,Key,Title', 'r.findings.json': '"format": "mercator-findings/1"', 'r.sarif': '"version": "2.1.0"', 'r.layer.json': '"domain": "atlas-atlas"' };
    for (const [name, start] of Object.entries(outs)) {
      const run = mercator(['report', EXAMPLE, '-o', name], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`${name}:`);
      expect(readFileSync(path.join(dir, name), 'latin1')).toContain(start);
      if (name.endsWith('.pdf')) expect(run.stderr).toMatch(/report: 100% done/);
    }
  });

  it('takes --format over the extension and refuses bad usage with exit 2', () => {
    const run = mercator(['report', EXAMPLE, '-o', 'x.txt', '--format', 'md'], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, 'x.txt'), 'utf8')).toContain('## Threat register');
    expect(mercator(['report', EXAMPLE, '-o', 'x.txt'], dir)).toMatchObject({ status: 2 });
    expect(mercator(['report', EXAMPLE, '-o', 'x.pdf', '--format', 'docx'], dir)).toMatchObject({ status: 2 });
    expect(mercator(['report', EXAMPLE], dir)).toMatchObject({ status: 2 });
  });

  it('fails with the model error for an invalid model', () => {
    writeFileSync(path.join(dir, 'bad.mercator.json'), '{"schemaVersion":1,"meta":{"title":""}}');
    const run = mercator(['report', 'bad.mercator.json', '-o', 'bad.pdf'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.mercator.json: E_SCHEMA at /meta/title');
  });

  it('fails naming the file and rule when a user rule pack is broken', () => {
    const rules = path.join(dir, 'rules');
    execFileSync('mkdir', ['-p', rules]);
    writeFileSync(path.join(rules, 'broken.yaml'), 'id: broken\nrules: 5\n');
    const run = mercator(['report', EXAMPLE, '-o', 'y.md', '--rules', rules], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.yaml');
  });
});

describe.runIf(existsSync(FIXTURES))('mercator import', () => {
  it('converts Threat Dragon and CycloneDX files into valid models, guesses on stderr', () => {
    for (const [file, from] of [['threat-dragon/v2-threat-model.json', null], ['threat-dragon/v1-demo-threat-model.json', 'threat-dragon'], ['cyclonedx/dataset.bom.json', null], ['cyclonedx/model-card-with-dataset.bom.json', 'cyclonedx']] as const) {
      const out = path.basename(file).replace(/\.json$/, '.mercator.json');
      const run = mercator(['import', path.join(FIXTURES, file), '-o', out, ...(from ? ['--from', from] : [])], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/kind: ".+" \(.+\) → [a-z-]+, confidence/);
      const loaded = loadModelText(readFileSync(path.join(dir, out), 'utf8'));
      expect(loaded.ok).toBe(true);
      // The imported model is reportable.
      expect(mercator(['report', out, '-o', out + '.md'], dir).status).toBe(0);
    }
  });

  it('fails clearly on malformed files', () => {
    const run = mercator(['import', path.join(FIXTURES, 'threat-dragon/v2-malformed-new-model.json'), '-o', 'm.mercator.json'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('E_IMPORT_INVALID at /detail');
    const schema = mercator(['import', path.join(FIXTURES, 'threat-dragon/threat-dragon-v2.schema.json'), '-o', 's.mercator.json'], dir);
    expect(schema.status).toBe(1);
    expect(schema.stderr).toMatch(/E_IMPORT_(FORMAT|INVALID)/);
    expect(mercator(['import', path.join(FIXTURES, 'cyclonedx/dataset.bom.json'), '-o', 'd.mercator.json', '--from', 'spdx'], dir).status).toBe(2);
  });
});

describe('report:export and import:convert through the API', () => {
  it('exports every format and converts an import', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'mercator-report-api-'));
    const handlers = createHandlers({
      mode: 'browser',
      name: 'Mercator',
      version: '0.0.0-test',
      policy: await createWorkspacePolicy(workspace),
      journal: await openJournal(path.join(workspace, '.journal')),
      examplesDir: path.join(ROOT, 'examples'),
      openExternal: async () => false,
    });
    const model = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    const pdf = await dispatch(handlers, 'report:export', { model, format: 'pdf' }, { checkOutput: true });
    expect(pdf.ok, JSON.stringify(pdf)).toBe(true);
    if (pdf.ok) {
      const v = pdf.value as { encoding: string; data: string; fileName: string; mimeType: string };
      expect(v).toMatchObject({ encoding: 'base64', fileName: 'RAG-customer-support-chatbot.pdf', mimeType: 'application/pdf' });
      expect(Buffer.from(v.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
    const sarif = await dispatch(handlers, 'report:export', { model, format: 'sarif' }, { checkOutput: true });
    expect(sarif.ok && (sarif.value as { encoding: string }).encoding).toBe('text');
    const bad = await dispatch(handlers, 'report:export', { model, format: 'docx' }, { checkOutput: true });
    expect(!bad.ok && bad.error.code).toBe('E_INVALID_INPUT');
    const converted = await dispatch(handlers, 'import:convert', { text: '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"machine-learning-model","name":"llama chat"}]}', fileName: 'b.json' }, { checkOutput: true });
    expect(converted.ok, JSON.stringify(converted)).toBe(true);
    const broken = await dispatch(handlers, 'import:convert', { text: '{"bomFormat":', fileName: 'b.json' }, { checkOutput: true });
    expect(!broken.ok && broken.error.code).toBe('E_JSON_SYNTAX');
    expect(!broken.ok && broken.error.message).toContain('"b.json" could not be imported');
  });
});
