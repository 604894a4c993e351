// Browser mode's request checks: the server listens on 127.0.0.1 only, and every API request must
// carry the per-launch token and come from the app's own origin (defeats DNS rebinding and
// cross-site requests from other pages in the same browser).

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  token: string | undefined;
  contentType: string | undefined;
}

export type RequestVerdict = { allowed: true } | { allowed: false; status: number; code: string; message: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Constant-time comparison of two strings. */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function checkHost(host: string | undefined, port: number): RequestVerdict {
  if (!host || !allowedHosts(port).includes(host.toLowerCase())) {
    return { allowed: false, status: 421, code: 'E_BAD_HOST', message: 'This server answers only to 127.0.0.1 and localhost.' };
  }
  return { allowed: true };
}

export function checkApiRequest(facts: RequestFacts, port: number, expectedToken: string): RequestVerdict {
  const host = checkHost(facts.host, port);
  if (!host.allowed) return host;
  if (facts.method !== 'POST') {
    return { allowed: false, status: 405, code: 'E_METHOD', message: 'API calls are POST requests.' };
  }
  if (facts.origin !== undefined && !allowedHosts(port).some((h) => facts.origin === `http://${h}`)) {
    return { allowed: false, status: 403, code: 'E_BAD_ORIGIN', message: 'Requests from other sites are refused.' };
  }
  if (!facts.token || !sameSecret(facts.token, expectedToken)) {
    return { allowed: false, status: 401, code: 'E_BAD_TOKEN', message: 'Missing or wrong session token; open the address the server printed.' };
  }
  // The media type exactly (parameters such as charset aside): not application/jsonp, not …+json.
  const mediaType = facts.contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return { allowed: false, status: 415, code: 'E_CONTENT_TYPE', message: 'API calls send application/json.' };
  }
  return { allowed: true };
}
