/** Where a user's database lives by default: the same folder Electron calls userData. */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'TongHop';
export const DB_FILE = 'tonghop.sqlite';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), APP_FOLDER);
}

export function defaultDbPath(): string {
  return path.join(defaultUserDataDir(), DB_FILE);
}
