// The catalog as one normalized, validated value: what the built-in data and an official ATLAS
// release both parse into, what the SQLite catalog is built from, and what diffs compare.

export type TextSource = 'builtin' | 'official';
export type OwaspList = 'llm-2025' | 'ml-2023';
export type CrosswalkProvenance = 'owasp' | 'mercator';

export interface CatalogTactic {
  id: string;
  name: string;
  summary: string;
  url: string;
  /** The matching ATT&CK tactic id, when ATLAS names one. */
  attack?: string;
}

export interface CatalogTechnique {
  id: string;
  name: string;
  summary: string;
  url: string;
  maturity?: string;
  /** Tactic ids as the source lists them (sub-techniques usually list none). */
  tactics: string[];
  /** The parent technique id, for sub-techniques. */
  parent?: string;
}

export interface CatalogMitigation {
  id: string;
  name: string;
  summary: string;
  url: string;
  category: string[];
  lifecycle: string[];
  /** Addressed technique ids, each once, in source order. */
  techniques: string[];
}

export interface CatalogProcedureStep {
  tactic: string;
  technique: string;
}

export interface CatalogCaseStudy {
  id: string;
  name: string;
  summary: string;
  url: string;
  caseType: string;
  /** YYYY-MM-DD. */
  date: string;
  dateGranularity: string;
  target: string;
  actor: string;
  procedure: CatalogProcedureStep[];
}

export interface CatalogOwaspEntry {
  id: string;
  list: OwaspList;
  name: string;
  summary: string;
  url: string;
  prevention: string[];
}

export interface CatalogCrosswalkLink {
  owasp: string;
  atlas: string;
  provenance: CrosswalkProvenance;
  reason?: string;
}

export interface CatalogMeta {
  atlasVersion: string;
  textSource: TextSource;
}

/** The ATLAS part of a catalog (what an official release provides). */
export interface AtlasCatalog {
  version: string;
  tactics: CatalogTactic[];
  techniques: CatalogTechnique[];
  mitigations: CatalogMitigation[];
  caseStudies: CatalogCaseStudy[];
}

export interface Catalog {
  meta: CatalogMeta;
  tactics: CatalogTactic[];
  techniques: CatalogTechnique[];
  mitigations: CatalogMitigation[];
  caseStudies: CatalogCaseStudy[];
  owasp: CatalogOwaspEntry[];
  crosswalk: CatalogCrosswalkLink[];
}

/** A problem found in a source, named by where it is: `matrices[0].techniques[12].tactics`. */
export interface CatalogProblem {
  path: string;
  message: string;
}

export type CatalogParseResult<T> = { ok: true; value: T } | { ok: false; errors: CatalogProblem[] };

export function formatProblem(problem: CatalogProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}
