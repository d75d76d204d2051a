// Where the app keeps learners' data when Electron is not there to say (browser mode,
// the CLI): the same per-user folder Electron's app.getPath('userData') would pick.

import os from 'node:os';
import path from 'node:path';

/** Folder name of the app's data inside the platform's per-user config folder. */
export const APP_FOLDER = 'health-creation-studio';

/** The per-user data folder of the app on this platform. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
