// The renderer's one way to reach its host. In Electron the preload exposes `window.mercator`
// (one function per contract call, over IPC); in browser mode calls go over HTTP to 127.0.0.1 with
// the per-launch token. Both answer with the same result envelopes.
import type { ApiCallName } from '../../../core/api/names';
import type { ApiInput, ApiOutput } from '../../../core/api/contract';
import type { Result } from '../../../core/api/result';

type Bridge = { [N in ApiCallName]: (input: unknown) => Promise<Result<unknown>> };

declare global {
  interface Window {
    mercator?: Bridge;
    /** Electron only: models named when Mercator was launched (or launched again) with a file. */
    mercatorShell?: { onOpenFile(listener: (path: string) => void): void };
  }
}

const TOKEN_KEY = 'mercator.token';

function browserToken(): string | null {
  const match = /(?:^#|&)token=([0-9a-f]{16,128})/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    // Keep the token out of the address bar (and out of screenshots and bookmarks).
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

let token: string | null | undefined;

export async function call<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<Result<ApiOutput<N>>> {
  const bridge = window.mercator;
  if (bridge) return (await bridge[name](input)) as Result<ApiOutput<N>>;
  if (token === undefined) token = browserToken();
  try {
    const response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mercator-Token': token ?? '' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<ApiOutput<N>>;
  } catch (error) {
    return {
      ok: false,
      error: { code: 'E_OFFLINE', message: `Mercator's host did not answer (${String(error)}). Is the server still running?` },
    };
  }
}

/** Like call(), but throws an ApiCallError so UI code can use try/catch. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function callOrThrow<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = await call(name, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.details);
  return result.value;
}
