import { defineKind } from '../define';

export const toolKind = defineKind({
  id: 'tool',
  version: 1,
  label: 'Tool',
  group: 'serve',
  icon: '🛠️',
  iconName: 'wrench',
  layer: 'ai-application',
  description: 'A plugin, function or MCP server an agent can call.',
  facts: ['toolCapabilities', 'thirdPartyProvided', 'storesCredentials', 'dataOrigin', 'outputUsedAs', 'billedPerUse', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'runsSubmittedCode', 'toolSource', 'publisherVerified'],
  controls: ['authorization', 'humanApproval', 'sandboxing', 'inputValidation', 'outputValidation', 'toolPermissions', 'secretsManagement', 'dependencyScanning', 'loggingMonitoring', 'versioning', 'dependencyPinning', 'rateLimiting'],
});
