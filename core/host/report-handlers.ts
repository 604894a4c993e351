// Handlers of the report and import calls (core/api/calls/report.ts).
import type { Handlers } from './dispatch';
import type { HostContext } from './handlers';

type ReportHandlers = Pick<Handlers, Extract<keyof Handlers, `report:${string}` | `import:${string}`>>;

export function createReportHandlers(_ctx: HostContext): ReportHandlers {
  return {} as ReportHandlers;
}
