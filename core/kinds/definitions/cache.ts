import { defineKind } from '../define';

export const cacheKind = defineKind({
  id: 'cache',
  version: 1,
  label: 'Cache',
  noun: 'cache',
  group: 'data',
  icon: '⚡',
  iconName: 'cache',
  layer: 'ai-application',
  description: 'A key-value or semantic cache of prompts, responses, embeddings or sessions (Redis, a prompt cache).',
  facts: ['dataClassification', 'multiTenant', 'thirdPartyHosted'],
  controls: ['authentication', 'tenantIsolation', 'piiRedaction', 'encryptionAtRest', 'loggingMonitoring'],
});
