// The migration mechanism, with synthetic steps; then each released step of MIGRATIONS on a real file
// of its `from` version (test/fixtures/migrations/format-N.mercator.json).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, migrateModel, type JsonObject, type MigrationStep } from './migrate';
import { CURRENT_SCHEMA_VERSION, ModelSchema, controlState, isControlPresent } from './schema';
import { loadModelText } from './load';
import { serializeModel } from './canonical';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'migrations');
const fixtureText = (version: number) => readFileSync(path.join(FIXTURES, `format-${version}.mercator.json`), 'utf8');

const steps: MigrationStep[] = [
  { from: 1, describe: 'rename name → title', migrate: (d) => ({ ...d, title: d.name, name: undefined, trail: ['1→2'] }) },
  { from: 2, describe: 'add tags', migrate: (d) => ({ ...d, tags: [], trail: [...(d.trail as string[]), '2→3'] }) },
  { from: 3, describe: 'count trail', migrate: (d) => ({ ...d, trail: [...(d.trail as string[]), '3→4'] }) },
];

describe('migrateModel', () => {
  it('applies every step in order up to the target and stamps each version', () => {
    const result = migrateModel({ schemaVersion: 1, name: 'x' }, steps, 4);
    expect(result).toEqual({
      ok: true,
      from: 1,
      document: { schemaVersion: 4, title: 'x', name: undefined, tags: [], trail: ['1→2', '2→3', '3→4'] },
    });
  });

  it('starts from the document’s own version', () => {
    const result = migrateModel({ schemaVersion: 3, trail: [] }, steps, 4);
    expect(result.ok && result.document).toEqual({ schemaVersion: 4, trail: ['3→4'] });
    expect(result.ok && result.from).toBe(3);
  });

  it('does not depend on the order the steps are listed in', () => {
    const shuffled = [steps[2]!, steps[0]!, steps[1]!];
    const result = migrateModel({ schemaVersion: 1, name: 'x' }, shuffled, 4);
    expect(result.ok && result.document.trail).toEqual(['1→2', '2→3', '3→4']);
  });

  it('does not modify the input document', () => {
    const input = { schemaVersion: 1, name: 'x' };
    migrateModel(input, steps, 4);
    expect(input).toEqual({ schemaVersion: 1, name: 'x' });
  });

  it('reports a missing step', () => {
    const result = migrateModel({ schemaVersion: 1 }, [steps[0]!, steps[2]!], 4);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED_VERSION', pointer: '/schemaVersion' } });
    expect(!result.ok && result.error.message).toContain('no migration from format 2');
  });

  it('refuses a newer version than the target', () => {
    const result = migrateModel({ schemaVersion: 5 }, steps, 4);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED_VERSION', pointer: '/schemaVersion' } });
    expect(!result.ok && result.error.message).toContain('newer Mercator');
  });

  it.each([undefined, '1', 0, -1, 1.5, null, Number.NaN])('refuses schemaVersion %s as E_NOT_A_MODEL', (version) => {
    const doc = version === undefined ? {} : { schemaVersion: version };
    expect(migrateModel(doc, steps, 4)).toMatchObject({ ok: false, error: { code: 'E_NOT_A_MODEL', pointer: '/schemaVersion' } });
  });

  it('leaves a current document as it is', () => {
    const doc = { schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 't' } };
    expect(migrateModel(doc)).toEqual({ ok: true, document: doc, from: CURRENT_SCHEMA_VERSION });
  });

  it('has one step for every released version before the current one', () => {
    expect(MIGRATIONS.map((s) => s.from)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });
});

