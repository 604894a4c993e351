import { defineKind } from '../define';

export const wafCdnKind = defineKind({
  id: 'waf-cdn',
  version: 1,
  label: 'WAF / CDN',
  noun: 'WAF or CDN',
  group: 'serve',
  icon: '🛡',
  iconName: 'shield',
  layer: 'ai-application',
  description: 'An edge service that filters, caches and rate-limits internet traffic before it reaches the system.',
  facts: ['internetFacing', 'thirdPartyHosted'],
  controls: ['rateLimiting', 'inputValidation', 'encryptionInTransit', 'loggingMonitoring'],
  factDefaults: { internetFacing: true, thirdPartyHosted: true },
});
