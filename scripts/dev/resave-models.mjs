// Re-saves model files in the current format (migrating them) with the canonical serializer:
//   node scripts/dev/resave-models.mjs examples/*.mercator.json
import { build } from 'esbuild'; import fs from 'node:fs'; import path from 'node:path'; import os from 'node:os';
const root = process.cwd(); const out = path.join(os.tmpdir(), 'resave-entry.mjs');
await build({ stdin: { contents: "export { loadModelText } from './core/model/load'; export { serializeModel } from './core/model/canonical';", resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
const { loadModelText, serializeModel } = await import(out);
for (const f of process.argv.slice(2)) { const r = loadModelText(fs.readFileSync(f, 'utf8')); if (!r.ok) { console.error(f, JSON.stringify(r.errors.slice(0,3))); process.exitCode = 1; continue; } fs.writeFileSync(f, serializeModel(r.model)); console.log('resaved', f, 'from', r.migratedFrom); }
