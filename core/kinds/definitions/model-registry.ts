import { defineKind } from '../define';

export const modelRegistryKind = defineKind({
  id: 'model-registry',
  version: 1,
  label: 'Model registry',
  group: 'build',
  icon: '📦',
  iconName: 'package',
  layer: 'ai-platform',
  description: 'Where trained models and their versions are stored and promoted.',
  facts: ['holdsModelArtifacts', 'modelFormat', 'thirdPartyHosted', 'internetFacing'],
  controls: ['authentication', 'authorization', 'encryptionAtRest', 'modelSigning', 'versioning', 'loggingMonitoring', 'safeModelSerialization', 'dependencyScanning'],
  factDefaults: { holdsModelArtifacts: true },
});
