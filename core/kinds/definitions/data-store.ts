import { defineKind } from '../define';

export const dataStoreKind = defineKind({
  id: 'data-store',
  version: 1,
  label: 'Data store',
  group: 'data',
  icon: '🗄️',
  iconName: 'database',
  layer: 'ai-platform',
  description: 'A database, bucket or file share holding datasets, records or logs.',
  facts: ['dataClassification', 'multiTenant', 'thirdPartyHosted', 'holdsModelArtifacts', 'dataOrigin', 'internetFacing'],
  controls: ['authentication', 'authorization', 'encryptionAtRest', 'encryptionInTransit', 'loggingMonitoring', 'versioning', 'tenantIsolation', 'piiRedaction'],
});
