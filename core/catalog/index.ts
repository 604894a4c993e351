// The catalog domain, pure: schemas of the built-in data, the official-release importer, checks, diffs.
export * from './types';
export * from './ids';
export { parseBuiltinCatalog, BUILTIN_FILES } from './builtin';
export { parseAtlasRelease, absolutizeLinks, type ReleaseParseResult } from './release';
export { diffCatalogs, type CatalogDiff } from './diff';
export { validateAtlas, validateOwasp, effectiveTactics } from './validate';
