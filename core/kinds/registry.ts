// The component-kind registry. To add a kind: one file in ./definitions/, its id in ./ids.ts, one line here.
import type { ComponentKindId } from './ids';
import type { ComponentKindDefinition } from './define';
import { userKind } from './definitions/user';
import { operatorKind } from './definitions/operator';
import { externalServiceKind } from './definitions/external-service';
import { dataSourceKind } from './definitions/data-source';
import { dataStoreKind } from './definitions/data-store';
import { featureStoreKind } from './definitions/feature-store';
import { labelingKind } from './definitions/labeling';
import { knowledgeBaseKind } from './definitions/knowledge-base';
import { vectorStoreKind } from './definitions/vector-store';
import { dataPipelineKind } from './definitions/data-pipeline';
import { trainingKind } from './definitions/training';
import { evaluationKind } from './definitions/evaluation';
import { modelRegistryKind } from './definitions/model-registry';
import { modelHubKind } from './definitions/model-hub';
import { devEnvironmentKind } from './definitions/dev-environment';
import { computeClusterKind } from './definitions/compute-cluster';
import { inferenceApiKind } from './definitions/inference-api';
import { llmKind } from './definitions/llm';
import { applicationKind } from './definitions/application';
import { agentKind } from './definitions/agent';
import { toolKind } from './definitions/tool';
import { memoryKind } from './definitions/memory';
import { guardrailKind } from './definitions/guardrail';
import { clientKind } from './definitions/client';
import { edgeDeviceKind } from './definitions/edge-device';
import { monitoringKind } from './definitions/monitoring';
import { ciCdKind } from './definitions/ci-cd';
import { secretsStoreKind } from './definitions/secrets-store';
import { processKind } from './definitions/process';
import { storeKind } from './definitions/store';
import { externalEntityKind } from './definitions/external-entity';
import { apiGatewayKind } from './definitions/api-gateway';
import { messageQueueKind } from './definitions/message-queue';
import { identityProviderKind } from './definitions/identity-provider';
import { wafCdnKind } from './definitions/waf-cdn';
import { cacheKind } from './definitions/cache';
import { objectStorageKind } from './definitions/object-storage';

export const COMPONENT_KINDS = {
  user: userKind,
  operator: operatorKind,
  'external-service': externalServiceKind,
  'data-source': dataSourceKind,
  'data-store': dataStoreKind,
  'feature-store': featureStoreKind,
  labeling: labelingKind,
  'knowledge-base': knowledgeBaseKind,
  'vector-store': vectorStoreKind,
  'data-pipeline': dataPipelineKind,
  training: trainingKind,
  evaluation: evaluationKind,
  'model-registry': modelRegistryKind,
  'model-hub': modelHubKind,
  'dev-environment': devEnvironmentKind,
  'compute-cluster': computeClusterKind,
  'inference-api': inferenceApiKind,
  llm: llmKind,
  application: applicationKind,
  agent: agentKind,
  tool: toolKind,
  memory: memoryKind,
  guardrail: guardrailKind,
  client: clientKind,
  'edge-device': edgeDeviceKind,
  monitoring: monitoringKind,
  'ci-cd': ciCdKind,
  'secrets-store': secretsStoreKind,
  process: processKind,
  store: storeKind,
  'external-entity': externalEntityKind,
  'api-gateway': apiGatewayKind,
  'message-queue': messageQueueKind,
  'identity-provider': identityProviderKind,
  'waf-cdn': wafCdnKind,
  'cache': cacheKind,
  'object-storage': objectStorageKind,
} as const satisfies { [K in ComponentKindId]: ComponentKindDefinition<K> };

export type ComponentKinds = typeof COMPONENT_KINDS;

/** The definition of a kind, or undefined for an unknown id. */
export function getKind(id: string): ComponentKindDefinition | undefined {
  return Object.hasOwn(COMPONENT_KINDS, id) ? (COMPONENT_KINDS as Record<string, ComponentKindDefinition>)[id] : undefined;
}

/** The kind declares the fact (the inspector offers it; the engine gives an undeclared fact no value). */
export function kindDeclaresFact(kindId: string, fact: string): boolean {
  return Object.hasOwn(getKind(kindId)?.factFields ?? {}, fact);
}

/** The kind offers the control, so the user can switch it on in the inspector. */
export function kindOffersControl(kindId: string, control: string): boolean {
  return Object.hasOwn(getKind(kindId)?.controlFields ?? {}, control);
}

export function listKinds(): ComponentKindDefinition[] {
  return Object.values(COMPONENT_KINDS);
}
