// The Electron shell's security decisions (policy.ts), tested as pure functions because the
// Electron binary cannot run on the build machines.
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  APP_ORIGIN,
  decidePermission,
  decideWindowOpen,
  externalLinkPrompt,
  isAppUrl,
  isNavigationAllowed,
  isTrustedSender,
  launchFileRequest,
  outsideWorkspacePrompt,
  resolveAppRequest,
  responseSecurityHeaders,
  secureWebPreferences,
} from './policy';

describe('secureWebPreferences', () => {
  it('sandboxes and isolates the renderer, with no Node anywhere', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
  });
});

describe('navigation, windows and permissions', () => {
  it('allows navigation only within the app’s own origin', () => {
    expect(APP_ENTRY).toBe('mercator://app/index.html');
    expect(isNavigationAllowed(APP_ENTRY)).toBe(true);
    expect(isNavigationAllowed(`${APP_ORIGIN}/assets/x.js`)).toBe(true);
    for (const target of [
      'https://atlas.mitre.org/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'mercator://evil/index.html',
      'mercator://app.evil/index.html',
      'mercator://app:8080/index.html',
      'MERCATOR2://app/index.html',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isNavigationAllowed(target), target).toBe(false);
    }
  });

  it('never opens new windows', () => {
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
  });

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'unknown']) {
      expect(decidePermission(permission), permission).toBe(false);
    }
  });

  it('trusts IPC only from the app’s main frame', () => {
    expect(isTrustedSender(APP_ENTRY, true)).toBe(true);
    expect(isTrustedSender(APP_ENTRY, false)).toBe(false); // a sub-frame
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('file:///app/index.html', true)).toBe(false);
    expect(isTrustedSender('mercator://other/index.html', true)).toBe(false);
    expect(isTrustedSender('devtools://devtools/bundled/x.html', true)).toBe(false);
  });

  it('recognises app URLs exactly', () => {
    expect(isAppUrl('mercator://app/')).toBe(true);
    expect(isAppUrl('mercator://APP/')).toBe(false);
    expect(isAppUrl('mercator:app/index.html')).toBe(false);
  });
});

describe('resolveAppRequest', () => {
  it('maps app URLs to files of the built renderer with their MIME type', () => {
    expect(resolveAppRequest('mercator://app/')).toEqual({ relativePath: 'index.html', mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('mercator://app/index.html?x=1#y')).toEqual({ relativePath: 'index.html', mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('mercator://app/assets/index-abc.js')).toEqual({ relativePath: 'assets/index-abc.js', mimeType: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest('mercator://app/favicon.svg')).toMatchObject({ mimeType: 'image/svg+xml' });
    expect(resolveAppRequest('mercator://app/assets/a%20b.css')).toEqual({ relativePath: 'assets/a b.css', mimeType: 'text/css; charset=utf-8' });
  });

  it('clamps plain dot segments at the renderer root, as URL parsing does (never above it)', () => {
    expect(resolveAppRequest('mercator://app/../package.json')).toEqual({ relativePath: 'package.json', mimeType: 'application/json' });
    expect(resolveAppRequest('mercator://app/%2e%2e/%2E%2E/assets/../x.js')).toEqual({ relativePath: 'x.js', mimeType: 'text/javascript; charset=utf-8' });
  });

  it.each([
    'mercator://app/assets/..%2f..%2fpackage.json',
    'mercator://app/assets/%2e%2e%2f%2e%2e%2fmain.cjs',
    'mercator://app/..%5c..%5cpackage.json',
    'mercator://app/assets%5c..%5c..%5cmain.js',
    'mercator://app//etc/passwd.js',
    'mercator://app/assets//x.js',
    'mercator://app/index.html%00.js',
    'mercator://app/%E0%A4%A',
    'mercator://app/main.cjs',
    'mercator://app/package',
    'mercator://app/secrets.env',
    'mercator://evil/index.html',
    'mercator://app.evil.example/index.html',
    'mercator://user@evil/index.html',
    'https://app/index.html',
    'file:///index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url)).toBeNull();
  });
});

describe('response headers and prompts', () => {
  it('sends a CSP without unsafe-eval or unsafe-inline scripts, and no network in Electron', () => {
    const headers = responseSecurityHeaders();
    const csp = headers['Content-Security-Policy']!;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|http:|https:/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('shows the full address before opening a link, with Cancel as the default', () => {
    const prompt = externalLinkPrompt('https://atlas.mitre.org/techniques/AML.T0051');
    expect(prompt.detail).toBe('https://atlas.mitre.org/techniques/AML.T0051');
    expect(prompt.buttons[prompt.defaultId]).toBe('Cancel');
    expect(prompt.cancelId).toBe(prompt.defaultId);
  });
});

describe('device permissions', () => {
  it('denies every device', async () => {
    const { decideDevicePermission } = await import('./policy');
    for (const deviceType of ['hid', 'serial', 'usb', 'bluetooth']) expect(decideDevicePermission({ deviceType }), deviceType).toBe(false);
  });
});

describe('isRequestAllowed', () => {
  it('lets the app protocol and its own blobs through, devtools only in a development build, and nothing else', async () => {
    const { isRequestAllowed } = await import('./policy');
    expect(isRequestAllowed('mercator://app/index.html')).toBe(true);
    expect(isRequestAllowed('blob:mercator://app/1234-5678')).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { packaged: false })).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { packaged: true })).toBe(false);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html')).toBe(false); // packaged unless told otherwise
    for (const url of ['https://atlas.mitre.org/', 'http://127.0.0.1:80/', 'file:///etc/passwd', 'blob:https://evil.example/1', 'data:text/html,hi', 'ws://localhost/']) {
      expect(isRequestAllowed(url)).toBe(false);
    }
  });
});

describe('launchFileRequest', () => {
  const root = '/home/ana/Documents/Mercator';
  it('takes the last model file named, relative to the launch folder, as a workspace path', () => {
    expect(launchFileRequest(['mercator', 'a.mercator.json', 'plans/b.mercator.json'], root, root)).toEqual({ kind: 'open', path: 'plans/b.mercator.json' });
    expect(launchFileRequest(['mercator', `${root}/x/C.Mercator.JSON`], '/tmp', root)).toEqual({ kind: 'open', path: 'x/C.Mercator.JSON' });
  });
  it('ignores the executable, flags, switches and other files', () => {
    expect(launchFileRequest(['/opt/Mercator/mercator.mercator.json'], root, root)).toBeNull();
    expect(launchFileRequest(['mercator', '--inspect', '-x.mercator.json', 'notes.txt', '.'], root, root)).toBeNull();
    expect(launchFileRequest(['mercator', 42, null], root, root)).toBeNull();
  });
  it('reports a model outside the workspace (traversal included) without turning it into a path the UI reads', () => {
    expect(launchFileRequest(['mercator', '../elsewhere.mercator.json'], root, root)).toEqual({ kind: 'outside', absolute: '/home/ana/Documents/elsewhere.mercator.json' });
    expect(launchFileRequest(['mercator', '/tmp/a.mercator.json'], root, root)).toEqual({ kind: 'outside', absolute: '/tmp/a.mercator.json' });
    const prompt = outsideWorkspacePrompt('/tmp/a.mercator.json', root);
    expect(prompt.detail).toContain('/tmp/a.mercator.json');
    expect(prompt.detail).toContain(root);
  });
});
