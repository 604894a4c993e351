// The IPC channel names main and the sandboxed preload share. No imports: the preload bundles this.
/** The page's API calls (preload → main). */
export const IPC_CHANNEL = 'mercator:call';
/** A model a launch named (main → page). */
export const OPEN_FILE_CHANNEL = 'mercator:open-file';
