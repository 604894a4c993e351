// How kinds look: a color per palette group and a short monogram per kind. Monograms are text, so
// they render the same everywhere (no emoji font needed) and stay readable in both themes.
import { getKind, type PaletteGroup } from '../../../core/kinds';

export const GROUP_LABELS: Record<PaletteGroup, string> = {
  actors: 'Actors',
  data: 'Data',
  build: 'Build',
  serve: 'Serve',
  operate: 'Operate',
  generic: 'Generic',
};

const MONOGRAMS: Record<string, string> = {
  user: 'U',
  operator: 'Op',
  'external-service': 'Ext',
  'data-source': 'Src',
  'data-store': 'DB',
  'feature-store': 'FS',
  labeling: 'Lbl',
  'knowledge-base': 'KB',
  'vector-store': 'Vec',
  'data-pipeline': 'ETL',
  training: 'Trn',
  evaluation: 'Eval',
  'model-registry': 'Reg',
  'model-hub': 'Hub',
  'dev-environment': 'Nb',
  'compute-cluster': 'GPU',
  'inference-api': 'API',
  llm: 'LLM',
  application: 'App',
  agent: 'Agt',
  tool: 'Tool',
  memory: 'Mem',
  guardrail: 'Grd',
  client: 'UI',
  'edge-device': 'Edge',
  'api-gateway': 'GW',
  'waf-cdn': 'WAF',
  'message-queue': 'MQ',
  'identity-provider': 'IdP',
  cache: 'Cch',
  'object-storage': 'S3',
  monitoring: 'Mon',
  'ci-cd': 'CI',
  'secrets-store': 'Key',
  process: 'P',
  store: 'S',
  'external-entity': 'EE',
};

export function kindMonogram(kind: string): string {
  return MONOGRAMS[kind] ?? (kind.slice(0, 3) || '?');
}

export function kindGroup(kind: string): PaletteGroup | 'unknown' {
  return getKind(kind)?.group ?? 'unknown';
}

export function kindLabel(kind: string): string {
  return getKind(kind)?.label ?? kind;
}
