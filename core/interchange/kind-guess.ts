// Guessing a Mercator component kind from what another tool called an element: its shape or type
// (process, store, actor; machine-learning-model, data …) and words in its label. Each guess has a
// confidence so the UI can ask the user to confirm the uncertain ones.

interface Clue {
  pattern: RegExp;
  kind: string;
  /** Shapes this clue is believable for; any shape when absent. */
  shapes?: readonly Shape[];
}

export type Shape = 'process' | 'store' | 'actor' | 'model' | 'data' | 'service' | 'other';

// Most specific first: "vector database" is a vector store, not a data store.
const CLUES: Clue[] = [
  { pattern: /\b(vector|embedding|pinecone|weaviate|qdrant|milvus|chroma|faiss|pgvector)/i, kind: 'vector-store' },
  { pattern: /\b(llm|gpt|claude|gemini|llama|mistral|language model|chat ?model|foundation model)\b/i, kind: 'llm' },
  { pattern: /\b(agent|assistant|copilot)\b/i, kind: 'agent', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(guardrail|moderation|content filter|safety filter)/i, kind: 'guardrail' },
  { pattern: /\b(tool|plugin|mcp|function call)/i, kind: 'tool', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(model registry|registry)\b/i, kind: 'model-registry' },
  { pattern: /\b(hugging ?face|model hub|model zoo)\b/i, kind: 'model-hub' },
  { pattern: /\b(train|fine-?tun)/i, kind: 'training', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(evaluat|benchmark)/i, kind: 'evaluation', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(inference|predict|scoring|classifier|model serv|endpoint)/i, kind: 'inference-api', shapes: ['process', 'service', 'model', 'other'] },
  { pattern: /\b(model)\b/i, kind: 'inference-api', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(feature store)\b/i, kind: 'feature-store' },
  { pattern: /\b(knowledge base|wiki|document store|help ?center|corpus)\b/i, kind: 'knowledge-base' },
  { pattern: /\b(memory|chat history|conversation history)\b/i, kind: 'memory' },
  { pattern: /\b(secret|vault|credential|key ?store|kms)\b/i, kind: 'secrets-store', shapes: ['store', 'service', 'other'] },
  { pattern: /\b(log|monitor|telemetry|metrics|siem)\b/i, kind: 'monitoring', shapes: ['process', 'store', 'service', 'other'] },
  { pattern: /\b(ci|cd|pipeline|build server|jenkins|github actions)\b/i, kind: 'ci-cd', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(etl|ingest|crawler|scraper|data pipeline|queue worker)\b/i, kind: 'data-pipeline', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(dataset|training data|data ?set|crawl)\b/i, kind: 'data-source' },
  { pattern: /\b(database|db|sql|postgres|mysql|mongo|redis|bucket|s3|blob|storage|queue|config)\b/i, kind: 'data-store', shapes: ['store', 'data', 'other'] },
  { pattern: /\b(notebook|jupyter|workstation)\b/i, kind: 'dev-environment' },
  { pattern: /\b(browser|web ?client|mobile app|frontend|front-end|ui|widget|ide)\b/i, kind: 'client' },
  { pattern: /\b(admin|operator|engineer|data scientist|analyst)\b/i, kind: 'operator', shapes: ['actor', 'other'] },
  { pattern: /\b(user|customer|visitor|employee|attacker|person|people)\b/i, kind: 'user', shapes: ['actor', 'other'] },
  { pattern: /\b(api|gateway|backend|server|service|web ?app|application|orchestrator)\b/i, kind: 'application', shapes: ['process', 'service', 'other'] },
  { pattern: /\b(third[- ]party|vendor|saas|external)\b/i, kind: 'external-service' },
];

const SHAPE_DEFAULT: Record<Shape, { kind: string; confidence: number; reason: string }> = {
  process: { kind: 'process', confidence: 0.5, reason: 'a process with no telling words in its name' },
  store: { kind: 'data-store', confidence: 0.6, reason: 'a data store with no telling words in its name' },
  actor: { kind: 'user', confidence: 0.5, reason: 'an actor (external entity) with no telling words in its name' },
  model: { kind: 'inference-api', confidence: 0.7, reason: 'a machine-learning model, served for inference' },
  data: { kind: 'data-source', confidence: 0.8, reason: 'a dataset' },
  service: { kind: 'external-service', confidence: 0.5, reason: 'a service with no telling words in its name' },
  other: { kind: 'process', confidence: 0.3, reason: 'nothing in its type or name says what it is' },
};

export function guessKind(label: string, shape: Shape): { kind: string; confidence: number; reason: string } {
  const text = label.replace(/\s+/g, ' ');
  for (const clue of CLUES) {
    if (clue.shapes && !clue.shapes.includes(shape)) continue;
    const match = clue.pattern.exec(text);
    if (match) return { kind: clue.kind, confidence: shape === 'other' ? 0.6 : 0.75, reason: `the name says "${match[0]}"` };
  }
  return SHAPE_DEFAULT[shape];
}
