// `mercator import` with the new formats and `mercator report --format otm|threat-dragon|jira|
// azure-devops|github`, run as real processes (the built CLI, dist/cli/mercator.mjs).
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

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

let dir: string;
beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-interchange-cli-'));
});

describe.runIf(existsSync(FIXTURES))('mercator import: the new formats', () => {
  it('detects each format by content, says what it detected, and writes a valid model', () => {
    const cases = [
      ['otm/otm-example.json', 'Open Threat Model (OTM)', 'otm', '4 component(s), 2 flow(s), 2 zone(s), 2 threat(s)'],
      ['otm/startleft-otm-0.1.0.yaml.otm', 'Open Threat Model (OTM)', 'otm', '22 component(s), 22 flow(s), 2 zone(s), 0 threat(s)'],
      ['threat-composer/ThreatComposer.tc.json', 'AWS Threat Composer', 'threat-composer', '7 component(s), 0 flow(s), 0 zone(s), 20 threat(s)'],
      ['tmbom/cryptocurrency-wallet-threat-model.json', 'TM-BOM', 'tmbom', '14 component(s), 11 flow(s), 3 zone(s), 6 threat(s)'],
      ['mstmt/MTMT_MVP.tm7', 'Microsoft Threat Modeling Tool', 'tm7', '4 component(s), 6 flow(s), 2 zone(s), 43 threat(s)'],
      ['threat-dragon/v2-threat-model.json', 'OWASP Threat Dragon', 'threat-dragon', '7 component(s), 10 flow(s), 4 zone(s), 14 threat(s)'],
    ] as const;
    for (const [file, name, id, counts] of cases) {
      const out = `${path.basename(file)}.mercator.json`;
      for (const from of id === 'otm' ? [[], ['--from', 'auto']] : [[]]) {
        const run = mercator(['import', path.join(FIXTURES, file), '-o', out, ...from], dir);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stderr).toContain(`detected: ${name}`);
        expect(run.stderr).toContain(`(--from ${id})`);
        expect(run.stderr).toMatch(/kind: ".+" \(.+\) → [a-z-]+, confidence \d\.\d\d/);
        expect(run.stdout).toContain(`${counts} from ${id}`);
      }
      const loaded = loadModelText(readFileSync(path.join(dir, out), 'utf8'));
      expect(loaded.ok, file).toBe(true);
    }
    // Asking for the format does not print what was detected.
    const asked = mercator(['import', path.join(FIXTURES, 'mstmt/MTMT_MVP.tm7'), '-o', 'asked.mercator.json', '--from', 'tm7'], dir);
    expect(asked.status).toBe(0);
    expect(asked.stderr).not.toContain('detected:');
  });

  it('fails with the specific error: a TMT template, a list of OTM documents, a hostile .tm7, the wrong --from', () => {
    const tb7 = mercator(['import', path.join(FIXTURES, 'mstmt/default.tb7'), '-o', 'x.mercator.json'], dir);
    expect(tb7.status).toBe(1);
    expect(tb7.stderr).toMatch(/E_IMPORT_FORMAT .*Threat Modeling Tool template/);
    const list = mercator(['import', path.join(FIXTURES, 'otm/threatcl-readme-export.otm.json'), '-o', 'x.mercator.json'], dir);
    expect(list.status).toBe(1);
    expect(list.stderr).toContain('list of 2 OTM documents');
    // A small hand-written .tm7 with an external entity (no hostile .tm7 exists among the fixtures).
    writeFileSync(path.join(dir, 'xxe.tm7'), '<!DOCTYPE ThreatModel [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<ThreatModel><Notes>&e;</Notes></ThreatModel>');
    const xxe = mercator(['import', 'xxe.tm7', '-o', 'x.mercator.json'], dir);
    expect(xxe.status).toBe(1);
    expect(xxe.stderr).toMatch(/xxe\.tm7:1:1: E_XML_DTD/);
    expect(xxe.stderr).not.toContain('root:');
    const wrong = mercator(['import', path.join(FIXTURES, 'mstmt/MTMT_MVP.tm7'), '-o', 'x.mercator.json', '--from', 'otm'], dir);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('the file is XML');
    expect(mercator(['import', path.join(FIXTURES, 'mstmt/MTMT_MVP.tm7'), '-o', 'x.mercator.json', '--from', 'visio'], dir).status).toBe(2);
    expect(existsSync(path.join(dir, 'x.mercator.json'))).toBe(false);
  });
});

