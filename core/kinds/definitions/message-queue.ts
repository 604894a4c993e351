import { defineKind } from '../define';

export const messageQueueKind = defineKind({
  id: 'message-queue',
  version: 1,
  label: 'Message queue',
  group: 'data',
  icon: '📨',
  iconName: 'queue',
  layer: 'ai-platform',
  description: 'A queue, topic or event stream (Kafka, SQS, Pub/Sub) that carries records between services.',
  facts: ['dataClassification', 'dataOrigin', 'multiTenant', 'thirdPartyHosted'],
  controls: ['authentication', 'authorization', 'dataValidation', 'encryptionAtRest', 'encryptionInTransit', 'loggingMonitoring'],
});
