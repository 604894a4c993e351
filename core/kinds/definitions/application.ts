import { defineKind } from '../define';

export const applicationKind = defineKind({
  id: 'application',
  version: 1,
  label: 'Application',
  group: 'serve',
  icon: '⚙️',
  iconName: 'cog',
  layer: 'ai-application',
  description: 'A backend or orchestrator that builds prompts, calls models and uses their answers.',
  facts: ['internetFacing', 'multiTenant', 'outputUsedAs', 'systemPromptHasSecrets', 'consequentialDecisions', 'dataClassification', 'storesCredentials', 'billedPerUse', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'toolCapabilities'],
  controls: ['authentication', 'authorization', 'inputValidation', 'outputValidation', 'rateLimiting', 'loggingMonitoring', 'systemPromptHygiene', 'contentSafetyFiltering', 'humanApproval', 'piiRedaction', 'retrievalAccessControl', 'secretsManagement', 'sandboxing', 'dependencyPinning', 'toolPermissions'],
});