describe('MIGRATIONS, step 1 → 2: meta.version', () => {
  const step = MIGRATIONS.find((s) => s.from === 1)!;
  const v1 = () => JSON.parse(fixtureText(1)) as JsonObject;

  it('is needed: a version-1 file is not a version-2 document as it is', () => {
    expect(ModelSchema.safeParse(v1()).success).toBe(false);
  });

  it('keeps everything a version-1 file says and stamps version 2', () => {
    const { schemaVersion: _old, ...content } = v1();
    const result = migrateModel(v1(), [step], 2);
    expect(result).toEqual({ ok: true, from: 1, document: { ...content, schemaVersion: 2 } });
    expect(result.ok && (result.document.meta as JsonObject).version).toBeUndefined();
    const input = v1();
    step.migrate(input);
    expect(input).toEqual(v1());
  });

  it('loads the version-1 file as a current model that says it was migrated, and saves it as the current format', () => {
    const loaded = loadModelText(fixtureText(1));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.model.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(loaded.model.meta).toMatchObject({ ...(v1().meta as JsonObject), description: loaded.model.meta.description });
    expect(loaded.model.meta.version).toBeUndefined();
    expect(loaded.model.decisions['llm-jailbreak@llm']).toMatchObject({ status: 'accepted', owner: 'Security team', due: '2027-01-31' });
    const text = serializeModel(loaded.model);
    expect(text.startsWith(`{\n  "schemaVersion": ${CURRENT_SCHEMA_VERSION},\n`)).toBe(true);
    // Only the version line and (format 3) the control's recorded state change: the rest of the file is
    // already canonical, and the fields of formats 4–6 are left out while they are empty.
    expect(text).toBe(
      fixtureText(1)
        .replace('"schemaVersion": 1,', `"schemaVersion": ${CURRENT_SCHEMA_VERSION},`)
        .replace('"authentication": true', '"authentication": "present"'),
    );
  });

  it('accepts meta.version from format 2 on, and refuses an empty one', () => {
    const doc = { ...v1(), schemaVersion: 2, meta: { ...(v1().meta as JsonObject), version: '2026-Q4 review' } };
    const loaded = loadModelText(JSON.stringify(doc));
    expect(loaded.ok && loaded.model.meta.version).toBe('2026-Q4 review');
    expect(loaded.ok && loaded.migratedFrom).toBe(2);
    const empty = loadModelText(JSON.stringify({ ...doc, meta: { ...doc.meta, version: '' } }));
    expect(!empty.ok && empty.errors[0]).toMatchObject({ code: 'E_SCHEMA', pointer: '/meta/version' });
  });
});

/** A fixture of format N, migrated by the released steps up to format `to` (default: N + 1). */
const migrateFixture = (from: number, to = from + 1) => {
  const result = migrateModel(JSON.parse(fixtureText(from)) as JsonObject, MIGRATIONS, to);
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
};
const component = (doc: JsonObject, id: string) => (doc.components as JsonObject[]).find((c) => c.id === id)!;
const flow = (doc: JsonObject, id: string) => (doc.flows as JsonObject[]).find((f) => f.id === id)!;

describe('MIGRATIONS, step 2 → 3: tri-state controls', () => {
  it('is needed: boolean controls are not format 3', () => {
    expect(ModelSchema.safeParse({ ...JSON.parse(fixtureText(2)), schemaVersion: CURRENT_SCHEMA_VERSION }).success).toBe(false);
  });

  it('turns true into "present" and false into "absent", on components and flows, and keeps everything else', () => {
    const doc = migrateFixture(2);
    expect(component(doc, 'app').controls).toEqual({ authentication: 'present', rateLimiting: 'absent' });
    expect(component(doc, 'llm').controls).toEqual({ contentSafetyFiltering: 'absent' });
    expect(component(doc, 'user').controls).toEqual({});
    expect(flow(doc, 'f2').controls).toEqual({ encryptionInTransit: 'present', inputValidation: 'absent' });
    const original = JSON.parse(fixtureText(2)) as JsonObject;
    expect(doc.meta).toEqual(original.meta);
    expect(doc.decisions).toEqual(original.decisions);
    expect(doc.layout).toEqual(original.layout);
  });

  it('keeps the analysis meaning: a control that was true is present, one that was false or missing is not', () => {
    const loaded = loadModelText(fixtureText(2));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.migratedFrom).toBe(2);
    const app = loaded.model.components.find((c) => c.id === 'app')!;
    expect(isControlPresent(app.controls, 'authentication')).toBe(true);
    expect(isControlPresent(app.controls, 'rateLimiting')).toBe(false);
    expect(controlState(app.controls, 'rateLimiting')).toBe('absent');
    expect(controlState(app.controls, 'inputValidation')).toBe('not-recorded');
  });
});

