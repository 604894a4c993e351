// One entry point for every transport: look the call up in the contract, validate its input, run the
// handler, and always answer with a result envelope — never throw across a process boundary.
import { contract, type ApiOutput, type ApiParsedInput } from '../api/contract';
import { isApiCallName, type ApiCallName } from '../api/names';
import { ApiFailure, fail, ok, type Result } from '../api/result';
import { zodIssuesToErrors } from '../model/load';

export type Handlers = { [N in ApiCallName]: (input: ApiParsedInput<N>) => Promise<ApiOutput<N>> };

export interface DispatchOptions {
  /** Check handler outputs against the contract too (tests and development). */
  checkOutput?: boolean;
  onUnexpectedError?: (name: string, error: unknown) => void;
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isApiCallName(name)) {
    return fail('E_UNKNOWN_CALL', `"${String(name).slice(0, 100)}" is not an API call.`);
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = zodIssuesToErrors(parsed.error);
    const first = problems[0];
    return fail(
      'E_INVALID_INPUT',
      `Invalid input for ${name}${first ? `: ${first.message} at ${first.pointer || 'the top level'}` : ''}.`,
      problems,
    );
  }
  try {
    const handler = handlers[name] as (value: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    if (options.checkOutput) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        return fail('E_INTERNAL', `The ${name} handler returned data outside the contract.`, zodIssuesToErrors(checked.error));
      }
    }
    return ok(value);
  } catch (error) {
    if (error instanceof ApiFailure) return fail(error.code, error.message, error.details);
    options.onUnexpectedError?.(name, error);
    return fail('E_INTERNAL', `${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}
