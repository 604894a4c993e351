// Handlers of the catalog calls (core/api/calls/catalog.ts).
import { ApiFailure } from '../api/result';
import type { Handlers } from './dispatch';
import type { HostContext } from './handlers';

type CatalogHandlers = Pick<Handlers, Extract<keyof Handlers, `catalog:${string}`>>;

const notBuilt = async (): Promise<never> => {
  throw new ApiFailure('E_NO_CATALOG', 'The catalog is not available in this build yet.');
};

export function createCatalogHandlers(_ctx: HostContext): CatalogHandlers {
  return {
    'catalog:stats': notBuilt,
    'catalog:search': notBuilt,
    'catalog:get': notBuilt,
    'catalog:matrix': notBuilt,
    'catalog:list': notBuilt,
    'catalog:importPreview': notBuilt,
    'catalog:import': notBuilt,
  };
}
