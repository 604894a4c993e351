import { defineKind } from '../define';

export const dataSourceKind = defineKind({
  id: 'data-source',
  version: 1,
  label: 'Data source',
  group: 'data',
  icon: '🗂️',
  iconName: 'database-import',
  layer: 'ai-platform',
  description: 'Where data enters: a public dataset, web crawl, user uploads, partner feed.',
  facts: ['dataOrigin', 'dataClassification', 'internetFacing', 'thirdPartyHosted', 'publisherVerified'],
  controls: ['dataProvenance', 'dataValidation', 'encryptionAtRest', 'piiRedaction', 'versioning', 'authorization'],
  factDefaults: { dataOrigin: ['internal'] },
});
