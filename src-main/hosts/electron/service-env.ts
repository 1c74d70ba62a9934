/**
 * The environment the service process starts with: where the database and
 * the Electron build of SQLite are, and the few system variables Node itself
 * needs (temporary folder, time zone, language, Windows' system folder) —
 * nothing else. Tokens, proxies, NODE_OPTIONS and whatever else the user's
 * shell holds stay out of the process that owns the branch's records.
 */

/** Passed through when set. */
const SYSTEM_VARIABLES = [
  // os.tmpdir(): import uploads and rejects files
  'TMPDIR',
  'TEMP',
  'TMP',
  // Windows: Node's crypto and file APIs need these
  'SystemRoot',
  'SYSTEMROOT',
  'windir',
  // os.homedir() and the language of messages
  'HOME',
  'USERPROFILE',
  'TZ',
  'LANG',
  'LC_ALL',
  'LC_MESSAGES',
] as const;

export interface ServiceEnvInput {
  database: string;
  sqliteBinding: string | undefined;
}

export function serviceEnv(parent: NodeJS.ProcessEnv, paths: ServiceEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of SYSTEM_VARIABLES) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  env.COMPLAINT_DESK_DB = paths.database;
  env.COMPLAINT_DESK_SQLITE_BINDING = paths.sqliteBinding ?? '';
  return env;
}
