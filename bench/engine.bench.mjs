// Threat engine budgets (DESIGN.md §9): analyze 1,000 components / 3,000 flows ≤ 50 ms median;
// 10× the model ≤ 10× the time.
import path from 'node:path';
import { loadBundle, median, time } from '../scripts/bench-helpers.mjs';

export const title = 'Threat engine';

export async function setup({ root }) {
  const engine = await loadBundle('bench/engine-entry.ts');
  const loaded = await engine.loadRulePacks({ builtinDir: path.join(root, 'data', 'rules'), catalogDir: path.join(root, 'data', 'catalog') });
  if (loaded.errors.length > 0) throw new Error(loaded.errors.join('\n'));
  return { engine, packs: loaded.packs, options: { techniqueTactics: loaded.techniqueTactics } };
}

function measure(components, flows, runs) {
  return async ({ engine, packs, options }) => {
    const model = engine.generateModel(components, flows);
    let findings = 0;
    for (let i = 0; i < 3; i++) engine.analyze(model, packs, options); // warm up
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await time(() => (findings = engine.analyze(model, packs, options).findings.length)));
    const rules = packs.reduce((n, p) => n + p.rules.length, 0);
    return { value: median(times), unit: 'ms', detail: `median of ${runs}; ${rules} rules, ${findings} findings` };
  };
}

export const measurements = [
  { name: 'analyze 1,000 components / 3,000 flows', budget: { value: 50, unit: 'ms' }, run: measure(1000, 3000, 21) },
  { name: 'analyze 10,000 components / 30,000 flows', budget: { value: 500, unit: 'ms' }, run: measure(10000, 30000, 7) },
];
