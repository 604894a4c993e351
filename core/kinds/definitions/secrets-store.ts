import { defineKind } from '../define';

export const secretsStoreKind = defineKind({
  id: 'secrets-store',
  version: 1,
  label: 'Secrets store',
  group: 'operate',
  icon: '🔑',
  iconName: 'key',
  layer: 'ai-platform',
  description: 'A vault for API keys, tokens and signing keys.',
  facts: ['thirdPartyHosted', 'internetFacing'],
  controls: ['authentication', 'authorization', 'encryptionAtRest', 'loggingMonitoring'],
  defaultControls: ['encryptionAtRest'],
});
