import { defineKind } from '../define';

export const knowledgeBaseKind = defineKind({
  id: 'knowledge-base',
  version: 1,
  label: 'Knowledge base',
  group: 'data',
  icon: '📚',
  iconName: 'book',
  layer: 'ai-application',
  description: 'Documents, wiki pages or tickets that retrieval draws from.',
  facts: ['dataOrigin', 'dataClassification', 'multiTenant'],
  controls: ['authorization', 'retrievalAccessControl', 'dataValidation', 'dataProvenance', 'piiRedaction', 'encryptionAtRest', 'tenantIsolation'],
  factDefaults: { dataOrigin: ['internal'] },
});
