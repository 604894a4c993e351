// Every problem found in a model file has a code, a JSON Pointer to the place, and a message a
// person can act on (DESIGN.md §7).

export const MODEL_ERROR_CODES = {
  E_TOO_LARGE: 'the file is larger than a model may be',
  E_ENCODING: 'the file is not valid UTF-8 text',
  E_TOO_DEEP: 'the file is nested more deeply than a model may be',
  E_JSON_SYNTAX: 'the file is not well-formed JSON',
  E_FORBIDDEN_KEY: 'the file uses a key that is reserved in JavaScript',
  E_NOT_A_MODEL: 'the file is JSON but not a Mercator model',
  E_UNSUPPORTED_VERSION: 'the file has a schema version this build cannot read',
  E_SCHEMA: 'a value does not have the type or form the format requires',
  E_DUPLICATE_ID: 'two elements share one id',
  E_UNKNOWN_KIND: 'a component or zone has a kind this build does not know',
  E_DANGLING_FLOW: 'a flow starts or ends at a component that does not exist',
  E_DANGLING_ZONE: 'an element refers to a zone that does not exist',
  E_ZONE_CYCLE: 'zones contain each other in a cycle',
  E_DANGLING_SUBJECT: 'a threat or view refers to an element that does not exist',
  E_BASELINE_TAMPERED: 'a signed-off baseline no longer matches its hash (it was changed after sign-off)',
} as const;

export const MODEL_WARNING_CODES = {
  W_BOM: 'a UTF-8 byte-order mark at the start of the file was ignored',
  W_LAYOUT_ORPHAN: 'layout for an element that does not exist was dropped',
  W_COMMENT_ORPHAN: 'a comment thread is about an element that no longer exists (it is kept)',
} as const;

export type ModelErrorCode = keyof typeof MODEL_ERROR_CODES;
export type ModelWarningCode = keyof typeof MODEL_WARNING_CODES;

export interface ModelProblem<C extends string = ModelErrorCode> {
  code: C;
  /** RFC 6901 JSON Pointer to the offending place ('' is the whole document). */
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

export type ModelError = ModelProblem<ModelErrorCode>;
export type ModelWarning = ModelProblem<ModelWarningCode>;

export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function describePlace(pointer: string): string {
  return pointer === '' ? 'the document' : pointer;
}

export function formatProblem(problem: ModelProblem<string>, file?: string): string {
  const where = [file, problem.line !== undefined ? `${problem.line}:${problem.column ?? 1}` : undefined]
    .filter(Boolean)
    .join(':');
  return `${where ? where + ': ' : ''}${problem.code} at ${describePlace(problem.pointer)}: ${problem.message}`;
}
