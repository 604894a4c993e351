import { defineKind } from '../define';

export const inferenceApiKind = defineKind({
  id: 'inference-api',
  version: 1,
  label: 'Inference API',
  group: 'serve',
  icon: '🔌',
  iconName: 'api',
  layer: 'ai-platform',
  description: 'An endpoint that serves predictions from a model.',
  facts: ['internetFacing', 'returnsConfidenceScores', 'multiTenant', 'consequentialDecisions', 'learnsFromFeedback', 'dataClassification', 'modelFormat', 'physicalInput', 'thirdPartyHosted', 'billedPerUse', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'storesCredentials'],
  controls: ['authentication', 'authorization', 'rateLimiting', 'inputValidation', 'dataValidation', 'loggingMonitoring', 'confidenceMasking', 'adversarialTraining', 'adversarialTesting', 'versioning', 'modelSigning', 'safeModelSerialization', 'encryptionInTransit', 'humanApproval', 'livenessDetection', 'dependencyScanning', 'dependencyPinning', 'secretsManagement'],
});
