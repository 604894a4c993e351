// Handlers of the analysis calls (core/api/calls/analysis.ts).
import type { Handlers } from './dispatch';
import type { HostContext } from './handlers';

type AnalysisHandlers = Pick<Handlers, Extract<keyof Handlers, `rules:${string}` | `analysis:${string}`>>;

export function createAnalysisHandlers(_ctx: HostContext): AnalysisHandlers {
  return {} as AnalysisHandlers;
}
