// Every control Mercator knows. Controls mitigate threats; rules name the controls that close or
// lower them. Each control lists the ATLAS mitigations it implements (ids checked by a test).
export interface ControlDef {
  label: string;
  help: string;
  atlas: readonly string[];
}

export const CONTROLS = {
  authentication: { label: 'Authentication', help: 'Every caller proves who it is.', atlas: ['AML.M0019'] },
  multiFactorAuth: { label: 'Multi-factor authentication', help: 'Sign-in needs a second factor (passkey, authenticator) besides the password.', atlas: ['AML.M0019'] },
  authorization: { label: 'Authorization / least privilege', help: 'Callers and service accounts get only the permissions the task needs.', atlas: ['AML.M0019', 'AML.M0026'] },
  encryptionAtRest: { label: 'Encryption at rest', help: 'Stored data, datasets and artifacts are encrypted.', atlas: ['AML.M0012', 'AML.M0005'] },
  encryptionInTransit: { label: 'Encryption in transit', help: 'TLS or equivalent on every connection.', atlas: ['AML.M0012'] },
  inputValidation: { label: 'Input validation', help: 'Inputs are checked for type, size and known attack patterns before use.', atlas: ['AML.M0015', 'AML.M0033'] },
  outputValidation: { label: 'Output validation / encoding', help: 'Model output is checked against a schema and encoded for where it goes.', atlas: ['AML.M0033', 'AML.M0020'] },
  rateLimiting: { label: 'Rate limiting & quotas', help: 'Per-caller limits on requests, tokens and cost.', atlas: ['AML.M0004'] },
  loggingMonitoring: { label: 'Logging & monitoring', help: 'Requests, outputs and tool calls are logged and watched for abuse.', atlas: ['AML.M0024'] },
  modelSigning: { label: 'Model signing / integrity checks', help: 'Model artifacts are signed or hashed and verified before use.', atlas: ['AML.M0014', 'AML.M0013'] },
  versioning: { label: 'Versioning', help: 'Models and datasets are versioned so a bad one can be found and rolled back.', atlas: ['AML.M0025', 'AML.M0014'] },
  dataProvenance: { label: 'Data provenance', help: 'Where each dataset and record came from is recorded and checked.', atlas: ['AML.M0025'] },
  dataValidation: { label: 'Data validation / poisoning detection', help: 'Training and indexed data is screened for outliers, flipped labels and planted content.', atlas: ['AML.M0007'] },
  piiRedaction: { label: 'PII redaction', help: 'Personal data is removed or masked before it is stored, trained on or returned.', atlas: ['AML.M0020', 'AML.M0012'] },
  humanApproval: { label: 'Human approval', help: 'A person reviews consequential actions or decisions before they take effect.', atlas: ['AML.M0029'] },
  sandboxing: { label: 'Sandboxing', help: 'Code and tools run isolated, with no access beyond what they need.', atlas: ['AML.M0032'] },
  adversarialTesting: { label: 'Adversarial testing / red teaming', help: 'The model and application are attacked on purpose before release and regularly after.', atlas: ['AML.M0008'] },
  adversarialTraining: { label: 'Adversarial training', help: 'The model is trained or hardened against adversarial examples.', atlas: ['AML.M0003', 'AML.M0006'] },
  confidenceMasking: { label: 'Confidence masking', help: 'Only the decision (or coarse scores) is returned, not raw probabilities.', atlas: ['AML.M0002'] },
  systemPromptHygiene: { label: 'System-prompt hygiene', help: 'No secrets or security rules in the system prompt; instructions and data kept apart.', atlas: ['AML.M0021', 'AML.M0022'] },
  tenantIsolation: { label: 'Tenant isolation', help: 'Each tenant\'s data lives in its own partition and queries cannot cross.', atlas: ['AML.M0005'] },
  retrievalAccessControl: { label: 'Retrieval access control', help: 'Retrieval returns only documents the end user may read.', atlas: ['AML.M0019', 'AML.M0005'] },
  dependencyScanning: { label: 'Dependency scanning / AI BOM', help: 'Packages, images, models and datasets are inventoried and scanned.', atlas: ['AML.M0016', 'AML.M0023'] },
  safeModelSerialization: { label: 'Safe model serialization', help: 'Only formats that cannot run code (safetensors, ONNX, GGUF) are loaded; others are converted or scanned.', atlas: ['AML.M0011', 'AML.M0016'] },
  contentSafetyFiltering: { label: 'Content safety filtering', help: 'Inputs and outputs pass a guardrail for harmful content, jailbreaks and leaks.', atlas: ['AML.M0020'] },
  toolPermissions: { label: 'Tool permission scoping', help: 'Each tool has its own narrow permissions and cannot be invoked on untrusted data without checks.', atlas: ['AML.M0028', 'AML.M0030'] },
  memoryValidation: { label: 'Memory hardening', help: 'What goes into long-term memory is validated, attributed and can be reviewed or expired.', atlas: ['AML.M0031'] },
  secretsManagement: { label: 'Secrets management', help: 'Credentials live in a vault, are short-lived and never in prompts, configs or notebooks.', atlas: ['AML.M0005'] },
  dependencyPinning: { label: 'Pinned dependencies', help: 'Packages, images, models and tools are pinned to reviewed versions and hashes, never pulled as "latest".', atlas: ['AML.M0016', 'AML.M0013'] },
  livenessDetection: { label: 'Liveness / deepfake detection', help: 'Camera input is checked for presentation attacks and synthetic media.', atlas: ['AML.M0034', 'AML.M0009'] },
} as const satisfies Record<string, ControlDef>;

export type ControlId = keyof typeof CONTROLS;

export function isControlId(value: string): value is ControlId {
  return Object.hasOwn(CONTROLS, value);
}
