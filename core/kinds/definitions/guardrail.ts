import { defineKind } from '../define';

export const guardrailKind = defineKind({
  id: 'guardrail',
  version: 1,
  label: 'Guardrail',
  group: 'serve',
  icon: '🛡️',
  iconName: 'shield',
  layer: 'ai-application',
  description: 'A filter that checks prompts and answers for injections, harmful content and leaks.',
  facts: ['thirdPartyHosted'],
  controls: ['contentSafetyFiltering', 'inputValidation', 'outputValidation', 'loggingMonitoring', 'piiRedaction'],
  defaultControls: ['contentSafetyFiltering', 'inputValidation', 'outputValidation'],
});
