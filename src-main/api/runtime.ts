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
import { DeadlineMonitor } from '../services/monitor';
import type { AlertBatch } from '../core/sla/alert-model';
import { deadlineCounts, urgentClocks } from '../services/deadlines';
import { unacknowledgedAlerts } from '../services/alerts';
import type { DeadlineSummary } from './methods/deadlines';

/** What a running console tells its host without being asked. */
export type ConsoleEvent = { type: 'alerts'; payload: AlertBatch };

export interface ConsoleOptions {
  dbPath: string;
  now?: () => number;
  nativeBinding?: string;
  log?: (line: string) => void;
  /** Hosts run the jobs; tests may switch them off. */
  backgroundJobs?: boolean;
  /** Attached before the monitor's catch-up round, so the host hears that too. */
  onEvent?: (e: ConsoleEvent) => void;
}

export interface RunningConsole {
  api: ApiServer;
  ctx: ServiceContext;
  monitor: DeadlineMonitor;
  /** Listen to what the console raises (alerts); returns the unsubscribe. */
  subscribe(fn: (e: ConsoleEvent) => void): () => void;
  /** What `deadlines/summary` answers, for the host itself (the tray): no user, so customers are masked. */
  summary(): DeadlineSummary;
  close(): void;
}

const HOUR = 3_600_000;

export function openConsole(opts: ConsoleOptions): RunningConsole {
  const db = openDatabase(opts.dbPath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const ctx = createContext(db, opts.now ?? Date.now);
  ctx.categories.seedDefaults();
  const api = createApiServer(ctx, { log: (e) => opts.log?.(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`) });
  const timers: NodeJS.Timeout[] = [];
  const subscribe = (fn: (e: ConsoleEvent) => void) => ctx.bus.on('alerts', (payload) => fn({ type: 'alerts', payload }));
  if (opts.onEvent) subscribe(opts.onEvent);
  // The timeout monitor runs whenever the console runs, window or not (SPEC §2).
  const monitor = new DeadlineMonitor(ctx, opts.log ? { log: opts.log } : {});
  if (opts.backgroundJobs !== false) monitor.start();

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
    monitor,
    subscribe,
    summary: () => ({ counts: deadlineCounts(ctx), urgent: urgentClocks(ctx, null, 5), unacknowledged: unacknowledgedAlerts(ctx, null) }),
    close() {
      monitor.stop();
      for (const t of timers) clearInterval(t);
      db.close();
    },
  };
}
