import { defineKind } from '../define';

export const apiGatewayKind = defineKind({
  id: 'api-gateway',
  version: 1,
  label: 'API gateway',
  group: 'serve',
  icon: '🚪',
  iconName: 'gateway',
  layer: 'ai-application',
  description: 'A gateway or reverse proxy in front of model and application APIs: routing, keys, quotas.',
  facts: ['internetFacing', 'thirdPartyHosted', 'multiTenant'],
  controls: ['authentication', 'authorization', 'rateLimiting', 'inputValidation', 'encryptionInTransit', 'loggingMonitoring'],
  factDefaults: { internetFacing: true },
});
