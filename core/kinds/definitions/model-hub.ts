import { defineKind } from '../define';

export const modelHubKind = defineKind({
  id: 'model-hub',
  version: 1,
  label: 'Model hub',
  group: 'build',
  icon: '🤗',
  iconName: 'hub',
  layer: 'ai-platform',
  description: 'An external source of models, datasets or adapters (e.g. a public model hub).',
  facts: ['publicSource', 'modelFormat', 'thirdPartyHosted', 'publisherVerified'],
  controls: [],
  factDefaults: { thirdPartyHosted: true },
});
