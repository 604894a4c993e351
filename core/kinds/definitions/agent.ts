import { defineKind } from '../define';

export const agentKind = defineKind({
  id: 'agent',
  version: 1,
  label: 'Agent',
  group: 'serve',
  icon: '🤖',
  iconName: 'bot',
  layer: 'ai-application',
  description: 'An LLM-driven agent that plans and calls tools.',
  facts: ['autonomy', 'toolCapabilities', 'internetFacing', 'storesCredentials', 'multiTenant', 'outputUsedAs', 'systemPromptHasSecrets', 'consequentialDecisions', 'dataClassification', 'billedPerUse', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode'],
  controls: ['humanApproval', 'authorization', 'toolPermissions', 'sandboxing', 'inputValidation', 'outputValidation', 'rateLimiting', 'loggingMonitoring', 'systemPromptHygiene', 'secretsManagement', 'memoryValidation', 'contentSafetyFiltering', 'piiRedaction', 'dependencyPinning'],
  factDefaults: { autonomy: 'supervised' },
});
