// Reviewed expectations for the shipped examples: the findings a reviewer expects (and does not
// expect) on each model, and that switching on the named controls removes or lowers them.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/engine/analyze';
import { loadRulePacks } from '../../core/host/rule-packs';
import { loadModelText } from '../../core/model/load';
import type { Model } from '../../core/model/schema';

const root = path.resolve(__dirname, '../..');
const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
async function example(name: string): Promise<Model> {
  const r = loadModelText(await fs.readFile(path.join(root, 'examples', `${name}.mercator.json`), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(r.model.meta.description.length).toBeGreaterThan(40);
  return r.model;
}
const keysOf = (m: Model) => analyze(m, loaded.packs, { techniqueTactics: loaded.techniqueTactics }).findings.map((f) => f.key);

const EXPECTED: Record<string, { present: string[]; absent: string[] }> = {
  'rag-support-chatbot': {
    present: ['indirect-prompt-injection@llm', 'direct-prompt-injection@llm', 'rag-poisoning@vector-db', 'llm-jailbreak@llm', 'unbounded-consumption@chat-api', 'llm-response-rendering@web-client'],
    // the vector store has authentication; the LLM is vendor-hosted; no agent, no training.
    absent: ['llm-endpoint-no-authentication@llm', 'excessive-agency@chat-api', 'untrusted-data-into-training@crawler', 'sensitive-flow-unencrypted@f2'],
  },
  'agent-with-mcp-tools': {
    present: ['indirect-prompt-injection@agent', 'untrusted-content-drives-agent-tools@agent', 'agent-memory-poisoning@memory', 'excessive-agency@agent', 'agent-exfiltration-via-tools@agent', 'third-party-agent-tool@mail-tool', 'unsecured-credentials@agent'],
    // the files tool is in-house and has no execute capability; the IDE validates output.
    absent: ['third-party-agent-tool@files-tool', 'agent-code-execution-unsandboxed@agent', 'llm-response-rendering@ide'],
  },
  'fine-tuning-pipeline': {
    present: ['public-model-hub@t1', 'unsafe-model-from-hub@t1', 'unsafe-model-serialization@train', 'untrusted-labeling@labelers', 'untrusted-data-into-training@train', 'backdoor-via-third-party-model@train', 'unsecured-credentials@notebooks'],
    // registry stores safetensors and is versioned; the inference API authenticates.
    absent: ['unsafe-model-serialization@registry', 'model-no-versioning@registry', 'model-api-no-authentication@serving', 'dev-environment-model-theft@notebooks'],
  },
  'fraud-detection': {
    present: ['continuous-learning-from-feedback@retrain', 'overreliance-consequential-decisions@scoring', 'confidence-scores-leak-training-data@scoring', 'classifier-evasion@scoring', 'model-extraction@scoring', 'unsafe-model-serialization@scoring'],
    // analysts are vetted staff; the scoring API authenticates and has monitoring.
    absent: ['untrusted-labeling@cases', 'model-api-no-authentication@scoring', 'model-probing-unmonitored@scoring'],
  },
  'face-verification-kyc': {
    present: ['physical-world-evasion@mobile', 'physical-world-evasion@face-match', 'on-device-model-theft@mobile', 'confidence-scores-leak-training-data@face-match', 'overreliance-consequential-decisions@face-match'],
    // onboarding has a human reviewer for decisions; the model is ONNX; inputs are validated.
    absent: ['overreliance-consequential-decisions@onboarding', 'unsafe-model-serialization@face-match', 'model-input-no-validation@face-match'],
  },
};

describe.each(Object.entries(EXPECTED))('example %s', (name, expected) => {
  it('has the reviewed findings and not the ones its controls rule out', async () => {
    const keys = keysOf(await example(name));
    for (const key of expected.present) expect(keys, key).toContain(key);
    for (const key of expected.absent) expect(keys, key).not.toContain(key);
  });
});

describe('rag-support-chatbot indirect prompt injection', () => {
  it('names AML.T0051.001 with its tactic and LLM01:2025, and the path through retrieval', async () => {
    const m = await example('rag-support-chatbot');
    const f = analyze(m, loaded.packs, { techniqueTactics: loaded.techniqueTactics }).findings.find((x) => x.key === 'indirect-prompt-injection@llm')!;
    expect(f.atlas).toContainEqual({ technique: 'AML.T0051.001', tactics: ['AML.TA0005'] });
    expect(f.owasp).toContain('LLM01:2025');
    expect(f.path).toEqual(['kb', 'crawler', 'vector-db', 'chat-api', 'llm']);
  });
  it('is lowered by the named controls, and the injection findings go down together', async () => {
    const m = await example('rag-support-chatbot');
    const before = analyze(m, loaded.packs).findings.find((x) => x.key === 'indirect-prompt-injection@llm')!;
    const fixed = structuredClone(m);
    for (const advice of before.mitigations) {
      const c = fixed.components.find((x) => x.id === advice.target.id)!;
      c.controls[advice.control] = true;
    }
    const after = analyze(fixed, loaded.packs).findings.find((x) => x.key === 'indirect-prompt-injection@llm');
    expect(after === undefined || after.residual.score < before.residual.score).toBe(true);
    expect(after!.residual.severity).not.toBe('high');
    const direct = (mm: Model) => analyze(mm, loaded.packs).findings.find((x) => x.key === 'direct-prompt-injection@llm')!.residual.score;
    expect(direct(fixed)).toBeLessThan(direct(m));
  });
});
