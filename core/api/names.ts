// The names of every API call, with no dependencies, so the sandboxed preload can expose exactly
// these. contract.test.ts checks that this list equals the contract's keys.
export const API_CALL_NAMES = [
  'app:info',
  'model:validate',
  'model:open',
  'model:save',
  'model:list',
  'journal:write',
  'journal:list',
  'journal:read',
  'journal:discard',
  'example:list',
  'example:open',
  'shell:openExternal',
  // catalog (calls/catalog.ts)
  'catalog:stats',
  'catalog:search',
  'catalog:get',
  'catalog:matrix',
  'catalog:list',
  'catalog:importPreview',
  'catalog:import',
  // analysis (calls/analysis.ts)
  'rules:list',
  // report and import (calls/report.ts)
  'report:export',
  'import:convert',
  // workshop room, facilitator side (calls/room.ts)
  'room:interfaces',
  'room:start',
  'room:status',
  'room:share',
  'room:focus',
  'room:reveal',
  'room:end',
  'minutes:export',
] as const;

export type ApiCallName = (typeof API_CALL_NAMES)[number];

export function isApiCallName(value: unknown): value is ApiCallName {
  return typeof value === 'string' && (API_CALL_NAMES as readonly string[]).includes(value);
}
