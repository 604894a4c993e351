import { defineKind } from '../define';

export const edgeDeviceKind = defineKind({
  id: 'edge-device',
  version: 1,
  label: 'Edge device',
  group: 'serve',
  icon: '📟',
  iconName: 'chip',
  layer: 'ai-usage',
  description: 'A device running a model in the field: camera, phone, vehicle, IoT.',
  facts: ['modelOnDevice', 'physicalInput', 'internetFacing', 'secretStorage', 'longLivedCredentials'],
  controls: ['modelSigning', 'encryptionAtRest', 'adversarialTraining', 'livenessDetection', 'authentication', 'versioning'],
});
