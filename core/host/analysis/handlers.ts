// Handlers of the analysis calls (core/api/calls/analysis.ts).
import path from 'node:path';
import type { Handlers } from '../dispatch';
import type { HostContext } from '../context';
import { loadRulePacks } from './rule-packs';

type AnalysisHandlers = Pick<Handlers, Extract<keyof Handlers, `rules:${string}` | `analysis:${string}`>>;

export function builtinRulesDir(ctx: HostContext): string {
  return ctx.rulesDir ?? path.join(path.dirname(ctx.examplesDir), 'data', 'rules');
}

export function createAnalysisHandlers(ctx: HostContext): AnalysisHandlers {
  return {
    async 'rules:list'() {
      const builtinDir = builtinRulesDir(ctx);
      const loaded = await loadRulePacks({
        builtinDir,
        catalogDir: path.join(builtinDir, '..', 'catalog'),
        ...(ctx.policy.root !== null ? { userDir: path.join(ctx.policy.root, 'rules'), userLabel: 'rules' } : {}),
      });
      return { packs: loaded.packs, errors: loaded.errors, techniqueTactics: loaded.techniqueTactics };
    },
  };
}