describe('MIGRATIONS, steps 3 → 4 and 4 → 5: review record and report sections', () => {
  it('needs no change: a format-3 file is a format-4 draft with no history, comments or baselines', () => {
    const doc = migrateFixture(3);
    const { schemaVersion: _v, ...content } = JSON.parse(fixtureText(3)) as JsonObject;
    expect(doc).toEqual({ ...content, schemaVersion: 4 });
    const loaded = loadModelText(fixtureText(3));
    expect(loaded.ok && loaded.model.meta.reviewStatus).toBe('draft');
    expect(loaded.ok && loaded.model.comments).toEqual([]);
    expect(loaded.ok && loaded.model.decisions['llm-jailbreak@llm']!.history).toEqual([]);
  });

  it('loads a format-4 review record (owner, reviewers, status, history with estimates, comments) as written', () => {
    const loaded = loadModelText(fixtureText(4));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.model.meta).toMatchObject({ owner: 'Ada', reviewers: ['Bo', 'Cy'], reviewStatus: 'in-review' });
    const decision = loaded.model.decisions['llm-jailbreak@llm']!;
    expect(decision.decidedBy).toBe('Bo');
    expect(decision.history[0]!.estimates).toEqual([{ by: 'Bo', likelihood: 3, impact: 3 }, { by: 'Cy', likelihood: 4, impact: 2 }]);
    expect(loaded.model.comments[0]!.messages[0]!.text).toBe('Which region is the vendor in?');
    const doc = migrateFixture(4);
    const { schemaVersion: _v, ...content } = JSON.parse(fixtureText(4)) as JsonObject;
    expect(doc).toEqual({ ...content, schemaVersion: 5 });
  });

  it('loads format-5 report sections and the classification marking', () => {
    const loaded = loadModelText(fixtureText(5));
    expect(loaded.ok && loaded.model.meta).toMatchObject({ scope: 'The chat backend and its LLM.', classification: 'INTERNAL', assumptions: '' });
  });
});

describe('MIGRATIONS, step 5 → 6: one meaning per checkbox on flows', () => {
  it('moves the flow facts authenticated/encrypted into the controls of the same meaning', () => {
    const doc = migrateFixture(5);
    // f1: both facts true → both controls present.
    expect(flow(doc, 'f1').facts).toEqual({ carries: ['prompts'], classification: 'personal' });
    expect(flow(doc, 'f1').controls).toEqual({ authentication: 'present', encryptionInTransit: 'present' });
    // f2: encrypted false but the control was present → it stays present (the control always won).
    expect(flow(doc, 'f2').facts).toEqual({ carries: ['prompts'] });
    expect(flow(doc, 'f2').controls).toEqual({ encryptionInTransit: 'present', inputValidation: 'absent' });
  });

  it('records an explicit false fact with no control as absent', () => {
    const v5 = JSON.parse(fixtureText(5)) as JsonObject;
    (flow(v5, 'f1').facts as JsonObject).authenticated = false;
    const result = migrateModel(v5, MIGRATIONS, 6);
    expect(result.ok && flow(result.document, 'f1').controls).toEqual({ authentication: 'absent', encryptionInTransit: 'present' });
  });

  it('loads every older fixture as a current model with the same analysis meaning', () => {
    for (const version of [1, 2, 3, 4, 5]) {
      const loaded = loadModelText(fixtureText(version));
      if (!loaded.ok) throw new Error(`format ${version}: ${JSON.stringify(loaded.errors)}`);
      expect(loaded.migratedFrom).toBe(version);
      expect(loaded.model.threats).toEqual([]);
      expect(loaded.model.views).toEqual([]);
      for (const f of loaded.model.flows) {
        expect(Object.keys(f.facts)).not.toContain('authenticated');
        expect(Object.keys(f.facts)).not.toContain('encrypted');
      }
    }
  });
});
