// Links that leave the app: https only, to the catalog's own sites, nothing that hides where it goes.
import { describe, expect, it } from 'vitest';
import { checkExternalUrl, EXTERNAL_HOST_ALLOWLIST } from './external-url';

describe('checkExternalUrl', () => {
  it.each([
    ['https://atlas.mitre.org/techniques/AML.T0051', 'https://atlas.mitre.org/techniques/AML.T0051'],
    ['https://owasp.org/www-project-machine-learning-security-top-10/', 'https://owasp.org/www-project-machine-learning-security-top-10/'],
    ['https://genai.owasp.org/llmrisk/llm01-prompt-injection/', 'https://genai.owasp.org/llmrisk/llm01-prompt-injection/'],
    ['https://www.owasp.org/', 'https://www.owasp.org/'],
    ['HTTPS://ATLAS.MITRE.ORG/x', 'https://atlas.mitre.org/x'],
    ['https://atlas.mitre.org:443/', 'https://atlas.mitre.org/'],
  ])('allows %s', (raw, normalized) => {
    expect(checkExternalUrl(raw)).toEqual({ allowed: true, url: normalized });
  });

  it.each([
    ['http://atlas.mitre.org/', /only https/],
    ['javascript:alert(1)', /only https/],
    ['JaVaScRiPt:alert(1)', /only https/],
    ['data:text/html,<script>alert(1)</script>', /only https/],
    ['file:///etc/passwd', /only https/],
    ['ftp://atlas.mitre.org/', /only https/],
    ['mercator://app/index.html', /only https/],
    ['https://atlas.mitre.org.evil.com/', /not one of the catalog sites/],
    ['https://evil.com/atlas.mitre.org', /not one of the catalog sites/],
    ['https://evilatlas.mitre.org/', /not one of the catalog sites/],
    ['https://mitre.org/', /not one of the catalog sites/],
    ['https://atlas.mitre.org./', /not one of the catalog sites/],
    ['https://xn--tlas-1na.mitre.org/', /not one of the catalog sites/],
    ['https://аtlas.mitre.org/', /not one of the catalog sites/], // Cyrillic а
    ['https://owasp.org@evil.com/', /user names or passwords/],
    ['https://user:pass@atlas.mitre.org/', /user names or passwords/],
    ['https://atlas.mitre.org:8443/', /ports/],
    ['https://127.0.0.1/', /not one of the catalog sites/],
    ['//atlas.mitre.org/', /not a valid web address/],
    ['atlas.mitre.org', /not a valid web address/],
    ['', /not a valid web address/],
  ])('refuses %s', (raw, reason) => {
    const verdict = checkExternalUrl(raw);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason);
  });

  it('allows only the catalog sites', () => {
    expect([...EXTERNAL_HOST_ALLOWLIST].sort()).toEqual(['atlas.mitre.org', 'genai.owasp.org', 'owasp.org']);
  });
});
