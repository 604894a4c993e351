// docs/model.schema.json is generated from ModelSchema; this fails when the two drift apart.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION, ModelSchema } from './schema';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('docs/model.schema.json', () => {
  it('equals what scripts/gen-schema.mjs generates from ModelSchema', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-schema.mjs'), '--stdout'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const committed = readFileSync(path.join(ROOT, 'docs', 'model.schema.json'), 'utf8');
    expect(committed, 'docs/model.schema.json is out of date: run "node scripts/gen-schema.mjs"').toBe(run.stdout);
  });

  it('describes the current format: version, required parts, no unknown keys', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'model.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.schemaVersion.const).toBe(CURRENT_SCHEMA_VERSION);
    expect(schema.required).toEqual(['schemaVersion', 'meta']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(ModelSchema.shape));
    expect(schema.properties.meta.required).toEqual(['title']);
    expect(schema.properties.meta.properties.version).toEqual({ type: 'string', minLength: 1, maxLength: 64 });
    expect(schema.properties.components.items.required).toEqual(['id', 'kind', 'label']);
    expect(schema.properties.decisions.additionalProperties.properties.status.enum).toEqual(['open', 'mitigated', 'accepted', 'transferred', 'not-applicable']);
  });
});
