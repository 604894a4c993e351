import { defineKind } from '../define';

export const featureStoreKind = defineKind({
  id: 'feature-store',
  version: 1,
  label: 'Feature store',
  group: 'data',
  icon: '🧮',
  iconName: 'table',
  layer: 'ai-platform',
  description: 'Computed features served to training and to online inference.',
  facts: ['dataClassification', 'multiTenant', 'dataOrigin', 'internetFacing'],
  controls: ['authentication', 'authorization', 'encryptionAtRest', 'dataValidation', 'dataProvenance', 'versioning', 'loggingMonitoring'],
});
