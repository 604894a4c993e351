// Every component fact Mercator knows. Facts describe what a component is and does; they make
// threats apply. A kind lists the facts relevant to it (core/kinds/definitions/*).
import { options, type FieldDef } from './fields';

const CLASSIFICATION = options(['public', 'Public'], ['internal', 'Internal'], ['confidential', 'Confidential'], ['personal', 'Personal data']);

export const COMPONENT_FACTS = {
  internetFacing: {
    type: 'boolean', default: false, label: 'Internet-facing',
    help: 'Anyone on the internet can send requests to it (possibly after signing up).',
  },
  thirdPartyHosted: {
    type: 'boolean', default: false, label: 'Hosted by a third party',
    help: 'It runs on a vendor\'s infrastructure (SaaS API, hosted model, managed service).',
  },
  multiTenant: {
    type: 'boolean', default: false, label: 'Multi-tenant',
    help: 'It serves several customers or teams whose data must stay apart.',
  },
  dataClassification: {
    type: 'enum', default: 'internal', label: 'Data classification', options: CLASSIFICATION,
    help: 'The most sensitive data it holds or processes.',
  },
  dataOrigin: {
    type: 'list', default: [], label: 'Data origin',
    options: options(['public', 'Public dataset'], ['scraped', 'Scraped from the web'], ['user', 'User-provided'], ['partner', 'Partner feed'], ['internal', 'Internal']),
    help: 'Where its content comes from. Public, scraped, user and partner content can be controlled by an attacker.',
  },
  untrustedLabelers: {
    type: 'boolean', default: false, label: 'Labeled by untrusted parties',
    help: 'Labels come from crowd workers, end users or an outside vendor rather than vetted staff.',
  },
  learnsFromFeedback: {
    type: 'boolean', default: false, label: 'Learns from user feedback',
    help: 'Feedback or production data flows back into training without a release gate (online or continuous learning).',
  },
  returnsConfidenceScores: {
    type: 'boolean', default: false, label: 'Returns confidence scores',
    help: 'Responses include probabilities, logits or scores, not just the decision.',
  },
  modelFormat: {
    type: 'enum', default: 'unknown', label: 'Model file format',
    options: options(['unknown', 'Unknown'], ['safetensors', 'safetensors'], ['onnx', 'ONNX'], ['gguf', 'GGUF'], ['savedmodel', 'TensorFlow SavedModel'], ['pickle', 'Python pickle'], ['pytorch-pt', 'PyTorch .pt/.bin (pickle)'], ['joblib', 'joblib'], ['keras-h5', 'Keras HDF5 (may hold code)']),
    help: 'How model artifacts are serialized. Pickle-based formats run code when loaded.',
  },
  autonomy: {
    type: 'enum', default: 'suggest', label: 'Agent autonomy',
    options: options(['none', 'None (answers only)'], ['suggest', 'Suggests actions'], ['supervised', 'Acts with confirmation'], ['autonomous', 'Acts on its own']),
    help: 'How far it acts without a person in the loop.',
  },
  toolCapabilities: {
    type: 'list', default: [], label: 'Tool capabilities',
    options: options(['read', 'Read data'], ['write', 'Write / change data'], ['execute', 'Execute code or commands'], ['send', 'Send messages or e-mail'], ['browse', 'Browse the web']),
    help: 'What the tools it can call are able to do.',
  },
  thirdPartyProvided: {
    type: 'boolean', default: false, label: 'Provided by a third party',
    help: 'Code, plugin, MCP server or artifact written and updated by someone outside the team.',
  },
  publicSource: {
    type: 'boolean', default: true, label: 'Anyone can publish to it',
    help: 'A public hub or registry where anyone can upload models, datasets or packages.',
  },
  storesCredentials: {
    type: 'boolean', default: false, label: 'Holds credentials',
    help: 'API keys, tokens or passwords are stored in its configuration, files or environment.',
  },
  holdsModelArtifacts: {
    type: 'boolean', default: false, label: 'Holds model artifacts',
    help: 'Model weights, checkpoints or training code are stored on it.',
  },
  systemPromptHasSecrets: {
    type: 'boolean', default: false, label: 'System prompt holds secrets',
    help: 'The system prompt contains credentials, internal rules or other things that must not leak.',
  },
  outputUsedAs: {
    type: 'list', default: [], label: 'Model output used as',
    options: options(['html', 'HTML / Markdown rendered in a browser'], ['sql', 'Database query'], ['shell', 'Shell command'], ['code', 'Code that is run'], ['api-call', 'API or tool call']),
    help: 'Where model output goes without a person reading it first.',
  },
  rendersMarkdown: {
    type: 'boolean', default: false, label: 'Renders model output',
    help: 'Shows model output as Markdown or HTML (images and links load automatically).',
  },
  consequentialDecisions: {
    type: 'boolean', default: false, label: 'Makes consequential decisions',
    help: 'Its output decides about people or money (credit, hiring, fraud blocks, identity checks, medical).',
  },
  physicalInput: {
    type: 'boolean', default: false, label: 'Physical-world input',
    help: 'Takes camera, microphone or sensor input that an attacker can influence physically.',
  },
  modelOnDevice: {
    type: 'boolean', default: false, label: 'Model runs on the device',
    help: 'The model ships inside an app or device that users control.',
  },
  usesPublicImages: {
    type: 'boolean', default: false, label: 'Uses public images or packages',
    help: 'Builds or runs with containers and packages pulled from public registries.',
  },
  publicRead: {
    type: 'boolean', default: false, label: 'Publicly readable',
    help: 'Anyone can read its objects without credentials (a public bucket, anonymous or shared links).',
  },
  persistent: {
    type: 'boolean', default: true, label: 'Persists across sessions',
    help: 'What is written to it is read again in later conversations or runs.',
  },
  billedPerUse: {
    type: 'boolean', default: false, label: 'Billed per use',
    help: 'Each call, token or job costs money (a metered model API, paid tool or cloud compute).',
  },
  unrestrictedEgress: {
    type: 'boolean', default: false, label: 'Unrestricted outbound network',
    help: 'Code it runs can open connections to any internet host (no egress allow-list).',
  },
  secretStorage: {
    type: 'enum', default: 'unknown', label: 'Where its secrets are kept',
    options: options(['unknown', 'Not recorded'], ['vault', 'A secrets manager or vault'], ['environment', 'Environment variables'], ['plain-file', 'Plain files (config, notebook, .env)'], ['hard-coded', 'In the code or prompt']),
    help: 'How the credentials it uses are stored. Environment variables, plain files and code can be read by whoever runs code there.',
  },
  longLivedCredentials: {
    type: 'boolean', default: false, label: 'Uses long-lived credentials',
    help: 'Static API keys, tokens or passwords that do not expire or rotate on their own.',
  },
  runsSubmittedCode: {
    type: 'boolean', default: false, label: 'Runs code others submit',
    help: 'Runs jobs, notebooks, scripts or tool code that users or other teams hand in.',
  },
  toolSource: {
    type: 'enum', default: 'unknown', label: 'Where the tool comes from',
    options: options(['unknown', 'Not recorded'], ['in-house', 'Written in-house'], ['package', 'A package from a public registry'], ['registry', 'A tool or plugin registry / marketplace'], ['remote-mcp', 'A remote MCP server run by someone else']),
    help: 'Tools from registries and remote MCP servers can be swapped, impersonated or changed after review.',
  },
  publisherVerified: {
    type: 'boolean', default: true, label: 'Publisher verified',
    help: 'Untick when anyone can publish under any name here (no verified publishers, names can be squatted).',
  },
} as const satisfies Record<string, FieldDef>;

export type ComponentFactId = keyof typeof COMPONENT_FACTS;
