import { defineKind } from '../define';

export const objectStorageKind = defineKind({
  id: 'object-storage',
  version: 1,
  label: 'Object storage',
  noun: 'object store',
  group: 'data',
  icon: '🪣',
  iconName: 'bucket',
  layer: 'ai-platform',
  description: 'A bucket or blob store (S3, GCS, Azure Blob) holding datasets, documents, checkpoints or logs.',
  facts: ['dataClassification', 'publicRead', 'holdsModelArtifacts', 'thirdPartyHosted'],
  controls: ['authorization', 'encryptionAtRest', 'versioning', 'modelSigning', 'dataProvenance', 'loggingMonitoring'],
});
