import { defineKind } from '../define';

export const externalEntityKind = defineKind({
  id: 'external-entity',
  version: 1,
  label: 'External entity',
  group: 'generic',
  icon: '🔲',
  iconName: 'external',
  layer: 'ai-usage',
  description: 'Something outside the system that sends or receives data (from an imported data-flow diagram).',
  facts: ['dataOrigin', 'internetFacing'],
  controls: [],
});
