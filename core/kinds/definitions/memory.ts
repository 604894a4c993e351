import { defineKind } from '../define';

export const memoryKind = defineKind({
  id: 'memory',
  version: 1,
  label: 'Memory',
  noun: 'agent memory',
  group: 'serve',
  icon: '🧷',
  iconName: 'memory',
  layer: 'ai-application',
  description: 'Long-term or conversation memory an agent reads back later.',
  facts: ['persistent', 'multiTenant', 'dataClassification', 'dataOrigin'],
  controls: ['memoryValidation', 'tenantIsolation', 'encryptionAtRest', 'piiRedaction', 'authorization'],
});
