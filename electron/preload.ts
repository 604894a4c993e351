// The preload: exposes exactly the API contract's calls to the page, each forwarding over one IPC
// channel. It runs sandboxed and holds no policy; main validates everything it receives.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CALL_NAMES, type ApiCallName } from '../core/api/names';
import type { Result } from '../core/api/result';
import { IPC_CHANNEL, OPEN_FILE_CHANNEL } from './channels';


type Bridge = { [N in ApiCallName]: (input: unknown) => Promise<Result<unknown>> };

const bridge = Object.fromEntries(
  API_CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
) as Bridge;

contextBridge.exposeInMainWorld('mercator', Object.freeze(bridge) satisfies Bridge);

// The page subscribes once; only strings are passed on, and the page opens them through model:open,
// which the workspace policy checks like any other path.
let openFileListener: ((path: string) => void) | null = null;
ipcRenderer.on(OPEN_FILE_CHANNEL, (_event, path: unknown) => {
  if (typeof path === 'string' && path.length > 0 && path.length <= 1024) openFileListener?.(path);
});
contextBridge.exposeInMainWorld(
  'mercatorShell',
  Object.freeze({
    onOpenFile(listener: unknown) {
      if (typeof listener === 'function') openFileListener = listener as (path: string) => void;
    },
  }),
);
