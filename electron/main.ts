// The Electron main process: one hardened window, the app protocol, the IPC bridge to the shared
// handlers, and the native menu. Every decision lives in policy.ts; this file only wires it up.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import path from 'node:path';
import os from 'node:os';
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../core/host/handlers';
import { createRoomHost } from '../core/host/room/host';
import { roomPageHeaders, serveDirectory } from '../core/host/room/static';
import { dispatch } from '../core/host/dispatch';
import { createWorkspacePolicy } from '../core/host/files/path-policy';
import { openJournal } from '../core/host/files/journal';
import { createCatalogSession } from '../core/host/catalog/session';
import { fail } from '../core/api/result';
import {
  APP_ENTRY,
  APP_SCHEME,
  decideDevicePermission,
  decidePermission,
  decideWindowOpen,
  externalLinkPrompt,
  isNavigationAllowed,
  isRequestAllowed,
  isTrustedSender,
  launchFileRequest,
  outsideWorkspacePrompt,
  resolveAppRequest,
  responseSecurityHeaders,
  secureWebPreferences,
} from './policy';
import { IPC_CHANNEL, OPEN_FILE_CHANNEL } from './channels';

// The folder of package.json (the repository, or the asar archive when packaged); main runs from
// dist/electron/main.cjs inside it. app.getAppPath() rather than __dirname, so the same code is right
// when bundled and when loaded from source (test/integration/electron-shell.test.ts).
const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const preloadPath = path.join(appRoot, 'dist', 'electron', 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
]);

app.enableSandbox();

async function createWindow(): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Mercator',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.webContents.setWindowOpenHandler(() => decideWindowOpen());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY);
  return win;
}

// A model named on the command line (first launch or a second one) waits here until the window and the
// workspace exist, then goes to the page, which opens it as File > Open would (asking about unsaved changes).
let workspaceRoot: string | null = null;
let pendingLaunch: { argv: readonly string[]; cwd: string } | null = { argv: process.argv, cwd: process.cwd() };

function deliverLaunchFile(argv: readonly string[], cwd: string) {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win || !workspaceRoot) {
    pendingLaunch = { argv, cwd };
    return;
  }
  const request = launchFileRequest(argv, cwd, workspaceRoot);
  if (!request) return;
  if (request.kind === 'open') win.webContents.send(OPEN_FILE_CHANNEL, request.path);
  else void dialog.showMessageBox(win, outsideWorkspacePrompt(request.absolute, workspaceRoot));
}

async function main() {
  // One instance: a second launch (opening another file, say) hands over to the first window.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    deliverLaunchFile(Array.isArray(argv) ? argv : [], typeof workingDirectory === 'string' ? workingDirectory : process.cwd());
  });
  await app.whenReady();
  const workspace = path.join(app.getPath('documents') || os.homedir(), 'Mercator');
  await fs.mkdir(workspace, { recursive: true });
  const workspacePolicy = await createWorkspacePolicy(workspace);

  // Deny every permission, and refuse every request that is not the app's own protocol.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));
  session.defaultSession.setDevicePermissionHandler((details) => decideDevicePermission(details));
  // Device choosers (WebHID, Web Serial, WebUSB): nothing is ever picked.
  session.defaultSession.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.defaultSession.on('select-serial-port', (event, _ports, _wc, callback) => {
    event.preventDefault();
    callback('');
  });
  session.defaultSession.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, { packaged: app.isPackaged });
    callback({ cancel: !allowed });
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url);
    if (!resolved) return new Response('Not found', { status: 404 });
    const file = path.join(rendererDir, resolved.relativePath);
    // A missing file is a 404 (net.fetch would reject, which surfaces as a network error).
    if (!(await fs.stat(file).then((s) => s.isFile(), () => false))) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Type', resolved.mimeType);
    for (const [k, v] of Object.entries(responseSecurityHeaders())) headers.set(k, v);
    return new Response(response.body, { status: response.status, headers });
  });

  const handlers = createHandlers({
    mode: 'electron',
    name: app.getName(),
    version: app.getVersion(),
    policy: workspacePolicy,
    journal: await openJournal(path.join(app.getPath('userData'), 'journal')),
    examplesDir: path.join(appRoot, 'examples'),
    catalog: createCatalogSession({
      dataDir: path.join(appRoot, 'data'),
      dbPath: path.join(app.getPath('userData'), 'catalog.sqlite'),
      onRebuilt: (reason) => console.warn(`Mercator: catalog rebuilt (${reason}).`),
    }),
    // The workshop room: off until the facilitator starts one; then a listener of its own serves only the participant page.
    room: createRoomHost({ mainPort: null, serveStatic: serveDirectory(rendererDir), headers: roomPageHeaders, log: (line) => console.warn(`Mercator: ${line}`) }),
    async openExternal(url) {
      const focused = BrowserWindow.getFocusedWindow();
      const prompt = externalLinkPrompt(url);
      const answer = focused ? await dialog.showMessageBox(focused, prompt) : await dialog.showMessageBox(prompt);
      if (answer.response !== 0) return false;
      await shell.openExternal(url);
      return true;
    },
  });

  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame === event.sender.mainFrame)) {
      return fail('E_UNTRUSTED_SENDER', 'This page may not use the Mercator API.');
    }
    return dispatch(handlers, name, input);
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
          // Developer tools only in development builds, never in a packaged app.
          ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
        ],
      },
      { role: 'windowMenu' },
    ]),
  );

  await createWindow();
  workspaceRoot = workspacePolicy.root;
  if (pendingLaunch) {
    const { argv, cwd } = pendingLaunch;
    pendingLaunch = null;
    deliverLaunchFile(argv, cwd);
  }
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => decideWindowOpen());
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
});

main().catch((error: unknown) => {
  dialog.showErrorBox('Mercator could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
