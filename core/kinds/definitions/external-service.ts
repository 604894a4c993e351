import { defineKind } from '../define';

export const externalServiceKind = defineKind({
  id: 'external-service',
  version: 1,
  label: 'External service',
  group: 'actors',
  icon: '🌐',
  iconName: 'cloud',
  layer: 'ai-usage',
  description: 'A service outside your control that sends or receives data: SaaS, partner API, e-mail, the open web.',
  facts: ['thirdPartyHosted', 'dataOrigin', 'dataClassification', 'billedPerUse'],
  controls: [],
  factDefaults: { thirdPartyHosted: true, dataOrigin: ['partner'] },
});
