// The Electron shell's wiring, against Electron's security checklist (docs/security.md). The Electron
// binary cannot run here, so the real electron/main.ts and electron/preload.ts are loaded with a thin
// recording fake of the `electron` module — a fake of Electron only: main runs the real handlers on a
// temporary workspace, serves the real built renderer, and applies the real policies.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_CALL_NAMES } from '../../core/api/names';
import { createEmptyModel } from '../../core/model/schema';

type Fn = (...args: never[]) => unknown;
type Listener = (...args: unknown[]) => unknown;
interface Frame {
  url: string;
}

const fake = vi.hoisted(() => {
  /** Every call that matters for ordering, in the order it happened. */
  const log: string[] = [];
  const state = {
    appPath: '',
    paths: {} as Record<string, string>,
    ready: false,
    focused: null as unknown,
    /** The button the next message box answers with (0 = open, 1 = cancel). */
    nextResponse: 0,
  };

  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }

  class WebContents extends Emitter {
    readonly mainFrame: Frame = { url: '' };
    windowOpenHandler: Listener | null = null;
    readonly sent: unknown[][] = [];
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }

  const app = Object.assign(new Emitter(), {
    sandboxEnabled: false,
    enableSandbox() {
      log.push('app.enableSandbox');
      app.sandboxEnabled = true;
    },
    markReady: () => {},
    whenReady() {
      return new Promise<void>((resolve) => {
        app.markReady = () => {
          state.ready = true;
          log.push('app.ready');
          resolve();
        };
      });
    },
    isReady: () => state.ready,
    getAppPath: () => state.appPath,
    getPath(name: string) {
      const found = state.paths[name];
      if (!found) throw new Error(`fake app.getPath: no path for "${name}"`);
      return found;
    },
    getName: () => 'Mercator',
    getVersion: () => '0.0.0-test',
    isPackaged: false,
    singleInstanceLockRequested: 0,
    requestSingleInstanceLock() {
      app.singleInstanceLockRequested++;
      return true;
    },
    quit: vi.fn(),
    exit: vi.fn(),
  });

  class BrowserWindow extends Emitter {
    static readonly created: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.created.filter((w) => !w.closed);
    static getFocusedWindow = () => state.focused;
    readonly webContents = new WebContents();
    readonly loaded: string[] = [];
    closed = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      log.push('new BrowserWindow');
      BrowserWindow.created.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      this.webContents.mainFrame.url = url;
    }
    show() {}
    focused = 0;
    isMinimized = () => false;
    restore() {}
    focus() {
      this.focused++;
    }
  }

  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges: Record<string, unknown>; beforeReady: boolean }>,
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, unknown> }>) {
      for (const s of schemes) protocol.privileged.push({ ...s, beforeReady: !state.ready });
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      protocol.handlers.set(scheme, handler);
    },
  };

  const defaultSession = Object.assign(new Emitter(), {
    devicePermission: null as Listener | null,
    setDevicePermissionHandler(h: Listener) {
      defaultSession.devicePermission = h;
    },
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as Listener | null,
    setPermissionRequestHandler(h: Listener) {
      defaultSession.permissionRequest = h;
    },
    setPermissionCheckHandler(h: Listener) {
      defaultSession.permissionCheck = h;
    },
    webRequest: {
      onBeforeRequest(h: Listener) {
        defaultSession.beforeRequest = h;
      },
    },
  });

  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle(channel: string, handler: Listener) {
      ipcMain.handlers.set(channel, handler);
    },
  };

  const dialog = {
    boxes: [] as Array<{ window: unknown; options: Record<string, unknown> }>,
    errors: [] as string[],
    async showMessageBox(a: unknown, b?: unknown) {
      log.push('dialog.showMessageBox');
      const [window, options] = b === undefined ? [null, a] : [a, b];
      dialog.boxes.push({ window, options: options as Record<string, unknown> });
      return { response: state.nextResponse, checkboxChecked: false };
    },
    showErrorBox(title: string, content: string) {
      dialog.errors.push(`${title}: ${content}`);
    },
  };

  const shell = {
    opened: [] as string[],
    async openExternal(url: string) {
      log.push('shell.openExternal');
      shell.opened.push(url);
    },
  };

  const Menu = {
    applied: [] as unknown[],
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu(menu: unknown) {
      Menu.applied.push(menu);
    },
  };

  /** Electron's net.fetch for file: URLs — it rejects when the file does not exist. */
  const net = {
    fetched: [] as string[],
    async fetch(url: string) {
      net.fetched.push(url);
      const { readFile } = await import('node:fs/promises');
      const { fileURLToPath: toPath } = await import('node:url');
      try {
        return new Response(await readFile(toPath(url)), { status: 200 });
      } catch {
        throw new Error('net::ERR_FILE_NOT_FOUND');
      }
    },
  };

  const contextBridge = {
    exposed: [] as Array<{ key: string; api: Record<string, Fn> }>,
    exposeInMainWorld(key: string, api: Record<string, Fn>) {
      contextBridge.exposed.push({ key, api });
    },
  };

  const ipcRenderer = {
    invoked: [] as unknown[][],
    listeners: new Map<string, Fn>(),
    on(channel: string, listener: Fn) {
      ipcRenderer.listeners.set(channel, listener);
    },
    async invoke(...args: unknown[]) {
      ipcRenderer.invoked.push(args);
      return { ok: true, value: 'forwarded' };
    },
  };

  const electron = { app, BrowserWindow, protocol, session: { defaultSession }, ipcMain, dialog, shell, Menu, net, contextBridge, ipcRenderer };
  return { log, state, electron, WebContents };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { app, BrowserWindow, protocol, session, ipcMain, dialog, shell, Menu, contextBridge, ipcRenderer } = fake.electron;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let tmp: string;
