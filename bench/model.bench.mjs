// Model-file budget (DESIGN.md §9): load + validate a 5 MB model file ≤ 200 ms. Measures what opening
// a file does after the read: UTF-8 decode, size and nesting guards, JSON parse, schema validation,
// integrity checks and migration; plus reading the file and writing it back canonically.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadBundle, median, time } from '../scripts/bench-helpers.mjs';

export const title = 'Model files';

/** The editor's generated model, with a description on every component as real models have. */
function generate(m, components) {
  const input = m.generateEditorModel(components);
  for (const c of input.components) c.description = `${c.label}: part of the generated benchmark model, described in a sentence of ordinary length so the file has realistic size.`;
  return m.ModelSchema.parse(input);
}

/** A generated model whose canonical file is at least `bytes` long, written to disk. */
function writeModel(m, dir, bytes) {
  let components = 1000;
  for (;;) {
    const model = generate(m, components);
    const text = m.serializeModel(model);
    if (text.length >= bytes) {
      const file = path.join(dir, `model-${components}.mercator.json`);
      writeFileSync(file, text);
      return { file, model, components, size: text.length, flows: model.flows.length };
    }
    components = Math.ceil((components * bytes) / text.length) + 10;
  }
}

export async function setup() {
  const m = await loadBundle('bench/model-entry.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-bench-model-'));
  return { m, five: writeModel(m, dir, 5_000_000), fifty: writeModel(m, dir, 50_000_000) };
}

const mb = (n) => `${(n / 1_000_000).toFixed(1)} MB`;

function load(key, runs) {
  return async (context) => {
    const { m } = context;
    const target = context[key];
    const bytes = readFileSync(target.file);
    for (let i = 0; i < 2; i++) m.loadModelBytes(bytes);
    const times = [];
    for (let i = 0; i < runs; i++) {
      times.push(
        await time(() => {
          const result = m.loadModelBytes(bytes);
          if (!result.ok) throw new Error(`the generated model did not load: ${JSON.stringify(result.errors.slice(0, 3))}`);
        }),
      );
    }
    return { value: median(times), unit: 'ms', detail: `median of ${runs}; ${mb(target.size)}, ${target.components.toLocaleString('en')} components, ${target.flows.toLocaleString('en')} flows` };
  };
}

export const measurements = [
  { name: 'load + validate a 5 MB model file', budget: { value: 200, unit: 'ms' }, run: load('five', 11) },
  {
    name: 'read from disk + load + validate, 5 MB',
    async run({ m, five }) {
      const times = [];
      for (let i = 0; i < 7; i++) times.push(await time(async () => m.loadModelBytes(await readFile(five.file))));
      return { value: median(times), unit: 'ms', detail: `median of 7; what opening the file costs before the canvas` };
    },
  },
  { name: 'load + validate a 50 MB model file', run: load('fifty', 3) },
  {
    name: 'canonical serialization, 5 MB',
    async run({ m, five }) {
      const times = [];
      for (let i = 0; i < 7; i++) times.push(await time(() => m.serializeModel(five.model)));
      return { value: median(times), unit: 'ms', detail: 'median of 7; what a save writes (stable key and array order)' };
    },
  },
];
