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

/** The user-authored threats an imported model holds. */
const threatsIn = (model: { threats: Array<{ id: string }> }) => model.threats;

type Expected =
  | { format: string; components: number; flows: number; zones: number; nested?: number; threats: number; title?: string }
  | { error: string; pointer: string; message: RegExp };

// Every file of the fixtures folder (README and licence files aside) and what importing it gives.
const EXPECTED: Record<string, Expected> = {
  'cyclonedx/dataset.bom.json': { format: 'cyclonedx', components: 1, flows: 0, zones: 0, threats: 0 },
  'cyclonedx/model-card-with-dataset.bom.json': { format: 'cyclonedx', components: 4, flows: 3, zones: 0, threats: 0, title: 'support-triage-service' },
  'threat-dragon/malformed-new-model.json': { error: 'E_IMPORT_INVALID', pointer: '/summary', message: /summarize/ },
  'threat-dragon/v2-malformed-new-model.json': { error: 'E_IMPORT_INVALID', pointer: '/detail', message: /details/ },
  'threat-dragon/threat-dragon-v1.schema.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /not a model Mercator can import/ },
  'threat-dragon/threat-dragon-v2.schema.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /not a model Mercator can import/ },
  // 3 boundary curves split the demo into 4 zones (Browser; the web app, worker and their configs; the queue; the database).
  'threat-dragon/v2-threat-model.json': { format: 'threat-dragon', components: 7, flows: 10, zones: 4, threats: 14, title: 'Demo Threat Model' },
  // v1 has 4 boundary lines (one more between the web application and the worker): 6 zones.
  'threat-dragon/v1-demo-threat-model.json': { format: 'threat-dragon', components: 7, flows: 10, zones: 6, threats: 14, title: 'Demo Threat Model' },
  'threat-dragon/v2-new-model.json': { format: 'threat-dragon', components: 0, flows: 0, zones: 0, threats: 0, title: 'New Blank Model' },
  // OTM: the spec example links its one threat to a component and a flow (2 threats on elements).
  'otm/otm-example.json': { format: 'otm', components: 4, flows: 2, zones: 2, threats: 2, title: 'Test project' },
  // The YAML twin has a multi-line quoted code snippet whose last line is indented less than YAML allows.
  'otm/otm-example.yaml': { error: 'E_YAML_SYNTAX', pointer: '', message: /closing 'quote/ },
  'otm/otm_schema.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /JSON Schema \("Open Threat Model Specification"\)/ },
  'otm/startleft-cloudformation.otm': { format: 'otm', components: 22, flows: 22, zones: 2, threats: 0 },
  'otm/startleft-mtmt-mvp.otm': { format: 'otm', components: 4, flows: 6, zones: 2, threats: 43 },
  'otm/startleft-otm-0.1.0.yaml.otm': { format: 'otm', components: 22, flows: 22, zones: 2, threats: 0 },
  'otm/startleft-otm-without-version.otm': { error: 'E_IMPORT_INVALID', pointer: '/otmVersion', message: /needs "otmVersion"/ },
  'otm/startleft-terraform-elb.otm': { format: 'otm', components: 5, flows: 0, zones: 1, threats: 0 },
  'otm/startleft-tfplan-official.otm': { format: 'otm', components: 8, flows: 8, zones: 1, threats: 0 },
  'otm/startleft-visio-aws-with-tz-and-vpc.otm': { format: 'otm', components: 5, flows: 4, zones: 2, threats: 0 },
  'otm/threat-dragon-example-open-threat-model.json': { format: 'otm', components: 4, flows: 2, zones: 2, threats: 2 },
  'otm/threatcl-readme-export.otm.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /list of 2 OTM documents \("Tower of London", "Fort Knox"\)/ },
  // Threat Composer has no diagram: components are the assets the threats impact.
  'threat-composer/ThreatComposer.tc.json': { format: 'threat-composer', components: 7, flows: 0, zones: 0, threats: 20, title: 'Threat composer' },
  'threat-composer/ThreatModelingForBuilders-Exercise1.tc.json': { format: 'threat-composer', components: 0, flows: 0, zones: 0, threats: 0, title: 'Vehicle registration feature' },
  'threat-composer/ThreatModelingForBuilders-Exercise3.tc.json': { format: 'threat-composer', components: 4, flows: 0, zones: 0, threats: 10 },
  'threat-composer/ThreatModelingForBuilders-Exercise4.tc.json': { format: 'threat-composer', components: 4, flows: 0, zones: 0, threats: 10 },
  'threat-composer/threat-composer-v1.schema.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /JSON Schema/ },
  // TM-BOM (Library): actors + components + data stores; one threat per affected element.
  'tmbom/cryptocurrency-wallet-threat-model.json': { format: 'tmbom', components: 14, flows: 11, zones: 3, threats: 6 },
  'tmbom/ephemeral-browser-isolation-threat-model.json': { format: 'tmbom', components: 15, flows: 16, zones: 5, threats: 22 },
  // Vault's 8 threats name no affected element, so none can be placed (each is reported).
  'tmbom/hashicorp-vault-threat-model.json': { format: 'tmbom', components: 18, flows: 24, zones: 4, threats: 0, title: 'HashiCorp Vault' },
  'tmbom/threat-model.schema.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /JSON Schema \("OWASP Threat Model Library Schema"\)/ },
  'tmbom/threat-dragon-threat-model.schema.json': { error: 'E_IMPORT_FORMAT', pointer: '', message: /not a model Mercator can import/ },
  'tmbom/tmbom-pytm-example.cdx.json': { format: 'tmbom', components: 4, flows: 5, zones: 2, threats: 0, title: 'my test tm' },
  'tmbom/tmbom-otm-example.cdx.json': { format: 'tmbom', components: 3, flows: 2, zones: 2, threats: 0 },
  'tmbom/tmbom-multi-example.cdx.json': { format: 'tmbom', components: 7, flows: 7, zones: 4, threats: 0 },
  // Microsoft Threat Modeling Tool.
  'mstmt/MTMT_MVP.tm7': { format: 'tm7', components: 4, flows: 6, zones: 2, threats: 43 },
  'mstmt/MTMT_nested_tz.tm7': { format: 'tm7', components: 4, flows: 3, zones: 3, nested: 1, threats: 16 },
  'mstmt/SDL_all_components.tm7': { format: 'tm7', components: 24, flows: 0, zones: 2, threats: 0 },
  'mstmt/lineboundaries_inheritance.tm7': { format: 'tm7', components: 12, flows: 0, zones: 10, threats: 0 },
  'mstmt/model_with_figures_without_name.tm7': { format: 'tm7', components: 4, flows: 3, zones: 3, nested: 2, threats: 11 },
  'mstmt/default.tb7': { error: 'E_IMPORT_FORMAT', pointer: '', message: /template \(\.tb7/ },
};

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
    expect(files.length).toBeGreaterThan(40);
    const covered = Object.keys(EXPECTED).filter((f) => !f.includes('LICENSES/'));
    expect(files.filter((f) => !f.includes('/LICENSES/') && !f.endsWith('/README.md'))).toEqual([...covered].sort());
    expect(files.filter((f) => f.includes('/LICENSES/') || f.endsWith('/README.md')).every((f) => /\/(LICENSES\/.*|README\.md)$/.test(f))).toBe(true);
  });

  it('imports every model fixture with its counts, or refuses it with its specific error', () => {
    for (const [file, want] of Object.entries(EXPECTED)) {
      const started = performance.now();
      const result = importModel(read(file));
      const ms = performance.now() - started;
      expect(ms, `${file} took ${ms.toFixed(0)} ms`).toBeLessThan(2000);
      if ('error' in want) {
        expect(result.ok, file).toBe(false);
        if (!result.ok) {
          expect(result.errors[0], file).toMatchObject({ code: want.error, pointer: want.pointer });
          expect(result.errors[0]!.message, file).toMatch(want.message);
        }
        continue;
      }
      const r = imported(file);
      expect(r.format, file).toBe(want.format);
      const got = { components: r.model.components.length, flows: r.model.flows.length, zones: r.model.zones.length, nested: r.model.zones.filter((z) => z.parent).length, threats: threatsIn(r.model).length };
      expect(got, file).toEqual({ components: want.components, flows: want.flows, zones: want.zones, nested: want.nested ?? 0, threats: want.threats });
      expect(r.threats, file).toHaveLength(want.threats);
      if (want.title) expect(r.model.meta.title, file).toBe(want.title);
      expect(r.guesses, file).toHaveLength(want.components);
    }
  });

  it('imports the Threat Dragon v2 demo: elements, flows, zones from the boundary curves, threats as structured items, kind guesses', () => {
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
    expect(r.guesses).toHaveLength(7);
    for (const g of r.guesses) expect(g.confidence).toBeGreaterThan(0);
    const webRequest = r.model.flows.find((f) => f.label === 'Web Request')!;
    expect(r.model.components.find((c) => c.id === webRequest.source)!.label).toBe('Browser');
    expect(r.model.flows.find((f) => f.label === 'Web Response')!.controls).toEqual({ encryptionInTransit: 'present' });
    // The 3 trust-boundary curves split the diagram by side: Browser alone (internet), the queue alone,
    // the database alone (inside the U-shaped curve), and the web application, worker and configs together.
    const zoneOf = (label: string) => r.model.zones.find((z) => z.id === byLabel.get(label)!.zone)!;
    expect(r.model.zones).toHaveLength(4);
    expect(zoneOf('Browser').kind).toBe('internet');
    expect(new Set(['Web Application', 'Background Worker Process', 'Web Application Config', 'Worker Config'].map((l) => zoneOf(l).id)).size).toBe(1);
    expect(new Set(['Browser', 'Message Queue', 'Database', 'Web Application'].map((l) => zoneOf(l).id)).size).toBe(4);
    expect(r.notes.some((n) => /^3 trust-boundary line\(s\) split the diagram into 4 region/.test(n.message))).toBe(true);
    expect(r.notes.some((n) => n.level === 'warning' && /beyond the ends/.test(n.message) && n.pointer.startsWith('/detail/diagrams/0/cells/'))).toBe(true);
    expect(r.model.flows.some((f) => f.facts.crossesTrustBoundary === true)).toBe(true);
    // The README's counts: 14 threats (10 Open, 4 Mitigated; 8 High), none left in descriptions.
    expect(r.threats).toHaveLength(14);
    expect(r.threats.filter((t) => t.status === 'Open')).toHaveLength(10);
    expect(r.threats.filter((t) => t.status === 'Mitigated')).toHaveLength(4);
    expect(r.threats.filter((t) => t.severity === 'High')).toHaveLength(8);
    expect(r.threats.every((t) => t.tool === 'threat-dragon' && t.title && t.type && /\/data\/threats\/\d+$/.test(t.pointer))).toBe(true);
    const db = r.threats.find((t) => t.subject.id === byLabel.get('Database')!.id && t.status === 'Mitigated')!;
    expect(db).toMatchObject({ subject: { type: 'component' }, status: 'Mitigated' });
    expect(db.mitigation).toBeTruthy();
    expect([...r.model.components, ...r.model.flows].some((x) => /Threats recorded|\[Mitigated/.test(x.description ?? ''))).toBe(false);
    expect(threatsIn(r.model).map((t) => t.id)).toContain(db.id);
    expect(r.model.decisions[`threat:${db.id}`]!.status).toBe('mitigated');
    expect(r.model.meta.description).toContain('A Demo Threat Model');
    // Every element and zone keeps a position from the diagram.
    expect(Object.keys(r.model.layout.boxes)).toHaveLength(7 + 4);
  });

  it('imports the Threat Dragon v1 demo the same way', () => {
    const r = imported('threat-dragon/v1-demo-threat-model.json');
    expect(r.notes[0]!.message).toContain('version 1');
    expect(r.model.components.map((c) => c.label).sort()).toEqual(
      ['Background Worker Process', 'Browser', 'Database', 'Message Queue', 'Web Application', 'Web Application Config', 'Worker Config'].sort(),
    );
    expect(r.model.flows).toHaveLength(10);
    expect(r.threats).toHaveLength(14);
    expect(r.threats.filter((t) => t.status === 'Mitigated')).toHaveLength(4);
    expect(r.threats.every((t) => /\/diagramJson\/cells\/\d+\/threats\/\d+$/.test(t.pointer))).toBe(true);
    // v1 has 4 tm.Boundary lines (v2 has 3 curves): every element is in a zone, Browser on its own.
    expect(r.notes.some((n) => /^4 trust-boundary line/.test(n.message))).toBe(true);
    expect(r.model.components.every((c) => c.zone)).toBe(true);
    const browser = r.model.components.find((c) => c.label === 'Browser')!;
    expect(r.model.components.filter((c) => c.zone === browser.zone)).toHaveLength(1);
    expect(Object.fromEntries(r.model.components.map((c) => [c.label, c.kind]))).toMatchObject({ Browser: 'client', Database: 'data-store', 'Web Application': 'application' });
  });

  it('makes nested zones from nested Threat Dragon boundary boxes and keeps each threat on its element', () => {
    const cell = (id: string, shape: string, name: string, x: number, y: number, w: number, h: number, extra: object = {}) => ({
      id,
      shape,
      position: { x, y },
      size: { width: w, height: h },
      data: { name, type: shape === 'trust-boundary-box' ? 'tm.BoundaryBox' : `tm.${shape[0]!.toUpperCase()}${shape.slice(1)}`, ...extra },
    });
    const doc = {
      version: '2.3.0',
      summary: { title: 'Boxes' },
      detail: {
        diagrams: [
          {
            title: 'd',
            cells: [
              cell('inner', 'trust-boundary-box', 'Inner', 50, 50, 300, 200),
              cell('outer', 'trust-boundary-box', 'Outer', 0, 0, 800, 600),
              cell('p1', 'process', 'Model server', 100, 100, 80, 80, { threats: [{ id: 't1', title: 'Model theft', status: 'Open', severity: 'High', type: 'Information disclosure', description: 'd', mitigation: 'm' }] }),
              cell('s1', 'store', 'Feature db', 500, 400, 80, 60),
              cell('a1', 'actor', 'User', 900, 100, 80, 60),
            ],
          },
        ],
      },
    };
    const r = importModel(JSON.stringify(doc));
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    if (!r.ok) return;
    const zone = (label: string) => r.model.zones.find((z) => z.label === label)!;
    expect(zone('Inner').parent).toBe(zone('Outer').id);
    expect(zone('Outer').parent).toBeUndefined();
    const comp = (label: string) => r.model.components.find((c) => c.label === label)!;
    expect(comp('Model server').zone).toBe(zone('Inner').id);
    expect(comp('Feature db').zone).toBe(zone('Outer').id);
    expect(comp('User').zone).toBeUndefined();
    expect(r.threats).toEqual([
      expect.objectContaining({ title: 'Model theft', status: 'Open', severity: 'High', type: 'Information disclosure', mitigation: 'm', ref: 't1', subject: { type: 'component', id: comp('Model server').id } }),
    ]);
    expect(threatsIn(r.model)).toHaveLength(1);
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
        expect(r.errors[0]!.message).toContain('not a model Mercator can import');
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
