// Builds everything that runs: the CLI bundle, Electron main + preload, and the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFonts } from './fonts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const external = ['better-sqlite3', 'pdfkit', 'fontkit', 'electron', 'playwright-core', 'fsevents'];
const started = Date.now();

if (!only || only === 'node') {
  rmSync(path.join(root, 'dist', 'cli'), { recursive: true, force: true });
  await esbuild({
    entryPoints: { mercator: path.join(root, 'cli', 'main.ts'), 'catalog-worker': path.join(root, 'core', 'host', 'catalog', 'worker-entry.ts') },
    outdir: path.join(root, 'dist', 'cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    external,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  await esbuild({
    entryPoints: {
      main: path.join(root, 'electron', 'main.ts'),
      preload: path.join(root, 'electron', 'preload.ts'),
    },
    outdir: path.join(root, 'dist', 'electron'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    external,
    logLevel: 'warning',
  });
}
if (!only || only === 'renderer') {
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  copyFonts(root, path.join(root, 'dist', 'renderer', 'fonts'));
}
console.log(`built ${only ?? 'everything'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
