import { defineKind } from '../define';

export const ciCdKind = defineKind({
  id: 'ci-cd',
  version: 1,
  label: 'CI/CD',
  noun: 'CI/CD pipeline',
  group: 'operate',
  icon: '🚀',
  iconName: 'rocket',
  layer: 'ai-platform',
  description: 'Build and deploy pipelines for code, models and configuration.',
  facts: ['usesPublicImages', 'storesCredentials', 'thirdPartyHosted', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'internetFacing'],
  controls: ['dependencyScanning', 'modelSigning', 'secretsManagement', 'authorization', 'loggingMonitoring', 'dependencyPinning', 'authentication', 'sandboxing'],
});
