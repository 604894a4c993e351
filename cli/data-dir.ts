// The app's own data folder for the CLI and browser mode (the catalog lives here, never in a
// workspace a model could come from): MERCATOR_DATA_DIR, else the platform's place for app data.
import os from 'node:os';
import path from 'node:path';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.MERCATOR_DATA_DIR) return path.resolve(env.MERCATOR_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Mercator');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Mercator');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'mercator');
}

export const catalogFileIn = (dataDir: string) => path.join(dataDir, 'catalog.sqlite');
