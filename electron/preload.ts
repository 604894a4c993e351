// The preload: exposes exactly the API contract's calls to the page, each forwarding over one IPC
// channel. It runs sandboxed and holds no policy; main validates everything it receives.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CALL_NAMES, type ApiCallName } from '../core/api/names';
import type { Result } from '../core/api/result';

export const IPC_CHANNEL = 'mercator:call';

type Bridge = { [N in ApiCallName]: (input: unknown) => Promise<Result<unknown>> };

const bridge = Object.fromEntries(
  API_CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
) as Bridge;

contextBridge.exposeInMainWorld('mercator', Object.freeze(bridge) satisfies Bridge);
