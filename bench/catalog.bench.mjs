// Catalog benchmarks: full-text search latency (budget ≤ 2 ms median per query, DESIGN.md §9),
// building the catalog from data/, opening it, and importing the official ATLAS release.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBundle, median, time } from '../scripts/bench-helpers.mjs';

export const title = 'Catalog';

const QUERIES = [
  'indirect prompt injection', 'poison training data', 'model extraction', 'T0051', 'AML.T0051.001', 'LLM01', 'ML05',
  'jailbreak', 'model theft', 'membership inference', 'RAG', 'deepfake', 'exfiltration', 'supply chain', 'adversarial examples',
  'guardrails', 'denial of service', 'system prompt', 'agent tool', 'backdoor',
];

export async function setup({ root }) {
  const catalog = await loadBundle('bench/catalog-entry.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mercator-bench-catalog-'));
  const dataDir = path.join(root, 'data');
  const dbPath = path.join(dir, 'catalog.sqlite');
  catalog.openCatalog({ dataDir, dbPath }).db.close();
  const release = path.resolve(root, '..', 'shared', 'catalog-sources', 'atlas', 'ATLAS.yaml');
  return { catalog, dir, dataDir, dbPath, release: existsSync(release) ? readFileSync(release, 'utf8') : null };
}

export function teardown(ctx) {
  rmSync(ctx.dir, { recursive: true, force: true });
}

export const measurements = [
  {
    name: `search, median per query (${QUERIES.length} queries × 200)`,
    budget: { value: 2, unit: 'ms' },
    async run(ctx) {
      const { db } = ctx.catalog.openCatalog({ dataDir: ctx.dataDir, dbPath: ctx.dbPath });
      try {
        for (const q of QUERIES) ctx.catalog.searchCatalog(db, q, { limit: 20 }); // warm the statement cache
        const samples = [];
        for (let round = 0; round < 200; round++) {
          for (const q of QUERIES) {
            const started = performance.now();
            ctx.catalog.searchCatalog(db, q, { limit: 20 });
            samples.push(performance.now() - started);
          }
        }
        samples.sort((a, b) => a - b);
        const p95 = samples[Math.floor(samples.length * 0.95)];
        return { value: median(samples), unit: 'ms', detail: `p95 ${p95.toFixed(3)} ms, max ${samples.at(-1).toFixed(2)} ms, limit 20` };
      } finally {
        db.close();
      }
    },
  },
  {
    name: 'open the catalog (sound file, no rebuild), median of 20',
    async run(ctx) {
      const samples = [];
      for (let i = 0; i < 20; i++) {
        samples.push(await time(() => ctx.catalog.openCatalog({ dataDir: ctx.dataDir, dbPath: ctx.dbPath }).db.close()));
      }
      return { value: median(samples), unit: 'ms', detail: 'hashes data/ sources + integrity check' };
    },
  },
  {
    name: 'build the catalog from data/, median of 5',
    async run(ctx) {
      const samples = [];
      for (let i = 0; i < 5; i++) samples.push(await time(() => ctx.catalog.buildCatalogFile(ctx.dataDir, path.join(ctx.dir, `build-${i}.sqlite`))));
      return { value: median(samples), unit: 'ms', detail: '16 tactics, 170 techniques, 35 mitigations, 57 case studies, 20 OWASP, FTS5 index' };
    },
  },
  {
    name: 'import the official ATLAS 5.6.0 release, median of 3',
    async run(ctx) {
      if (!ctx.release) return { value: 0, unit: 'ms', detail: 'skipped: ../shared/catalog-sources/atlas/ATLAS.yaml not found' };
      const samples = [];
      for (let i = 0; i < 3; i++) {
        const target = path.join(ctx.dir, `import-${i}.sqlite`);
        ctx.catalog.buildCatalogFile(ctx.dataDir, target);
        samples.push(
          await time(() => {
            const outcome = ctx.catalog.importAtlasRelease(target, ctx.release);
            if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.errors[0])}`);
          }),
        );
      }
      return { value: median(samples), unit: 'ms', detail: 'parse + validate + diff + apply on a copy + rename' };
    },
  },
];
