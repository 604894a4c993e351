import { defineKind } from '../define';

export const processKind = defineKind({
  id: 'process',
  version: 1,
  label: 'Process',
  group: 'generic',
  icon: '⬜',
  iconName: 'process',
  layer: 'ai-application',
  description: 'A generic processing step (from an imported data-flow diagram).',
  facts: ['internetFacing', 'dataClassification', 'unrestrictedEgress', 'secretStorage', 'longLivedCredentials', 'storesCredentials'],
  controls: ['authentication', 'authorization', 'inputValidation', 'loggingMonitoring', 'secretsManagement'],
});
