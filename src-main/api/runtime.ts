/**
 * One running console over one database: what both hosts (the Electron service
 * process and the web host) start. It opens and checks the database, makes sure
 * the default categories exist, and runs the background jobs — today the daily
 * backup — for as long as it is open.
 */
import { openDatabase } from '../db/open';
import { createContext, type ServiceContext } from '../services/context';
import { ensureDailyBackup } from '../services/backups';
import { createApiServer, type ApiServer } from './server';
import { backupDirFor } from './data-dir';

export interface ConsoleOptions {
  dbPath: string;
  now?: () => number;
  nativeBinding?: string;
  log?: (line: string) => void;
  /** Hosts run the jobs; tests may switch them off. */
  backgroundJobs?: boolean;
}

export interface RunningConsole {
  api: ApiServer;
  ctx: ServiceContext;
  close(): void;
}

const HOUR = 3_600_000;

export function openConsole(opts: ConsoleOptions): RunningConsole {
  const db = openDatabase(opts.dbPath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const ctx = createContext(db, opts.now ?? Date.now);
  ctx.categories.seedDefaults();
  const api = createApiServer(ctx, { log: (e) => opts.log?.(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`) });
  const timers: NodeJS.Timeout[] = [];

  if (opts.backgroundJobs !== false && opts.dbPath !== ':memory:') {
    const backup = () =>
      ensureDailyBackup(ctx, backupDirFor(opts.dbPath))
        .then((r) => r.created && opts.log?.(`daily backup written to ${r.path}`))
        .catch((e: unknown) => opts.log?.(`daily backup failed: ${String(e)}`));
    void backup();
    const t = setInterval(() => void backup(), HOUR);
    t.unref();
    timers.push(t);
  }

  return {
    api,
    ctx,
    close() {
      for (const t of timers) clearInterval(t);
      db.close();
    },
  };
}
