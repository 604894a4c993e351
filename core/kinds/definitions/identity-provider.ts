import { defineKind } from '../define';

export const identityProviderKind = defineKind({
  id: 'identity-provider',
  version: 1,
  label: 'Identity provider',
  noun: 'identity provider',
  group: 'operate',
  icon: '🪪',
  iconName: 'identity',
  layer: 'ai-platform',
  description: 'Single sign-on and token issuing (OIDC, SAML, an IAM service) for users, services and agents.',
  facts: ['internetFacing', 'thirdPartyHosted', 'storesCredentials'],
  controls: ['multiFactorAuth', 'authorization', 'rateLimiting', 'secretsManagement', 'loggingMonitoring'],
  factDefaults: { storesCredentials: true },
});
