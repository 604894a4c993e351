// What every handler group is given by its host (the Electron main process or browser mode).
import type { Journal } from './files/journal';
import type { PathPolicy } from './files/path-policy';
import type { CatalogSession } from './catalog/session';
import type { RoomHost } from './room/host';
import type { CatalogWorker } from './catalog/worker-client';

export interface HostContext {
  mode: 'electron' | 'browser';
  name: string;
  version: string;
  policy: PathPolicy;
  journal: Journal;
  examplesDir: string;
  /** The built-in rule packs (default: data/rules next to examplesDir); user packs come from the workspace's rules/. */
  rulesDir?: string;
  catalogVersion?: () => string | null;
  /** The catalog (ATLAS + OWASP) behind the catalog calls; see catalog/session.ts. */
  catalog?: CatalogSession;
  /** The workshop room (browser mode only; opt-in, off until the facilitator starts one). */
  room?: RoomHost;
  /** Browser mode: the catalog on its own thread (takes the place of `catalog`). */
  catalogWorker?: CatalogWorker;
  /** Opens an allowed https URL (after the user saw it), or returns false when the host defers to the UI. */
  openExternal: (url: string) => Promise<boolean>;
}
