// Every external fixture (/work/shared/fixtures/external) either imports into a model that passes
// loadModelValue, or fails with a clear error naming the place. Skipped (with a message) when the
// shared fixtures are absent.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { importModel } from '../../core/interchange/import';
import { loadModelValue } from '../../core/model/load';

const FIXTURES = process.env.MERCATOR_EXTERNAL_FIXTURES ?? '/work/shared/fixtures/external';
const present = existsSync(FIXTURES);
if (!present) console.warn(`import tests skipped: ${FIXTURES} is absent (set MERCATOR_EXTERNAL_FIXTURES)`);

const read = (rel: string) => readFileSync(path.join(FIXTURES, rel), 'utf8');

function imported(rel: string) {
  const result = importModel(read(rel));
  if (!result.ok) throw new Error(`${rel}: ${JSON.stringify(result.errors)}`);
  const check = loadModelValue(JSON.parse(JSON.stringify(result.model)));
  expect(check.ok, JSON.stringify(!check.ok && check.errors)).toBe(true);
  return result;
}

describe.runIf(present)('import of the external fixtures', () => {
  it('covers every file in the fixtures folder', () => {
    // Every file at any depth but the README: a file added upstream (or a new folder) fails here until
    // a test below says what importing it must give.
    const walk = (dir: string): string[] =>
      readdirSync(path.join(FIXTURES, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const files = walk('').filter((f) => f !== 'README.md').sort();
    expect(files).toEqual(
      [
        'cyclonedx/dataset.bom.json',
        'cyclonedx/model-card-with-dataset.bom.json',
        'threat-dragon/malformed-new-model.json',
        'threat-dragon/threat-dragon-v1.schema.json',
        'threat-dragon/threat-dragon-v2.schema.json',
        'threat-dragon/v1-demo-threat-model.json',
        'threat-dragon/v2-malformed-new-model.json',
        'threat-dragon/v2-new-model.json',
        'threat-dragon/v2-threat-model.json',
      ].sort(),
    );
  });

  it('imports the Threat Dragon v2 demo: elements, flows, threats as notes, kind guesses', () => {
    const r = imported('threat-dragon/v2-threat-model.json');
    expect(r.format).toBe('threat-dragon');
    expect(r.model.meta.title).toBe('Demo Threat Model');
    expect(r.model.meta.authors).toEqual(['Mike Goodwin']);
    expect(r.model.components).toHaveLength(7);
    // 10 flows; "Web Request" starts at a loose point next to Browser and is attached to it.
    expect(r.model.flows).toHaveLength(10);
    const byLabel = new Map(r.model.components.map((c) => [c.label, c]));
    expect(byLabel.get('Browser')!.kind).toBe('client');
    expect(byLabel.get('Database')!.kind).toBe('data-store');
    expect(byLabel.get('Web Application')!.kind).toBe('application');
    expect(byLabel.get('Database')!.facts).toMatchObject({ importedFrom: 'threat-dragon', importedType: 'tm.Store', kindGuess: 'data-store' });
    expect(byLabel.get('Database')!.description).toContain('[Mitigated, High] Unauthorised access');
    expect(r.guesses).toHaveLength(7);
    for (const g of r.guesses) expect(g.confidence).toBeGreaterThan(0);
    const webRequest = r.model.flows.find((f) => f.label === 'Web Request')!;
    expect(r.model.components.find((c) => c.id === webRequest.source)!.label).toBe('Browser');
    expect(r.model.flows.find((f) => f.label === 'Web Response')!.controls).toEqual({ encryptionInTransit: 'present' });
    // The README's counts: 3 trust-boundary curves (lines, not zones), 14 threats (10 Open, 4 Mitigated).
    expect(r.notes.find((n) => /trust-boundary line/.test(n.message))!.message).toMatch(/^3 trust-boundary line/);
    expect(r.model.zones).toHaveLength(0);
    expect(r.model.flows.some((f) => f.facts.crossesTrustBoundary === true)).toBe(true);
    const threatLines = [...r.model.components, ...r.model.flows].flatMap((x) => x.description?.match(/^- \[\w+/gm) ?? []);
    expect(threatLines).toHaveLength(14);
    expect(threatLines.filter((t) => t === '- [Open').length).toBe(10);
    expect(threatLines.filter((t) => t === '- [Mitigated').length).toBe(4);
    expect(r.model.meta.description).toContain('A Demo Threat Model');
    expect(Object.keys(r.model.layout.boxes)).toHaveLength(7);
  });

  it('imports the Threat Dragon v1 demo the same way', () => {
    const r = imported('threat-dragon/v1-demo-threat-model.json');
    expect(r.notes[0]!.message).toContain('version 1');
    expect(r.model.components.map((c) => c.label).sort()).toEqual(
      ['Background Worker Process', 'Browser', 'Database', 'Message Queue', 'Web Application', 'Web Application Config', 'Worker Config'].sort(),
    );
    expect(r.model.flows).toHaveLength(10);
    const threats = r.model.components.reduce((n, c) => n + Number(c.facts.importedThreats ?? 0), 0) + r.model.flows.reduce((n, f) => n + (f.description?.match(/^- \[/gm)?.length ?? 0), 0);
    expect(threats).toBe(14);
    // v1 has 4 tm.Boundary lines (v2 has 3 curves): none becomes a zone, each is counted in the note.
    expect(r.notes.find((n) => /trust-boundary line/.test(n.message))!.message).toMatch(/^4 trust-boundary line/);
    expect(r.model.zones).toHaveLength(0);
    expect(Object.fromEntries(r.model.components.map((c) => [c.label, c.kind]))).toMatchObject({ Browser: 'client', Database: 'data-store', 'Web Application': 'application' });
  });

  it('imports the blank v2 model (text block only) into an empty valid model', () => {
    const r = imported('threat-dragon/v2-new-model.json');
    expect(r.model.components).toHaveLength(0);
    expect(r.model.meta.title).toBe('New Blank Model');
    expect(r.model.meta.description).toContain('A new blank model template');
  });

  it('rejects the malformed Threat Dragon files with the place named', () => {
    const v1 = importModel(read('threat-dragon/malformed-new-model.json'));
    expect(v1.ok).toBe(false);
    if (!v1.ok) {
      expect(v1.errors[0]).toMatchObject({ code: 'E_IMPORT_INVALID', pointer: '/summary' });
      expect(v1.errors[0]!.message).toContain('summarize');
    }
    const v2 = importModel(read('threat-dragon/v2-malformed-new-model.json'));
    expect(v2.ok).toBe(false);
    if (!v2.ok) {
      expect(v2.errors[0]).toMatchObject({ code: 'E_IMPORT_INVALID', pointer: '/detail' });
      // The message says what the file has instead ("details"), so the user can see the typo.
      expect(v2.errors[0]!.message).toContain('details');
    }
  });

  it('refuses the JSON schemas (they are not models) with E_IMPORT_FORMAT', () => {
    for (const f of ['threat-dragon/threat-dragon-v1.schema.json', 'threat-dragon/threat-dragon-v2.schema.json']) {
      const r = importModel(read(f));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]).toMatchObject({ code: 'E_IMPORT_FORMAT', pointer: '' });
        expect(r.errors[0]!.message).toContain('neither a Threat Dragon model');
      }
      // Forcing the format does not make a schema a model either: the missing part is named.
      const forced = importModel(read(f), { from: 'threat-dragon' });
      expect(!forced.ok && forced.errors[0]).toMatchObject({ code: 'E_IMPORT_INVALID', pointer: '/summary' });
    }
  });

  it('imports the CycloneDX 1.7 model card: model, datasets, application and their flows', () => {
    const r = imported('cyclonedx/model-card-with-dataset.bom.json');
    expect(r.format).toBe('cyclonedx');
    expect(r.model.meta.title).toBe('support-triage-service');
    expect(r.model.meta.version).toBe('1.0.0');
    const kinds = Object.fromEntries(r.model.components.map((c) => [c.label, c.kind]));
    expect(kinds).toEqual({
      'support-triage-service': 'application',
      'support-ticket-classifier': 'inference-api',
      'support-ticket-training-data': 'data-source',
      'support-ticket-evaluation-data': 'data-source',
    });
    const label = (id: string) => r.model.components.find((c) => c.id === id)!.label;
    const flows = r.model.flows.map((f) => `${label(f.source)} -> ${label(f.target)}`).sort();
    expect(flows).toEqual([
      'support-ticket-evaluation-data -> support-ticket-classifier',
      'support-ticket-training-data -> support-ticket-classifier',
      'support-triage-service -> support-ticket-classifier',
    ]);
    expect(r.model.components.find((c) => c.label === 'support-ticket-classifier')!.facts.modelTask).toBe('text-classification');
    // Datasets cited by the model card are training data flowing into the model.
    for (const f of r.model.flows.filter((x) => label(x.source).endsWith('-data'))) expect(f.facts.carries).toEqual(['training-data']);
    expect(r.notes.some((n) => /laid out automatically/.test(n.message))).toBe(true);
  });

  it('reads the CycloneDX 1.6 dataset BOM despite its trailing commas, and says so with line numbers', () => {
    const text = read('cyclonedx/dataset.bom.json');
    expect(() => JSON.parse(text)).toThrow();
    const r = imported('cyclonedx/dataset.bom.json');
    expect(r.model.components.map((c) => [c.label, c.kind])).toEqual([['wikipedia', 'data-source']]);
    expect(r.model.meta.version).toBeUndefined(); // no metadata.component, so no version
    const commas = r.notes.filter((n) => /trailing comma/.test(n.message)).map((n) => n.message);
    expect(commas).toHaveLength(2);
    expect(commas[0]).toContain('line 8');
    expect(commas[1]).toContain('line 27');
  });

  it('reports other syntax errors with E_JSON_SYNTAX, line and column', () => {
    const r = importModel('{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6"\n  "components": []\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'E_JSON_SYNTAX', line: 4 });
  });

  it('refuses prototype keys and unsupported CycloneDX versions clearly', () => {
    const proto = importModel('{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"__proto__":{},"type":"data","name":"x"}]}');
    expect(proto.ok).toBe(false);
    if (!proto.ok) expect(proto.errors[0]).toMatchObject({ code: 'E_FORBIDDEN_KEY', pointer: '/components/0/__proto__' });
    const bad = importModel('{"bomFormat":"CycloneDX","specVersion":"two"}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ pointer: '/specVersion' });
    const noName = importModel('{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"data"}]}');
    expect(!noName.ok && noName.errors[0]!.pointer).toBe('/components/0/name');
  });

  it('keeps markup in imported labels as plain text and ids valid', () => {
    const doc = { bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'machine-learning-model', 'bom-ref': 'pkg:huggingface/<b>x</b>@1 ?', name: '<script>alert(1)</script> GPT' }] };
    const r = importModel(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.model.components[0]!.label).toBe('<script>alert(1)</script> GPT');
      expect(r.model.components[0]!.kind).toBe('llm');
      expect(r.model.components[0]!.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);
    }
  });
});
