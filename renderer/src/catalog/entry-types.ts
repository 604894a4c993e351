// Entry types of the catalog and how the browser names them.
import type { CatalogEntry } from '../../../core/api/calls/catalog';

export type CatalogEntryType = CatalogEntry['type'];

export const TYPE_LABELS: Record<CatalogEntryType, string> = {
  tactic: 'Tactic',
  technique: 'Technique',
  mitigation: 'Mitigation',
  'case-study': 'Case study',
  owasp: 'OWASP',
};

export const OWASP_LIST_LABELS: Record<string, string> = {
  'llm-2025': 'OWASP Top 10 for LLM Applications 2025',
  'ml-2023': 'OWASP Machine Learning Security Top 10 2023',
};
