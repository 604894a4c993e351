import type { Model } from '../model/schema';

// What an import returns: a model that passes loadModelValue, notes for the user, and the kind
// guesses the UI asks the user to confirm.

export type ImportFormat = 'threat-dragon' | 'cyclonedx';

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
  code: 'E_JSON_SYNTAX' | 'E_IMPORT_FORMAT' | 'E_IMPORT_INVALID' | 'E_TOO_LARGE' | 'E_TOO_DEEP' | 'E_FORBIDDEN_KEY' | 'E_SCHEMA';
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

export type ImportResult =
  | { ok: true; format: ImportFormat; model: Model; notes: ImportNote[]; guesses: KindGuess[] }
  | { ok: false; errors: ImportProblem[] };

export class ImportError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

export function invalid(pointer: string, message: string): ImportError {
  return new ImportError({ code: 'E_IMPORT_INVALID', pointer, message });
}
