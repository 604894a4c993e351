// Browser mode runs the catalog on its own thread (worker-entry.ts): the server's event loop only
// passes messages, so no catalog file or query can freeze the other calls or the static files. A
// call that runs longer than the time limit stops the thread (answered E_TIMEOUT); the next call
// starts a fresh one, which checks the catalog file again before using it.
import { Worker } from 'node:worker_threads';
import { ApiFailure, fail, type Result } from '../../api/result';
import { API_CALL_NAMES } from '../../api/names';
import type { Handlers } from '../dispatch';
import type { CatalogWorkerMessage } from './worker-entry';

export const CATALOG_CALL_TIMEOUT_MS = 5_000;
/** Importing a release parses, checks and writes a whole catalog: it gets longer. */
export const CATALOG_IMPORT_TIMEOUT_MS = 60_000;
/** Opening may rebuild the catalog from data/ (about a second); a planted file may take longer to check. */
export const CATALOG_OPEN_TIMEOUT_MS = 120_000;

export interface CatalogWorkerOptions {
  /** The built worker script (dist/cli/catalog-worker.mjs). */
  script: string;
  dataDir: string;
  dbPath: string;
  timeoutMs?: number;
  openTimeoutMs?: number;
  onRebuilt?: (reason: string) => void;
}

export interface CatalogWorker {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** The ATLAS version of the open catalog, or null before it opened (or when it could not be). */
  version(): string | null;
  close(): Promise<void>;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  timer?: NodeJS.Timeout;
}

export function startCatalogWorker(options: CatalogWorkerOptions): CatalogWorker {
  const timeoutMs = options.timeoutMs ?? CATALOG_CALL_TIMEOUT_MS;
  let worker: Worker | null = null;
  let opened: Promise<void> | null = null;
  let atlasVersion: string | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (code: string, message: string) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve(fail(code, message));
      pending.delete(id);
    }
  };

  const stop = async (code: string, message: string) => {
    const current = worker;
    worker = null;
    opened = null;
    failAll(code, message);
    await current?.terminate();
  };

  const ensure = (): Promise<void> => {
    if (worker && opened) return opened;
    const w = new Worker(options.script, { workerData: { catalogWorker: { dataDir: options.dataDir, dbPath: options.dbPath } } });
    worker = w;
    opened = new Promise<void>((resolve, reject) => {
      const openTimer = setTimeout(() => {
        reject(new ApiFailure('E_TIMEOUT', 'The catalog took too long to open and was stopped.'));
        void stop('E_TIMEOUT', 'The catalog took too long to open and was stopped.');
      }, options.openTimeoutMs ?? CATALOG_OPEN_TIMEOUT_MS);
      w.on('message', (message: CatalogWorkerMessage) => {
        if (message.type === 'opened') {
          clearTimeout(openTimer);
          atlasVersion = message.atlasVersion;
          if (message.rebuilt) options.onRebuilt?.(message.reason ?? 'rebuilt');
          resolve();
          return;
        }
        const p = pending.get(message.id);
        if (!p) return;
        clearTimeout(p.timer);
        pending.delete(message.id);
        p.resolve(message.result as Result<unknown>);
      });
      const gone = (why: string) => {
        clearTimeout(openTimer);
        if (worker !== w) return;
        worker = null;
        opened = null;
        reject(new ApiFailure('E_NO_CATALOG', `The catalog is unavailable (${why}).`));
        failAll('E_NO_CATALOG', `The catalog is unavailable (${why}).`);
      };
      w.on('error', (error) => gone(error instanceof Error ? error.message : String(error)));
      w.on('exit', (code) => gone(`its thread ended with code ${code}`));
    });
    opened.catch(() => undefined);
    return opened;
  };

  return {
    async call(name, input) {
      try {
        await ensure();
      } catch (error) {
        return error instanceof ApiFailure ? fail(error.code, error.message) : fail('E_NO_CATALOG', String(error));
      }
      const w = worker!;
      const id = nextId++;
      const limit = name === 'catalog:import' || name === 'catalog:importPreview' ? Math.max(timeoutMs, CATALOG_IMPORT_TIMEOUT_MS) : timeoutMs;
      return new Promise<Result<unknown>>((resolve) => {
        const entry: Pending = { resolve };
        entry.timer = setTimeout(() => {
          const message = `The catalog query took longer than ${limit / 1000} s and was stopped; the catalog is checked again on the next call.`;
          void stop('E_TIMEOUT', message);
        }, limit);
        pending.set(id, entry);
        w.postMessage({ id, name, input });
      });
    },
    version: () => atlasVersion,
    close: () => stop('E_NO_CATALOG', 'The catalog was closed.'),
  };
}

type CatalogHandlers = Pick<Handlers, Extract<keyof Handlers, `catalog:${string}`>>;

/** The catalog handlers, answered by the catalog thread. */
export function createWorkerCatalogHandlers(worker: CatalogWorker): CatalogHandlers {
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of API_CALL_NAMES.filter((n) => n.startsWith('catalog:'))) {
    handlers[name] = async (input) => {
      const result = await worker.call(name, input);
      if (!result.ok) throw new ApiFailure(result.error.code, result.error.message, result.error.details);
      return result.value;
    };
  }
  return handlers as unknown as CatalogHandlers;
}
