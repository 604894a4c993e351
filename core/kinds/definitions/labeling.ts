import { defineKind } from '../define';

export const labelingKind = defineKind({
  id: 'labeling',
  version: 1,
  label: 'Labeling',
  noun: 'labeling step',
  group: 'data',
  icon: '🏷️',
  iconName: 'tag',
  layer: 'ai-platform',
  description: 'Where examples get their labels: annotators, crowd workers, user feedback.',
  facts: ['untrustedLabelers', 'thirdPartyHosted', 'dataClassification'],
  controls: ['dataValidation', 'dataProvenance', 'authentication', 'piiRedaction', 'encryptionAtRest', 'authorization'],
});
