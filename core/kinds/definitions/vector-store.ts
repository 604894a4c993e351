import { defineKind } from '../define';

export const vectorStoreKind = defineKind({
  id: 'vector-store',
  version: 1,
  label: 'Vector store',
  group: 'data',
  icon: '🧭',
  iconName: 'vector',
  layer: 'ai-application',
  description: 'An embedding index queried for retrieval-augmented generation.',
  facts: ['dataClassification', 'multiTenant', 'thirdPartyHosted', 'dataOrigin', 'internetFacing'],
  controls: ['authentication', 'retrievalAccessControl', 'tenantIsolation', 'encryptionAtRest', 'dataValidation', 'loggingMonitoring', 'authorization', 'dataProvenance'],
});
