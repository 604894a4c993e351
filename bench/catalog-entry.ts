// What the catalog bench measures, bundled by scripts/bench.mjs (loadBundle).
export { buildCatalogFile, openCatalog } from '../core/host/catalog/db';
export { importAtlasRelease } from '../core/host/catalog/import';
export { searchCatalog } from '../core/host/catalog/search';
