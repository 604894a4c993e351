// `npm run catalog:build [-- FILE]`: compiles the built-in catalog (data/catalog + data/migrations)
// into one SQLite file (default dist/catalog.sqlite) and prints the counts and the time it took.
// Runs the bundled CLI (`mercator catalog build`), building it first when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli', 'mercator.mjs');
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'catalog.sqlite'));

if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const result = spawnSync(process.execPath, [cli, 'catalog', 'build', '--out', out], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
