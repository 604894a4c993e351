// The migration mechanism, with synthetic steps; then each released step of MIGRATIONS on a real file
// of its `from` version (test/fixtures/migrations/format-N.mercator.json).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, migrateModel, type JsonObject, type MigrationStep } from './migrate';
import { CURRENT_SCHEMA_VERSION, ModelSchema } from './schema';
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
    expect(loaded.model.meta).toEqual({ ...(v1().meta as JsonObject), description: loaded.model.meta.description });
    expect(loaded.model.decisions['llm-jailbreak@llm']).toMatchObject({ status: 'accepted', owner: 'Security team', due: '2027-01-31' });
    const text = serializeModel(loaded.model);
    expect(text.startsWith(`{\n  "schemaVersion": ${CURRENT_SCHEMA_VERSION},\n`)).toBe(true);
    // Only the version line changes: the rest of the file is already canonical.
    expect(text).toBe(fixtureText(1).replace('"schemaVersion": 1,', `"schemaVersion": ${CURRENT_SCHEMA_VERSION},`));
  });

  it('accepts meta.version from format 2 on, and refuses an empty one', () => {
    const doc = { ...v1(), schemaVersion: 2, meta: { ...(v1().meta as JsonObject), version: '2026-Q4 review' } };
    const loaded = loadModelText(JSON.stringify(doc));
    expect(loaded.ok && loaded.model.meta.version).toBe('2026-Q4 review');
    expect(loaded.ok && loaded.migratedFrom).toBeUndefined();
    const empty = loadModelText(JSON.stringify({ ...doc, meta: { ...doc.meta, version: '' } }));
    expect(!empty.ok && empty.errors[0]).toMatchObject({ code: 'E_SCHEMA', pointer: '/meta/version' });
  });
});
