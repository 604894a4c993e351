import { defineKind } from '../define';

export const llmKind = defineKind({
  id: 'llm',
  version: 1,
  label: 'LLM',
  group: 'serve',
  icon: '🧠',
  iconName: 'sparkles',
  layer: 'ai-platform',
  description: 'A large language model, self-hosted or behind a vendor API.',
  facts: ['thirdPartyHosted', 'modelFormat', 'internetFacing', 'systemPromptHasSecrets', 'dataClassification', 'multiTenant', 'billedPerUse', 'unrestrictedEgress'],
  controls: ['authentication', 'rateLimiting', 'contentSafetyFiltering', 'systemPromptHygiene', 'adversarialTesting', 'loggingMonitoring', 'piiRedaction', 'inputValidation', 'outputValidation', 'versioning', 'safeModelSerialization', 'modelSigning', 'dependencyScanning'],
});
