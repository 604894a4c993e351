// Every security decision of the Electron shell, as pure functions with unit tests (policy.test.ts).
// main.ts only wires these into Electron's hooks.
import { contentSecurityPolicy } from '../core/security/csp';
import { RENDERER_MIME_TYPES } from '../core/security/mime';
import path from 'node:path';
import { MODEL_EXTENSION } from '../core/host/files/path-policy';

export const APP_SCHEME = 'mercator';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** BrowserWindow webPreferences: the renderer is sandboxed, isolated and has no Node. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
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
  } as const;
}

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the app's own pages is never allowed (links open through openExternal). */
export function isNavigationAllowed(target: string): boolean {
  return isAppUrl(target);
}

/**
 * Every request the page makes must stay inside the app: its own protocol and blob: URLs it created
 * (exported reports being saved); the devtools only in a development build, never in a packaged
 * app. Nothing reaches the network.
 */
export function isRequestAllowed(raw: string, options: { packaged: boolean } = { packaged: true }): boolean {
  if (raw.startsWith('devtools:')) return !options.packaged;
  return raw.startsWith(`${APP_SCHEME}:`) || raw.startsWith(`blob:${APP_ORIGIN}/`);
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

/** Mercator needs no camera, microphone, notifications, geolocation … : every request is denied. */
export function decidePermission(_permission: string): boolean {
  return false;
}

/** Nor any device: HID, serial, USB and Bluetooth access and choosers are all refused. */
export function decideDevicePermission(_details: unknown): boolean {
  return false;
}

/** window.open and target=_blank never create windows. */
export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

export function responseSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connectSelf: false }),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}


/**
 * Maps an app-protocol request to a file inside the built renderer folder, or null. Only plain
 * relative paths under the root resolve; anything with traversal, encoded separators or another
 * host is refused.
 */
export function resolveAppRequest(raw: string): { relativePath: string; mimeType: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!isAppUrl(raw)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const segments = pathname.split('/').slice(1);
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null;
  const ext = /\.[a-z0-9]+$/i.exec(pathname)?.[0]?.toLowerCase() ?? '';
  const mimeType = RENDERER_MIME_TYPES[ext];
  if (!mimeType) return null;
  return { relativePath: segments.join('/'), mimeType };
}

/** The text of the confirmation shown before a link opens in the system browser. */
export function externalLinkPrompt(url: string) {
  return {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open a web page',
    message: 'Open this address in your web browser?',
    detail: url,
  };
}

export type LaunchFile =
  | { kind: 'open'; path: string }
  | { kind: 'outside'; absolute: string };

/**
 * The model file a launch asks for: the last command-line argument naming a "*.mercator.json" file
 * (flags and Chromium switches ignored), resolved against the launch's working folder. Inside the
 * workspace it becomes the workspace-relative path the UI opens; anywhere else it is reported, never
 * read, because the UI only reads files inside the workspace.
 */
export function launchFileRequest(argv: readonly unknown[], cwd: string, workspaceRoot: string): LaunchFile | null {
  const named = argv
    .slice(1)
    .filter((arg): arg is string => typeof arg === 'string' && !arg.startsWith('-') && arg.toLowerCase().endsWith(MODEL_EXTENSION) && !arg.includes('\0'));
  const last = named.at(-1);
  if (!last) return null;
  const absolute = path.resolve(cwd, last);
  const relative = path.relative(workspaceRoot, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'outside', absolute };
  return { kind: 'open', path: relative.split(path.sep).join('/') };
}

/** The message shown when a launch names a model outside the workspace folder. */
export function outsideWorkspacePrompt(absolute: string, workspaceRoot: string) {
  return {
    type: 'info' as const,
    buttons: ['OK'],
    title: 'File outside the workspace',
    message: 'Mercator opens models from its workspace folder only.',
    detail: `${absolute}\n\nMove or copy the file into ${workspaceRoot} and open it from there.`,
  };
}
