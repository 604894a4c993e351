// Golden files for diffModels over pairs of real model files (test/fixtures/diff/<case>/old|new),
// analysed by the real engine and rule packs. Each case covers one class of change; the expected
// text and JSON sit next to the pair. MERCATOR_UPDATE_GOLDEN=1 rewrites them (then read the diff).
import path from 'node:path';
import { promises as fs, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/engine/analyze';
import type { AnalysisResult } from '../../core/engine/types';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { loadModelBytes } from '../../core/model/load';
import type { Model } from '../../core/model/schema';
import { diffModels, isEmptyDiff } from '../../core/diff/diff';
import { diffToMarkdown, diffToText } from '../../core/diff/format';
import type { DiffAnalysis } from '../../core/diff/types';

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'test/fixtures/diff');
const packs = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const update = process.env.MERCATOR_UPDATE_GOLDEN === '1';

async function load(file: string): Promise<Model> {
  const loaded = loadModelBytes(await fs.readFile(file));
  if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.errors)}`);
  return loaded.model;
}
const run = (m: Model): AnalysisResult => analyze(m, packs.packs, { techniqueTactics: packs.techniqueTactics });

/** Per-case adjustments of the analyses that the files alone cannot express. */
const ANALYSIS: Record<string, (before: DiffAnalysis, after: DiffAnalysis) => [DiffAnalysis, DiffAnalysis]> = {
  // A catalog and rule-pack update between the two analyses.
  'unchanged-versions': (before, after) => [
    { ...before, versions: { catalog: '5.5.0', rulePacks: { 'mercator-llm': '1', 'mercator-basics': '2', 'mercator-old': '1' } } },
    { ...after, versions: { catalog: '5.6.0', rulePacks: { 'mercator-llm': '2', 'mercator-basics': '2', 'mercator-agents': '1' } } },
  ],
};

const cases = readdirSync(dir).filter((name) => !name.includes('.'));
/** Variants reuse a pair of files: with other analyses, or the other way round. */
const VARIANT_PAIR: Record<string, string> = { 'unchanged-versions': 'unchanged', 'reopened-by-control': 'closed-by-control' };
const casesWithVariants = [...cases, ...Object.keys(VARIANT_PAIR)];

describe('diffModels golden files', () => {
  it.each(casesWithVariants)('%s', async (name) => {
    const pairDir = path.join(dir, VARIANT_PAIR[name] ?? name);
    const reversed = name === 'reopened-by-control';
    const before = await load(path.join(pairDir, reversed ? 'new.mercator.json' : 'old.mercator.json'));
    const after = await load(path.join(pairDir, reversed ? 'old.mercator.json' : 'new.mercator.json'));
    let a: DiffAnalysis = run(before);
    let b: DiffAnalysis = run(after);
    if (ANALYSIS[name]) [a, b] = ANALYSIS[name](a, b);
    const diff = diffModels(before, after, a, b);
    const text = diffToText(diff) + '\n';
    const json = JSON.stringify(diff, null, 2) + '\n';
    const markdown = diffToMarkdown(diff) + '\n';
    const golden = path.join(dir, `${name}.expected`);
    if (update) {
      await fs.writeFile(`${golden}.txt`, text);
      await fs.writeFile(`${golden}.json`, json);
      await fs.writeFile(`${golden}.md`, markdown);
    }
    expect(text).toBe(await fs.readFile(`${golden}.txt`, 'utf8'));
    expect(json).toBe(await fs.readFile(`${golden}.json`, 'utf8'));
    expect(markdown).toBe(await fs.readFile(`${golden}.md`, 'utf8'));
    expect(isEmptyDiff(diff)).toBe(name === 'unchanged');
  });

  it('covers every change class across the cases', async () => {
    const seen = new Set<string>();
    for (const name of casesWithVariants) {
      const diff = JSON.parse(await fs.readFile(path.join(dir, `${name}.expected.json`), 'utf8')) as ReturnType<typeof diffModels>;
      if (diff.meta.length) seen.add('meta');
      for (const e of diff.elements) seen.add(`${e.type} ${e.change}`);
      for (const e of diff.elements) for (const f of e.fields) seen.add(f.field.split('.')[0]!);
      for (const l of diff.layout) seen.add(`layout ${l.what}`);
      for (const [k, v] of Object.entries(diff.findings)) if (v.length) seen.add(`finding ${k}`);
      for (const d of diff.decisions.changed) seen.add(`decision ${d.change}`);
      if (diff.decisions.stale.length) seen.add('decision stale');
      for (const v of diff.versions) seen.add(`version ${v.what}`);
      if (diff.comments.added && diff.comments.resolved && diff.comments.replies) seen.add('comments');
    }
    for (const klass of [
      'meta', 'component added', 'component removed', 'component changed', 'flow removed', 'flow changed', 'zone added', 'label', 'facts', 'controls',
      'layout moved', 'layout resized', 'layout rerouted', 'finding new', 'finding resolved', 'finding closed', 'finding reopened', 'finding severityChanged',
      'decision added', 'decision removed', 'decision changed', 'decision stale', 'version catalog', 'version rule pack', 'comments',
    ]) {
      expect(seen, klass).toContain(klass);
    }
  });
});
