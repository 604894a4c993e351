import { defineKind } from '../define';

export const trainingKind = defineKind({
  id: 'training',
  version: 1,
  label: 'Training',
  noun: 'training job',
  group: 'build',
  icon: '🏋️',
  iconName: 'training',
  layer: 'ai-platform',
  description: 'Training or fine-tuning of a model on a dataset.',
  facts: ['learnsFromFeedback', 'dataClassification', 'modelFormat', 'usesPublicImages', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'storesCredentials'],
  controls: ['dataValidation', 'dataProvenance', 'encryptionAtRest', 'adversarialTraining', 'versioning', 'modelSigning', 'safeModelSerialization', 'piiRedaction', 'dependencyScanning', 'humanApproval', 'dependencyPinning', 'secretsManagement', 'authorization', 'loggingMonitoring', 'sandboxing'],
});
