// Handlers of the catalog calls (core/api/calls/catalog.ts), over the host's catalog session.
import { ApiFailure } from '../../api/result';
import type { Handlers } from '../dispatch';
import type { HostContext } from '../context';
import { searchCatalog } from './search';
import { catalogMatrix, catalogStats, getCatalogEntry, listCatalog } from './queries';
import type { CatalogSession } from './session';

type CatalogHandlers = Pick<Handlers, Extract<keyof Handlers, `catalog:${string}`>>;

export function createCatalogHandlers(ctx: HostContext): CatalogHandlers {
  const session = (): CatalogSession => {
    if (!ctx.catalog) throw new ApiFailure('E_NO_CATALOG', 'This host has no catalog configured.');
    return ctx.catalog;
  };
  const diff = (plan: { version: string; added: string[]; changed: string[]; removed: string[] }) => ({
    version: plan.version,
    added: plan.added,
    changed: plan.changed,
    removed: plan.removed,
  });
  return {
    async 'catalog:stats'() {
      return catalogStats(session().db());
    },
    async 'catalog:search'({ query, limit, types }) {
      return { hits: searchCatalog(session().db(), query, { ...(limit ? { limit } : {}), ...(types ? { types } : {}) }) };
    },
    async 'catalog:get'({ id }) {
      const entry = getCatalogEntry(session().db(), id);
      if (!entry) throw new ApiFailure('E_NOT_FOUND', `The catalog has no entry "${id}".`);
      return { entry };
    },
    async 'catalog:matrix'() {
      return catalogMatrix(session().db());
    },
    async 'catalog:list'({ type, list }) {
      return { entries: listCatalog(session().db(), type, list) };
    },
    async 'catalog:importPreview'({ text }) {
      return diff(session().previewImport(text));
    },
    async 'catalog:import'({ text }) {
      return diff(session().importRelease(text));
    },
  };
}
