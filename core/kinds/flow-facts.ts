// Facts and controls of data flows (DESIGN.md §4). Flow controls share ids with component controls.
import { z } from 'zod';
import { fieldsSchema, options, type FieldDef } from './fields';
import { CONTROLS, type ControlId } from './controls';

export const FLOW_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'personal'] as const;
export type FlowClassification = (typeof FLOW_CLASSIFICATIONS)[number];

export const FLOW_CARRIES = [
  'prompts', 'documents', 'training-data', 'model-artifacts', 'predictions', 'tool-calls', 'credentials',
  'embeddings', 'features', 'feedback', 'labels', 'telemetry', 'code', 'images',
] as const;
export type FlowCarries = (typeof FLOW_CARRIES)[number];

export const FLOW_FACTS = {
  classification: {
    type: 'enum', default: 'internal', label: 'Data classification',
    options: options(['public', 'Public'], ['internal', 'Internal'], ['confidential', 'Confidential'], ['personal', 'Personal data']),
    help: 'The most sensitive data this flow carries.',
  },
  carries: {
    type: 'list', default: [], label: 'Carries',
    options: options(
      ['prompts', 'Prompts'], ['documents', 'Documents'], ['training-data', 'Training data'], ['model-artifacts', 'Model artifacts'],
      ['predictions', 'Predictions / answers'], ['tool-calls', 'Tool calls'], ['credentials', 'Credentials'], ['embeddings', 'Embeddings'],
      ['features', 'Features'], ['feedback', 'User feedback'], ['labels', 'Labels'], ['telemetry', 'Logs / telemetry'], ['code', 'Code'], ['images', 'Images / media'],
    ),
    help: 'What kind of data travels on this flow.',
  },
  readOnly: {
    type: 'boolean', default: false, label: 'Reads or queries only',
    help: 'The source only reads from or queries the target; nothing it sends is stored there.',
  },
  sameHost: {
    type: 'boolean', default: false, label: 'Inside one host',
    help: 'Both ends run on the same machine or pod (a local call that never crosses a network).',
  },
} as const satisfies Record<string, FieldDef>;

/** Controls that can be switched on for a flow. */
export const FLOW_CONTROL_IDS = ['encryptionInTransit', 'authentication', 'inputValidation', 'outputValidation', 'rateLimiting', 'loggingMonitoring', 'dataValidation', 'piiRedaction'] as const satisfies readonly ControlId[];

const FLOW_CONTROLS: ReadonlySet<string> = new Set(FLOW_CONTROL_IDS);
/** Flows offer this control (every flow offers the same ones). */
export const isFlowControl = (control: string): boolean => FLOW_CONTROLS.has(control);

export const FLOW_CONTROL_FIELDS: Record<string, FieldDef> = Object.fromEntries(
  FLOW_CONTROL_IDS.map((id) => [id, { type: 'boolean', label: CONTROLS[id].label, help: CONTROLS[id].help, default: false }]),
);

export const flowFactsSchema = fieldsSchema(FLOW_FACTS);
export const flowControlsSchema = fieldsSchema(FLOW_CONTROL_FIELDS);


export const FlowClassificationSchema = z.enum(FLOW_CLASSIFICATIONS);
