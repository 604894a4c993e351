import { defineKind } from '../define';

export const operatorKind = defineKind({
  id: 'operator',
  version: 1,
  label: 'Operator',
  group: 'actors',
  icon: '🧑‍🔧',
  iconName: 'operator',
  layer: 'ai-usage',
  description: 'A privileged person who runs or builds the system: admin, data scientist, ML engineer.',
  facts: ['internetFacing'],
  controls: ['authentication'],
});
