import { defineKind } from '../define';

export const userKind = defineKind({
  id: 'user',
  version: 1,
  label: 'User',
  group: 'actors',
  icon: '👤',
  iconName: 'user',
  layer: 'ai-usage',
  description: 'A person who uses the AI system: customer, employee, member of the public.',
  facts: ['internetFacing'],
  controls: [],
});