let afterImport: { log: string[]; windows: number; handlers: number };

async function until(what: string, check: () => boolean) {
  for (let i = 0; i < 600; i++) {
    if (dialog.errors.length > 0) throw new Error(`main() failed: ${dialog.errors.join('; ')}`);
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function mainWindow() {
  const win = BrowserWindow.created[0];
  if (!win) throw new Error('no window was created');
  return win;
}

function navigationEvent() {
  return { preventDefault: vi.fn() };
}

beforeAll(async () => {
  // npm test builds first; build here only when run on its own (rebuilding would race other tests).
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'renderer'], { cwd: ROOT, stdio: 'pipe' });
  }
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mercator-electron-'));
  fake.state.appPath = ROOT;
  fake.state.paths = { documents: path.join(tmp, 'documents'), userData: path.join(tmp, 'user-data'), home: tmp };
  await import('../../electron/main');
  afterImport = { log: [...fake.log], windows: BrowserWindow.created.length, handlers: ipcMain.handlers.size };
  app.markReady();
  await until('the window to load', () => BrowserWindow.created[0]?.loaded.length === 1);
  await import('../../electron/preload');
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('before ready', () => {
  it('enables the sandbox for every renderer and registers the app scheme as privileged, before ready', () => {
    expect(app.sandboxEnabled).toBe(true);
    expect(afterImport.log).toContain('app.enableSandbox');
    expect(afterImport.log).not.toContain('app.ready');
    expect(afterImport.windows).toBe(0);
    expect(afterImport.handlers).toBe(0);
    expect(protocol.privileged).toHaveLength(1);
    const [scheme] = protocol.privileged;
    expect(scheme).toMatchObject({ scheme: 'mercator', beforeReady: true });
    expect(scheme!.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme!.privileges.bypassCSP).toBeFalsy();
  });
});

describe('the app protocol', () => {
  const get = (url: string) => {
    const handler = protocol.handlers.get('mercator');
    if (!handler) throw new Error('protocol.handle("mercator") was not called');
    return handler(new Request(url));
  };

  it('serves the built renderer from dist/renderer with the CSP and nosniff', async () => {
    const response = await get('mercator://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(readFileSync(path.join(ROOT, 'dist', 'renderer', 'index.html'), 'utf8'));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the scripts the page references', async () => {
    const html = readFileSync(path.join(ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'index.html references a script').toBeTruthy();
    const response = await get(`mercator://app/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it.each([
    ['encoded traversal to package.json', 'mercator://app/..%2F..%2Fpackage.json'],
    ['encoded backslash traversal', 'mercator://app/..%5C..%5Cpackage.json'],
    ['double-encoded traversal', 'mercator://app/%252e%252e/%252e%252e/package.json'],
    ['a file that does not exist', 'mercator://app/assets/nope.js'],
    ['an unknown file type', 'mercator://app/index.html.map'],
    ['another host', 'mercator://evil/index.html'],
  ])('answers 404 for %s', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('"name": "mercator"');
  });
});

describe('windows', () => {
  it('creates the window sandboxed, isolated, without Node or webviews, with the preload from dist/electron', () => {
    const prefs = mainWindow().options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe(path.join(ROOT, 'dist', 'electron', 'preload.cjs'));
  });

  it('loads the app over its own protocol, never file://', () => {
    expect(mainWindow().loaded).toEqual(['mercator://app/index.html']);
  });

  it('prevents navigation and redirects away from the app, and allows app URLs', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const outside of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'mercator://evil/index.html']) {
        const event = navigationEvent();
        mainWindow().webContents.emit(name, event, outside);
        expect(event.preventDefault, `${name} ${outside}`).toHaveBeenCalled();
      }
      const inside = navigationEvent();
      mainWindow().webContents.emit(name, inside, 'mercator://app/index.html');
      expect(inside.preventDefault, name).not.toHaveBeenCalled();
    }
  });

  it('denies window.open and prevents <webview>', () => {
    const contents = mainWindow().webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'mercator://app/index.html' })).toEqual({ action: 'deny' });
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens every web contents created later (web-contents-created)', () => {
    const contents = new fake.WebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const away = navigationEvent();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview, {}, { src: 'mercator://app/index.html' });
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('creates a window on activate with the same hardened options', async () => {
    mainWindow().closed = true;
    app.emit('activate');
    await until('the second window to load', () => BrowserWindow.created[1]?.loaded.length === 1);
    const second = BrowserWindow.created[1]!;
    expect(second.options.webPreferences).toEqual(mainWindow().options.webPreferences);
    expect(second.loaded).toEqual(['mercator://app/index.html']);
    mainWindow().closed = false;
    second.closed = true;
  });

  it('installs the application menu', () => {
    expect(Menu.applied).toHaveLength(1);
  });
});

describe('the session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb'])(
    'denies the %s permission, on request and on check',
    (permission) => {
      const callback = vi.fn();
      session.defaultSession.permissionRequest?.(mainWindow().webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.defaultSession.permissionCheck?.(mainWindow().webContents, permission, 'mercator://app', {})).toBe(false);
    },
  );

  it('denies device access (HID, serial, USB) and picks no device in any chooser, Bluetooth included', () => {
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(session.defaultSession.devicePermission?.({ deviceType, origin: 'mercator://app', device: {} }), deviceType).toBe(false);
    }
    const chooser = (name: string, args: unknown[]) => {
      const event = navigationEvent();
      const callback = vi.fn();
      const listeners = session.defaultSession.listeners.get(name) ?? [];
      expect(listeners, name).toHaveLength(1);
      listeners[0]!(event, ...args, callback);
      expect(event.preventDefault, name).toHaveBeenCalled();
      expect(callback, name).toHaveBeenCalledTimes(1);
      expect([null, '', undefined], name).toContain(callback.mock.calls[0]![0]);
    };
    chooser('select-hid-device', [{ deviceList: [{ deviceId: 'k1' }] }]);
    chooser('select-serial-port', [[{ portId: 'p1' }], mainWindow().webContents]);
    chooser('select-usb-device', [{ deviceList: [{ deviceId: 'u1' }] }]);
    const event = navigationEvent();
    const callback = vi.fn();
    for (const listener of mainWindow().webContents.listeners.get('select-bluetooth-device') ?? []) listener(event, [{ deviceId: 'b1' }], callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledExactlyOnceWith('');
  });

  it('takes the single-instance lock, and a second launch focuses the first window', () => {
    expect(app.singleInstanceLockRequested).toBe(1);
    const before = mainWindow().focused;
    app.emit('second-instance', {}, ['mercator', 'other.mercator.json'], '/tmp');
    expect(mainWindow().focused).toBe(before + 1);
  });

  it('forwards the file a second launch names to the first window, as a workspace path', () => {
    const workspace = realpathSync(path.join(fake.state.paths.documents!, 'Mercator'));
    const contents = mainWindow().webContents;
    contents.sent.length = 0;
    app.emit('second-instance', {}, ['mercator', '--flag', 'plans/a.mercator.json'], workspace);
    expect(contents.sent).toEqual([['mercator:open-file', 'plans/a.mercator.json']]);
    app.emit('second-instance', {}, ['mercator'], workspace);
    expect(contents.sent).toHaveLength(1);
  });

  it('explains, and sends nothing, when a second launch names a model outside the workspace', () => {
    const contents = mainWindow().webContents;
    contents.sent.length = 0;
    const boxes = dialog.boxes.length;
    app.emit('second-instance', {}, ['mercator', '/elsewhere/b.mercator.json'], '/tmp');
    expect(contents.sent).toEqual([]);
    expect(dialog.boxes).toHaveLength(boxes + 1);
    expect(String(dialog.boxes.at(-1)!.options.detail)).toContain('/elsewhere/b.mercator.json');
    dialog.boxes.length = boxes;
  });

  it('cancels every request that is not the app protocol', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      session.defaultSession.beforeRequest?.({ url, method: 'GET' }, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]![0] as { cancel: boolean };
    };
    for (const url of ['https://atlas.mitre.org/', 'http://127.0.0.1:1234/api', 'file:///etc/passwd', 'ws://evil.example/', 'ftp://evil.example/', 'blob:https://evil.example/1']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    expect(decide('mercator://app/index.html')).toEqual({ cancel: false });
    expect(decide('mercator://app/assets/app.js')).toEqual({ cancel: false });
    expect(decide('blob:mercator://app/1234-5678')).toEqual({ cancel: false });
  });
});

describe('IPC', () => {
  const trusted = (): { senderFrame: Frame | null; sender: { mainFrame: Frame } } => {
    const frame = { url: 'mercator://app/index.html' };
    return { senderFrame: frame, sender: { mainFrame: frame } };
  };
  const call = async (event: unknown, name: unknown, input: unknown) => {
    const handler = ipcMain.handlers.get('mercator:call');
    if (!handler) throw new Error('ipcMain.handle("mercator:call") was not called');
    return (await handler(event, name, input)) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
  };

  it('listens on exactly one channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual(['mercator:call']);
  });

  it('answers E_UNTRUSTED_SENDER to other pages, subframes and destroyed frames', async () => {
    const other = { url: 'https://evil.example/' };
    const fileFrame = { url: 'file:///tmp/index.html' };
    const subframe = { url: 'mercator://app/index.html' };
    const cases = [
      { senderFrame: other, sender: { mainFrame: other } },
      { senderFrame: fileFrame, sender: { mainFrame: fileFrame } },
      { senderFrame: subframe, sender: { mainFrame: { url: 'mercator://app/index.html' } } },
      { senderFrame: null, sender: { mainFrame: { url: 'mercator://app/index.html' } } },
    ];
    for (const event of cases) {
      const result = await call(event, 'app:info', {});
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('E_UNTRUSTED_SENDER');
    }
  });

  it('answers trusted calls with the real handlers on the workspace folder', async () => {
    const info = await call(trusted(), 'app:info', {});
    expect(info.ok, JSON.stringify(info)).toBe(true);
    expect(info.value).toMatchObject({ mode: 'electron', name: 'Mercator', version: '0.0.0-test' });
    expect(info.value?.workspace).toBe(path.join(tmp, 'documents', 'Mercator'));

    const examples = await call(trusted(), 'example:list', {});
    expect(examples.ok, JSON.stringify(examples)).toBe(true);
    expect((examples.value?.examples as unknown[]).length).toBeGreaterThan(0);

    const saved = await call(trusted(), 'model:save', { path: 'shell.mercator.json', model: createEmptyModel('Saved over IPC'), baseHash: null });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect(existsSync(path.join(tmp, 'documents', 'Mercator', 'shell.mercator.json'))).toBe(true);
    const opened = await call(trusted(), 'model:open', { path: 'shell.mercator.json' });
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    expect((opened.value?.model as { meta: { title: string } }).meta.title).toBe('Saved over IPC');
  });

  it('answers invalid input and refused paths with error results, never by throwing', async () => {
    const invalid = await call(trusted(), 'app:info', { extra: true });
    expect(invalid.error?.code).toBe('E_INVALID_INPUT');
    const badType = await call(trusted(), 'model:open', { path: 42 });
    expect(badType.error?.code).toBe('E_INVALID_INPUT');
    expect(badType.error?.message).toContain('model:open');
    const notAnObject = await call(trusted(), 'example:open', 'rag-support-chatbot');
    expect(notAnObject.error?.code).toBe('E_INVALID_INPUT');
    for (const outside of [path.join(tmp, 'elsewhere.mercator.json'), '../elsewhere.mercator.json']) {
      const refused = await call(trusted(), 'model:save', { path: outside, model: createEmptyModel('Escape'), baseHash: null });
      expect(refused.error?.code, outside).toBe('E_OUTSIDE_WORKSPACE');
    }
    expect(existsSync(path.join(tmp, 'elsewhere.mercator.json'))).toBe(false);
    expect(existsSync(path.join(tmp, 'documents', 'elsewhere.mercator.json'))).toBe(false);
  });

  it('answers E_UNKNOWN_CALL to names outside the contract', async () => {
    for (const name of ['fs:readFile', '__proto__', 'constructor', 42, null]) {
      const result = await call(trusted(), name, {});
      expect(result.error?.code, String(name)).toBe('E_UNKNOWN_CALL');
    }
  });
});

describe('shell:openExternal', () => {
  const call = async (url: string) => {
    const frame = { url: 'mercator://app/index.html' };
    const handler = ipcMain.handlers.get('mercator:call')!;
    return (await handler({ senderFrame: frame, sender: { mainFrame: frame } }, 'shell:openExternal', { url })) as {
      ok: boolean;
      value?: { opened: boolean; url: string };
      error?: { code: string };
    };
  };
  const reset = () => {
    fake.log.length = 0;
    dialog.boxes.length = 0;
    shell.opened.length = 0;
  };

  it('shows the full address in a message box before opening an allowed link', async () => {
    reset();
    fake.state.focused = mainWindow();
    fake.state.nextResponse = 0;
    const url = 'https://atlas.mitre.org/techniques/AML.T0051?from=mercator#details';
    const result = await call(url);
    expect(result).toEqual({ ok: true, value: { opened: true, url } });
    expect(dialog.boxes).toHaveLength(1);
    expect(dialog.boxes[0]!.window).toBe(mainWindow());
    expect(dialog.boxes[0]!.options.detail).toBe(url);
    expect(dialog.boxes[0]!.options.cancelId).toBe(1);
    expect(shell.opened).toEqual([url]);
    expect(fake.log).toEqual(['dialog.showMessageBox', 'shell.openExternal']);
  });

  it('does not open the link when the user cancels', async () => {
    reset();
    fake.state.focused = null;
    fake.state.nextResponse = 1;
    const result = await call('https://owasp.org/www-project-top-10-for-large-language-model-applications/');
    expect(result.ok).toBe(true);
    expect(result.value?.opened).toBe(false);
    expect(dialog.boxes).toHaveLength(1);
    expect(shell.opened).toEqual([]);
  });

  it.each([
    'http://atlas.mitre.org/',
    'https://evil.example/',
    'https://atlas.mitre.org.evil.example/',
    'https://user:pw@atlas.mitre.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://atlas.mitre.org/share',
  ])('never shows or opens %s', async (url) => {
    reset();
    fake.state.nextResponse = 0;
    const result = await call(url);
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('E_NOT_PERMITTED');
    expect(dialog.boxes).toEqual([]);
    expect(shell.opened).toEqual([]);
  });
});

describe('preload', () => {
  it('exposes exactly the contract’s calls as window.mercator, and only onOpenFile beside it', () => {
    expect(contextBridge.exposed.map((e) => e.key)).toEqual(['mercator', 'mercatorShell']);
    const shellApi = contextBridge.exposed[1]!.api;
    expect(Object.keys(shellApi)).toEqual(['onOpenFile']);
    expect(Object.isFrozen(shellApi)).toBe(true);
    const [{ key, api }] = contextBridge.exposed as [{ key: string; api: Record<string, Fn> }];
    expect(key).toBe('mercator');
    expect(Object.keys(api).sort()).toEqual([...API_CALL_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('passes only string paths from the open-file channel to the page’s listener', () => {
    const onOpenFile = contextBridge.exposed[1]!.api.onOpenFile as unknown as (listener: unknown) => void;
    const received: unknown[] = [];
    onOpenFile((p: unknown) => received.push(p));
    const push = ipcRenderer.listeners.get('mercator:open-file') as unknown as (event: unknown, path: unknown) => void;
    push({}, 'plans/a.mercator.json');
    push({}, { path: 'x' });
    push({}, '');
    push({}, 'x'.repeat(2000));
    expect(received).toEqual(['plans/a.mercator.json']);
  });

  it('forwards each call over the one IPC channel with its name and input', async () => {
    const { api } = contextBridge.exposed[0]!;
    ipcRenderer.invoked.length = 0;
    for (const name of API_CALL_NAMES) {
      const input = { probe: name };
      const forward = api[name] as unknown as (input: unknown) => Promise<unknown>;
      await expect(forward(input)).resolves.toEqual({ ok: true, value: 'forwarded' });
      expect(ipcRenderer.invoked.at(-1)).toEqual(['mercator:call', name, input]);
    }
    expect(ipcRenderer.invoked).toHaveLength(API_CALL_NAMES.length);
  });
});

describe('startup', () => {
  it('started without an error box or exit', () => {
    expect(dialog.errors).toEqual([]);
    expect(app.exit).not.toHaveBeenCalled();
  });
});
