#!/usr/bin/env node
// Entry point of the `mercator` command: runs the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`mercator needs Node.js 22.12 or newer (this is ${process.version}); run it through npx or npm run.\n`);
  process.exit(2);
}
const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'mercator.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('mercator is not built yet: run "npm run build" in the Mercator folder.\n');
  process.exit(2);
}
process.argv[1] = bundle;
await import(pathToFileURL(bundle).href);
