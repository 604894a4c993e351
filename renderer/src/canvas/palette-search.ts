// Palette search: a kind is found by its label, id, description and group, and by the words people
// use for it ("s3" for object storage, "rag" for a vector store or knowledge base, "mcp" for a tool).
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'vector-store': ['rag', 'embeddings', 'pinecone', 'pgvector', 'weaviate', 'chroma', 'faiss', 'index'],
  'knowledge-base': ['rag', 'documents', 'corpus', 'wiki', 'confluence', 'sharepoint'],
  'object-storage': ['s3', 'bucket', 'blob', 'gcs', 'azure blob', 'minio', 'files'],
  client: ['browser', 'web app', 'frontend', 'mobile', 'desktop', 'ide', 'chat ui'],
  user: ['person', 'customer', 'end user', 'human'],
  tool: ['mcp', 'plugin', 'function', 'function calling', 'api tool'],
  'message-queue': ['queue', 'kafka', 'sqs', 'pubsub', 'pub/sub', 'rabbitmq', 'event', 'stream', 'topic', 'bus'],
  'api-gateway': ['api gateway', 'gateway', 'proxy', 'reverse proxy', 'apigee', 'kong', 'ingress', 'llm gateway'],
  'identity-provider': ['sso', 'idp', 'oauth', 'oidc', 'saml', 'okta', 'entra', 'keycloak', 'login', 'iam'],
  'waf-cdn': ['waf', 'cdn', 'firewall', 'cloudflare', 'akamai', 'edge', 'ddos'],
  cache: ['redis', 'memcached', 'semantic cache', 'prompt cache', 'kv'],
  llm: ['gpt', 'claude', 'gemini', 'llama', 'chatbot', 'foundation model', 'language model'],
  'inference-api': ['endpoint', 'serving', 'model api', 'prediction'],
  'data-store': ['database', 'db', 'sql', 'postgres', 'warehouse'],
  'secrets-store': ['vault', 'kms', 'keys', 'credentials'],
  'model-registry': ['mlflow', 'artifacts'],
  'model-hub': ['hugging face', 'huggingface'],
  'data-pipeline': ['etl', 'airflow', 'ingestion'],
  'ci-cd': ['github actions', 'jenkins', 'build', 'deploy'],
  guardrail: ['filter', 'moderation', 'safety'],
  agent: ['assistant', 'copilot', 'autonomous'],
};

/** The words a query is matched against for one palette entry. */
export function paletteHaystack(entry: { kind: string; label: string; description: string }, group: string): string {
  const synonyms = Object.hasOwn(SYNONYMS, entry.kind) ? SYNONYMS[entry.kind]!.join(' ') : '';
  return `${entry.label} ${entry.kind.replace(/-/g, ' ')} ${entry.kind} ${entry.description} ${group} ${synonyms}`.toLowerCase();
}

/** Every word of the query occurs in the entry's text (so "api gateway" and "gateway api" both match). */
export function paletteMatches(query: string, haystack: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => haystack.includes(w));
}
