import { defineKind } from '../define';

export const computeClusterKind = defineKind({
  id: 'compute-cluster',
  version: 1,
  label: 'Compute cluster',
  group: 'build',
  icon: '🖥️',
  iconName: 'server',
  layer: 'ai-platform',
  description: 'GPU or CPU infrastructure that trains or serves models.',
  facts: ['multiTenant', 'usesPublicImages', 'thirdPartyHosted', 'holdsModelArtifacts', 'billedPerUse', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'storesCredentials', 'internetFacing'],
  controls: ['authentication', 'authorization', 'sandboxing', 'loggingMonitoring', 'dependencyScanning', 'rateLimiting', 'dependencyPinning', 'secretsManagement'],
});
