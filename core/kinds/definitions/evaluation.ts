import { defineKind } from '../define';

export const evaluationKind = defineKind({
  id: 'evaluation',
  version: 1,
  label: 'Evaluation',
  noun: 'evaluation step',
  group: 'build',
  icon: '📏',
  iconName: 'gauge',
  layer: 'ai-platform',
  description: 'Tests that gate a model before release: benchmarks, red teaming, bias checks.',
  facts: ['dataClassification', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'storesCredentials'],
  controls: ['adversarialTesting', 'versioning', 'dataProvenance', 'secretsManagement', 'authorization', 'loggingMonitoring', 'sandboxing'],
});
