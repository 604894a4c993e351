// The catalog's own thread (browser mode): opens the catalog (rebuilding it when it is missing,
// corrupt, outdated or not what this app built) and answers the catalog calls, so a slow query can
// never hold up the server's event loop; the server stops this thread when a call runs too long.
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../dispatch';
import type { HostContext } from '../context';
import { createCatalogHandlers } from './handlers';
import { createCatalogSession } from './session';

export interface CatalogWorkerData {
  dataDir: string;
  dbPath: string;
}

export type CatalogWorkerMessage =
  | { type: 'opened'; atlasVersion: string | null; rebuilt: boolean; reason?: string }
  | { type: 'result'; id: number; result: unknown };

function start(port: NonNullable<typeof parentPort>, data: CatalogWorkerData) {
  const session = createCatalogSession({ dataDir: data.dataDir, dbPath: data.dbPath });
  const handlers = createCatalogHandlers({ catalog: session } as HostContext);
  const version = session.version();
  const opened = session.lastOpened();
  port.postMessage({
    type: 'opened',
    atlasVersion: version,
    rebuilt: opened?.rebuilt ?? false,
    ...(opened?.reason ? { reason: opened.reason } : {}),
  } satisfies CatalogWorkerMessage);
  port.on('message', async (message: { id: number; name: string; input: unknown }) => {
    const result = await dispatch(handlers as Parameters<typeof dispatch>[0], message.name, message.input);
    port.postMessage({ type: 'result', id: message.id, result } satisfies CatalogWorkerMessage);
  });
}

if (parentPort && (workerData as { catalogWorker?: CatalogWorkerData } | null)?.catalogWorker) {
  start(parentPort, (workerData as { catalogWorker: CatalogWorkerData }).catalogWorker);
}
