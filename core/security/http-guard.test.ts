// Browser mode's request checks as pure functions (web-server.test.ts sends the same over HTTP).
import { describe, expect, it } from 'vitest';
import { allowedHosts, checkApiRequest, checkHost, sameSecret, type RequestFacts } from './http-guard';
import { contentSecurityPolicy } from './csp';

const PORT = 4321;
const TOKEN = 'a'.repeat(48);
const good: RequestFacts = { method: 'POST', host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}`, token: TOKEN, contentType: 'application/json' };

describe('http guard', () => {
  it('allows the app’s own requests', () => {
    expect(checkApiRequest(good, PORT, TOKEN)).toEqual({ allowed: true });
    expect(checkApiRequest({ ...good, host: `localhost:${PORT}`, origin: `http://localhost:${PORT}` }, PORT, TOKEN)).toEqual({ allowed: true });
    expect(checkApiRequest({ ...good, origin: undefined }, PORT, TOKEN)).toEqual({ allowed: true });
    expect(checkApiRequest({ ...good, contentType: 'Application/JSON; charset=UTF-8' }, PORT, TOKEN)).toEqual({ allowed: true });
  });

  it.each<[string, Partial<RequestFacts>, number, string]>([
    ['foreign host', { host: 'evil.example' }, 421, 'E_BAD_HOST'],
    ['missing host', { host: undefined }, 421, 'E_BAD_HOST'],
    ['other port', { host: `127.0.0.1:${PORT + 1}` }, 421, 'E_BAD_HOST'],
    ['GET', { method: 'GET' }, 405, 'E_METHOD'],
    ['foreign origin', { origin: 'https://evil.example' }, 403, 'E_BAD_ORIGIN'],
    ['null origin', { origin: 'null' }, 403, 'E_BAD_ORIGIN'],
    ['https origin', { origin: `https://127.0.0.1:${PORT}` }, 403, 'E_BAD_ORIGIN'],
    ['no token', { token: undefined }, 401, 'E_BAD_TOKEN'],
    ['wrong token', { token: 'b'.repeat(48) }, 401, 'E_BAD_TOKEN'],
    ['prefix of the token', { token: TOKEN.slice(0, 10) }, 401, 'E_BAD_TOKEN'],
    ['no content type', { contentType: undefined }, 415, 'E_CONTENT_TYPE'],
    ['text/plain', { contentType: 'text/plain' }, 415, 'E_CONTENT_TYPE'],
    ['application/jsonp', { contentType: 'application/jsonp' }, 415, 'E_CONTENT_TYPE'],
  ])('refuses %s', (_label, change, status, code) => {
    expect(checkApiRequest({ ...good, ...change }, PORT, TOKEN)).toMatchObject({ allowed: false, status, code });
  });

  it('checks hosts case-insensitively and only for 127.0.0.1 and localhost', () => {
    expect(allowedHosts(PORT)).toEqual([`127.0.0.1:${PORT}`, `localhost:${PORT}`]);
    expect(checkHost(`LOCALHOST:${PORT}`, PORT).allowed).toBe(true);
    expect(checkHost(`[::1]:${PORT}`, PORT).allowed).toBe(false);
    expect(checkHost(`0.0.0.0:${PORT}`, PORT).allowed).toBe(false);
  });

  it('compares secrets exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });

  it('browser mode’s CSP allows only its own origin for fetches', () => {
    const csp = contentSecurityPolicy({ connectSelf: true });
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  });
});
