import { defineKind } from '../define';

export const clientKind = defineKind({
  id: 'client',
  version: 1,
  label: 'Client',
  group: 'serve',
  icon: '📱',
  iconName: 'device',
  layer: 'ai-usage',
  description: 'A web, mobile, desktop app or IDE extension used by people.',
  facts: ['internetFacing', 'rendersMarkdown', 'modelOnDevice', 'physicalInput', 'secretStorage', 'longLivedCredentials'],
  controls: ['authentication', 'outputValidation', 'encryptionInTransit', 'livenessDetection', 'modelSigning', 'adversarialTraining', 'encryptionAtRest'],
});
