// Generates docs/model.schema.json, the JSON Schema of the model file format, from the zod schema
// that the loader uses (core/model/schema.ts), with zod 4's own z.toJSONSchema.
//   node scripts/gen-schema.mjs           write docs/model.schema.json
//   node scripts/gen-schema.mjs --check   exit 1 when the committed file differs from the schema
//   node scripts/gen-schema.mjs --stdout  print it
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'model.schema.json');

const entry = `
import { z } from 'zod';
import { ModelSchema, CURRENT_SCHEMA_VERSION } from './core/model/schema';
export function generate() {
  // "input": the file as written on disk, where fields with defaults may be left out.
  const schema = z.toJSONSchema(ModelSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: schema.$schema,
    $id: 'https://mercator.invalid/schema/model-v' + CURRENT_SCHEMA_VERSION + '.schema.json',
    title: 'Mercator threat model (*.mercator.json), format ' + CURRENT_SCHEMA_VERSION,
    description:
      'Generated from core/model/schema.ts by scripts/gen-schema.mjs; do not edit. The loader also checks what a schema cannot: unique ids, known kinds, flows and zones that exist, no zone cycles, no __proto__/constructor/prototype keys, size and nesting limits (docs/file-format.md).',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
`;

export async function generateModelSchema() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-schema-'));
  try {
    const outfile = path.join(dir, 'gen.mjs');
    await build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'gen-schema-entry.ts' },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
    const { generate } = await import(pathToFileURL(outfile).href);
    return JSON.stringify(generate(), null, 2) + '\n';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = await generateModelSchema();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as different
    }
    if (current !== text) {
      process.stderr.write('docs/model.schema.json is out of date: run "node scripts/gen-schema.mjs"\n');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    process.stdout.write(`wrote ${path.relative(root, target)}\n`);
  }
}
