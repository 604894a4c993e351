import { defineKind } from '../define';

export const storeKind = defineKind({
  id: 'store',
  version: 1,
  label: 'Store',
  group: 'generic',
  icon: '🛢️',
  iconName: 'store',
  layer: 'ai-application',
  description: 'A generic data store (from an imported data-flow diagram).',
  facts: ['dataClassification', 'dataOrigin', 'internetFacing'],
  controls: ['authentication', 'authorization', 'encryptionAtRest'],
});
