import type { Model } from '../model/schema';

// What an import returns: a model that passes loadModelValue, notes for the user, and the kind
// guesses the UI asks the user to confirm.

/** Every format Mercator imports, in the order the UI lists them. */
export const IMPORT_FORMAT_IDS = ['threat-dragon', 'cyclonedx', 'otm', 'threat-composer', 'tmbom', 'tm7'] as const;
export type ImportFormat = (typeof IMPORT_FORMAT_IDS)[number];

/** What each format is called in messages and the UI. */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  'threat-dragon': 'OWASP Threat Dragon',
  cyclonedx: 'CycloneDX ML-BOM',
  otm: 'Open Threat Model (OTM)',
  'threat-composer': 'AWS Threat Composer',
  tmbom: 'TM-BOM (OWASP Threat Model Library)',
  tm7: 'Microsoft Threat Modeling Tool (.tm7)',
};

export interface ImportNote {
  level: 'info' | 'warning';
  /** JSON Pointer into the imported file, '' for the whole file. */
  pointer: string;
  message: string;
}

export interface KindGuess {
  componentId: string;
  label: string;
  /** What the source called it: "tm.Process", "machine-learning-model" … */
  sourceType: string;
  kind: string;
  /** 0–1: how sure the guess is (1 = the source type says it outright). */
  confidence: number;
  reason: string;
}

export interface ImportProblem {
  code:
    | 'E_JSON_SYNTAX'
    | 'E_YAML_SYNTAX'
    | 'E_YAML_ALIASES'
    | 'E_XML_SYNTAX'
    | 'E_XML_DTD'
    | 'E_IMPORT_FORMAT'
    | 'E_IMPORT_INVALID'
    | 'E_TOO_LARGE'
    | 'E_TOO_DEEP'
    | 'E_FORBIDDEN_KEY'
    | 'E_SCHEMA';
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * A threat the source file already records (Threat Dragon, TMT, OTM, Threat Composer, TM-BOM), kept
 * as a structured item on the element it is about.
 */
export interface ImportedThreat {
  /** Valid model id, unique within the import. */
  id: string;
  subject: { type: 'component' | 'flow' | 'zone'; id: string };
  title: string;
  description: string;
  /** The source tool's name for it: "threat-dragon", "tm7" … */
  tool: ImportFormat;
  /** The threat's id in the source file. */
  ref?: string;
  /** The source's category: STRIDE letter or word, LINDDUN … */
  type?: string;
  /** The source's status word, as written ("Open", "Mitigated", "threatResolved" …). */
  status?: string;
  /** The source's severity or priority word ("High" …). */
  severity?: string;
  mitigation?: string;
  /** Where the threat is in the source file. */
  pointer: string;
}

export type ImportResult =
  | { ok: true; format: ImportFormat; model: Model; notes: ImportNote[]; guesses: KindGuess[]; threats: ImportedThreat[] }
  | { ok: false; errors: ImportProblem[] };

export class ImportError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

export function invalid(pointer: string, message: string): ImportError {
  return new ImportError({ code: 'E_IMPORT_INVALID', pointer, message });
}
