// Runs the engine for a report: the built-in rule packs (plus the user's, when given) on one model.
// A rule pack with problems stops the report: a report that silently misses rules would mislead.
import path from 'node:path';
import { analyze } from '../../engine/analyze';
import type { AnalysisResult } from '../../engine/types';
import type { Model } from '../../model/schema';
import { loadRulePacks } from '../analysis/rule-packs';

export class RulePackError extends Error {
  constructor(readonly problems: string[]) {
    super(`the rule packs have problems: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
}

export async function analyzeForReport(model: Model, options: { dataDir: string; rulesDir?: string }): Promise<AnalysisResult> {
  const loaded = await loadRulePacks({
    builtinDir: path.join(options.dataDir, 'rules'),
    catalogDir: path.join(options.dataDir, 'catalog'),
    ...(options.rulesDir ? { userDir: options.rulesDir } : {}),
  });
  if (loaded.errors.length > 0) throw new RulePackError(loaded.errors);
  return analyze(model, loaded.packs, { techniqueTactics: loaded.techniqueTactics });
}
