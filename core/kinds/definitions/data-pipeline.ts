import { defineKind } from '../define';

export const dataPipelineKind = defineKind({
  id: 'data-pipeline',
  version: 1,
  label: 'Data pipeline',
  group: 'build',
  icon: '🔀',
  iconName: 'pipeline',
  layer: 'ai-platform',
  description: 'Jobs that collect, clean, chunk, embed or transform data.',
  facts: ['dataClassification', 'usesPublicImages', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'storesCredentials'],
  controls: ['dataValidation', 'dataProvenance', 'piiRedaction', 'dependencyScanning', 'loggingMonitoring', 'dependencyPinning', 'secretsManagement', 'authorization', 'sandboxing'],
});
