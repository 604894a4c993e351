// The migration mechanism, with synthetic steps (version 1 is the first format, so MIGRATIONS is empty).
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateModel, type MigrationStep } from './migrate';
import { CURRENT_SCHEMA_VERSION } from './schema';

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