describe('mercator report: interchange and tracker formats', () => {
  it('writes OTM and Threat Dragon models that import back with the same elements', () => {
    const model = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    for (const [out, format] of [['rag.otm.json', 'otm'], ['rag.threat-dragon.json', 'threat-dragon']] as const) {
      const run = mercator(['report', EXAMPLE, '-o', out], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`${out}: ${format} report`);
      const back = mercator(['import', out, '-o', `${out}.mercator.json`], dir);
      expect(back.status, back.stderr).toBe(0);
      expect(back.stdout).toContain(`${model.components.length} component(s), ${model.flows.length} flow(s), ${model.zones.length} zone(s)`);
    }
    const otm = JSON.parse(readFileSync(path.join(dir, 'rag.otm.json'), 'utf8'));
    expect(otm.otmVersion).toBe('0.2.0');
    expect(otm.components.map((c: { id: string }) => c.id).sort()).toEqual(model.components.map((c: { id: string }) => c.id).sort());
  });

  it('writes tracker CSVs for Jira, Azure DevOps and GitHub: one issue per finding, the finding key as external id, stable across exports', () => {
    const json = mercator(['report', EXAMPLE, '-o', 'rag.findings.json'], dir);
    expect(json.status).toBe(0);
    const findings = JSON.parse(readFileSync(path.join(dir, 'rag.findings.json'), 'utf8')).findings as Array<{ key: string; severity?: string }>;
    expect(findings.length).toBeGreaterThan(5);
    const headers = { jira: ['Issue Type', 'Summary', 'Description', 'Priority', 'Labels', 'External ID'], 'azure-devops': ['Work Item Type', 'Title', 'Description', 'Priority', 'Severity', 'Tags', 'External ID'], github: ['title', 'body', 'labels', 'external_id'] };
    for (const [format, header] of Object.entries(headers)) {
      const out = `rag.${format}.csv`;
      const run = mercator(['report', EXAMPLE, '-o', out], dir);
      expect(run.status, run.stderr).toBe(0);
      const rows = parseCsv(readFileSync(path.join(dir, out), 'utf8'));
      expect(rows[0]).toEqual(header);
      const body = rows.slice(1);
      expect(body).toHaveLength(findings.length);
      const ext = body.map((r) => r[header.length - 1]!);
      expect(new Set(ext).size).toBe(findings.length);
      expect([...ext].sort()).toEqual(findings.map((f) => f.key).sort());
      const labels = body.map((r) => r[header.indexOf(format === 'jira' ? 'Labels' : format === 'github' ? 'labels' : 'Tags')]!);
      expect(labels.some((l) => /AML\.T\d{4}/.test(l))).toBe(true);
      expect(labels.some((l) => /LLM\d\d/.test(l))).toBe(true);
      const description = body[0]![header.indexOf(format === 'github' ? 'body' : 'Description')]!;
      expect(description).toMatch(/Why:\n- /);
      expect(description).toMatch(/key .+$/m);
    }
    // A second export gives the same ids in the same order: trackers update instead of duplicating.
    mercator(['report', EXAMPLE, '-o', 'again.jira.csv'], dir);
    const first = parseCsv(readFileSync(path.join(dir, 'rag.jira.csv'), 'utf8')).slice(1).map((r) => r[5]);
    expect(parseCsv(readFileSync(path.join(dir, 'again.jira.csv'), 'utf8')).slice(1).map((r) => r[5])).toEqual(first);
    const jira = parseCsv(readFileSync(path.join(dir, 'rag.jira.csv'), 'utf8'));
    for (const p of jira.slice(1).map((r) => r[3]!)) expect(['Highest', 'High', 'Medium', 'Low', 'Lowest']).toContain(p);
    const ado = parseCsv(readFileSync(path.join(dir, 'rag.azure-devops.csv'), 'utf8')).slice(1);
    const priorityOf: Record<string, string> = { critical: '1', high: '1', medium: '2', low: '3', info: '4' };
    for (const r of ado) expect(r[3]).toBe(priorityOf[r[4]!]);
  });

  it.runIf(existsSync(FIXTURES))('puts the threats an imported file recorded into the tracker CSV, keyed threat:<id>, with their decisions', () => {
    expect(mercator(['import', path.join(FIXTURES, 'threat-composer/ThreatComposer.tc.json'), '-o', 'tc.mercator.json'], dir).status).toBe(0);
    const run = mercator(['report', 'tc.mercator.json', '-o', 'tc.github.csv', '--columns', 'external-id,title,status,labels'], dir);
    expect(run.status, run.stderr).toBe(0);
    const rows = parseCsv(readFileSync(path.join(dir, 'tc.github.csv'), 'utf8')).slice(1);
    const imported = rows.filter((r) => r[0]!.startsWith('threat:'));
    // ThreatComposer.tc.json: 20 threats, all threatResolved (→ mitigated).
    expect(imported).toHaveLength(20);
    expect(new Set(imported.map((r) => r[2]))).toEqual(new Set(['mitigated']));
  });

  it('takes chosen columns with --columns and refuses unknown ones', () => {
    const run = mercator(['report', EXAMPLE, '-o', 'cols.csv', '--format', 'jira', '--columns', 'external-id,title,priority,score'], dir);
    expect(run.status, run.stderr).toBe(0);
    const rows = parseCsv(readFileSync(path.join(dir, 'cols.csv'), 'utf8'));
    expect(rows[0]).toEqual(['External ID', 'Summary', 'Priority', 'Risk Score']);
    expect(rows.slice(1).every((r) => r.length === 4 && Number(r[3]) >= 1)).toBe(true);
    const bad = mercator(['report', EXAMPLE, '-o', 'cols.csv', '--format', 'github', '--columns', 'title,colour'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('"colour" is not a tracker column');
    expect(mercator(['report', EXAMPLE, '-o', 'r.md', '--columns', 'title'], dir).status).toBe(2);
  });
});

describe('report:export and import:convert through the API', () => {
  it('exports a tracker CSV with chosen columns and converts a .tm7, saying how many threats it had', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'mercator-interchange-api-'));
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
    const csv = await dispatch(handlers, 'report:export', { model, format: 'github', columns: ['external-id', 'title'] }, { checkOutput: true });
    expect(csv.ok, JSON.stringify(csv)).toBe(true);
    if (csv.ok) {
      const v = csv.value as { fileName: string; data: string; mimeType: string };
      expect(v.fileName).toMatch(/\.github\.csv$/);
      expect(v.mimeType).toBe('text/csv');
      expect(v.data.split('\r\n')[0]).toBe('external_id,title');
    }
    const badColumn = await dispatch(handlers, 'report:export', { model, format: 'jira', columns: ['colour'] }, { checkOutput: true });
    expect(!badColumn.ok && badColumn.error.code).toBe('E_INVALID_INPUT');
    if (!existsSync(FIXTURES)) return;
    const converted = await dispatch(handlers, 'import:convert', { text: readFileSync(path.join(FIXTURES, 'mstmt/MTMT_MVP.tm7'), 'utf8'), fileName: 'MTMT_MVP.tm7' }, { checkOutput: true });
    expect(converted.ok, JSON.stringify(!converted.ok && converted.error)).toBe(true);
    if (converted.ok) expect(converted.value).toMatchObject({ format: 'tm7', threats: 43 });
    const bomb = await dispatch(handlers, 'import:convert', { text: '<!DOCTYPE x [<!ENTITY a "b">]><ThreatModel/>', fileName: 'b.tm7' }, { checkOutput: true });
    expect(!bomb.ok && bomb.error.code).toBe('E_XML_DTD');
    expect(!bomb.ok && bomb.error.message).toContain('"b.tm7" could not be imported');
  });
});
