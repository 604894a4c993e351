import { defineKind } from '../define';

export const monitoringKind = defineKind({
  id: 'monitoring',
  version: 1,
  label: 'Monitoring',
  noun: 'monitoring system',
  group: 'operate',
  icon: '📈',
  iconName: 'chart',
  layer: 'ai-platform',
  description: 'Logs, telemetry and user feedback about the system.',
  facts: ['dataClassification', 'learnsFromFeedback', 'thirdPartyHosted', 'dataOrigin', 'internetFacing'],
  controls: ['authorization', 'piiRedaction', 'encryptionAtRest', 'dataValidation', 'humanApproval', 'versioning', 'authentication', 'loggingMonitoring'],
});
