/**
 * Where the console keeps its data on this workstation: the same folder the
 * desktop app uses (Electron's userData for the product name), so the CLI and
 * the web host open the app's own database by default.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Complaint Desk';
export const DB_FILE = 'complaint-desk.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.COMPLAINT_DESK_HOME) return env.COMPLAINT_DESK_HOME;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), PRODUCT_NAME);
}

/** `--db` wins, then COMPLAINT_DESK_DB, then the app's own database. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.COMPLAINT_DESK_DB ?? path.join(defaultDataDir(env), DB_FILE));
}

export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}
