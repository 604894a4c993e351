// Helpers for bench modules (bench/*.bench.mjs): timing, medians, and bundling TypeScript entries.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Milliseconds taken by fn (awaited). */
export async function time(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Bundles a TypeScript entry (e.g. bench/catalog-entry.ts, which re-exports the code under test)
 * with the same esbuild settings as the CLI bundle, into dist/bench/, and imports it.
 */
export async function loadBundle(entry) {
  const { build } = await import('esbuild');
  const outfile = path.join(root, 'dist', 'bench', `${path.basename(entry).replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [path.resolve(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'pdfkit', 'electron', 'playwright-core', 'fsevents'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
