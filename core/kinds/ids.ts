// Stable identifiers persisted in model files (DESIGN.md §4). Renaming one is a model-file migration.

export const COMPONENT_KIND_GROUPS = {
  actors: ['user', 'operator', 'external-service'],
  data: ['data-source', 'data-store', 'feature-store', 'labeling', 'knowledge-base', 'vector-store', 'object-storage', 'message-queue', 'cache'],
  build: ['data-pipeline', 'training', 'evaluation', 'model-registry', 'model-hub', 'dev-environment', 'compute-cluster'],
  serve: [
    'inference-api', 'llm', 'application', 'agent', 'tool', 'memory', 'guardrail', 'client', 'edge-device',
    'api-gateway', 'waf-cdn',
  ],
  operate: ['monitoring', 'ci-cd', 'secrets-store', 'identity-provider'],
  generic: ['process', 'store', 'external-entity'],
} as const;

export type PaletteGroup = keyof typeof COMPONENT_KIND_GROUPS;
export type ComponentKindId = (typeof COMPONENT_KIND_GROUPS)[PaletteGroup][number];

export const COMPONENT_KIND_IDS: readonly ComponentKindId[] = Object.values(COMPONENT_KIND_GROUPS).flat();

export const ZONE_KIND_IDS = ['internet', 'corporate', 'cloud', 'third-party', 'device', 'restricted'] as const;
export type ZoneKindId = (typeof ZONE_KIND_IDS)[number];

export function isComponentKindId(value: string): value is ComponentKindId {
  return (COMPONENT_KIND_IDS as readonly string[]).includes(value);
}

export function isZoneKindId(value: string): value is ZoneKindId {
  return (ZONE_KIND_IDS as readonly string[]).includes(value);
}
