import { defineKind } from '../define';

export const devEnvironmentKind = defineKind({
  id: 'dev-environment',
  version: 1,
  label: 'Dev environment',
  group: 'build',
  icon: '💻',
  iconName: 'notebook',
  layer: 'ai-platform',
  description: 'Notebooks and workstations where data scientists explore data and train models.',
  facts: ['holdsModelArtifacts', 'modelFormat', 'storesCredentials', 'dataClassification', 'usesPublicImages', 'internetFacing', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode'],
  controls: ['authentication', 'authorization', 'secretsManagement', 'dependencyScanning', 'encryptionAtRest', 'loggingMonitoring', 'sandboxing', 'safeModelSerialization', 'modelSigning', 'dependencyPinning'],
});
