// The handlers behind the API contract, shared by the Electron main process and browser mode: one
// group per domain (catalog, analysis, reports, files), joined here.
import type { Handlers } from './dispatch';
import type { HostContext } from './context';
import { createCatalogHandlers } from './catalog/handlers';
import { createWorkerCatalogHandlers } from './catalog/worker-client';
import { createAnalysisHandlers } from './analysis/handlers';
import { createReportHandlers } from './report/handlers';
import { createFileHandlers } from './files/handlers';
import { createRoomHandlers } from './room/handlers';

export type { HostContext } from './context';

export function createHandlers(ctx: HostContext): Handlers {
  return {
    ...(ctx.catalogWorker ? createWorkerCatalogHandlers(ctx.catalogWorker) : createCatalogHandlers(ctx)),
    ...createAnalysisHandlers(ctx),
    ...createReportHandlers(ctx),
    ...createFileHandlers(ctx),
    ...createRoomHandlers(ctx),
    async 'app:info'() {
      return {
        name: ctx.name,
        version: ctx.version,
        mode: ctx.mode,
        workspace: ctx.policy.root,
        catalogVersion: ctx.catalogVersion?.() ?? ctx.catalogWorker?.version() ?? ctx.catalog?.version() ?? null,
      };
    },
  };
}
