// Links that leave the app go only to the catalog's official sites, over https, and only after the
// user has seen the full address.

export const EXTERNAL_HOST_ALLOWLIST = ['atlas.mitre.org', 'owasp.org', 'genai.owasp.org'] as const;

export type ExternalUrlVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

export function checkExternalUrl(raw: string): ExternalUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a valid web address' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `only https links open (this one is ${url.protocol})` };
  if (url.username || url.password) return { allowed: false, reason: 'links with user names or passwords do not open' };
  if (url.port !== '') return { allowed: false, reason: 'links with explicit ports do not open' };
  const host = url.hostname.toLowerCase();
  const allowed = EXTERNAL_HOST_ALLOWLIST.some((h) => host === h || host === 'www.' + h);
  if (!allowed) {
    return { allowed: false, reason: `${host} is not one of the catalog sites (${EXTERNAL_HOST_ALLOWLIST.join(', ')})` };
  }
  return { allowed: true, url: url.href };
}
