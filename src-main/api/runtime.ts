/**
 * One running console over one database: what both hosts (the Electron service
 * process and the web host) start.
 *
 * The start path does only what costs the same on ten tickets as on a million:
 * open the file (WAL, schema read, migrations), make sure the default
 * categories exist, build the API. Everything that grows with the database
 * waits until the console has answered and gone quiet (when-quiet.ts): the
 * monitor's catch-up (its grouped notice arrives a moment later), the
 * dispatch model's training (services/dispatch-training.ts), the
 * `quick_check` of the live file on a worker thread, and the daily backup with
 * the full check of its copy (hourly after that). docs/INTEGRITY.md says what
 * is checked when.
 */
import { sweepSheetFiles } from '../services/sheets/export-sheet';
import { openDatabase } from '../db/open';
import { DomainError } from '../core/errors';
import { createContext, type ServiceContext } from '../services/context';
import { repairMissingClocks } from '../services/repair';
import { importFiles } from '../services/import/files';
import { ensureDailyBackup } from '../services/backups';
import { checkDatabase } from '../services/integrity';
import { createApiServer, type ApiServer } from './server';
import { backupDirFor } from './data-dir';
import { DeadlineMonitor } from '../services/monitor';
import { OutboxWorker } from '../services/export/outbox';
import { currentUploadReminders, UploadReminderWatch, type UploadRemindersEvent } from '../services/export/reminders';
import type { AlertBatch } from '../core/sla/alert-model';
import { deadlineCounts, urgentClocks } from '../services/deadlines';
import { unacknowledgedAlerts } from '../services/alerts';
import { timeLeftTones } from '../services/sla-policy';
import type { DeadlineSummary } from './methods/deadlines';
import { whenQuiet } from './when-quiet';
import { syncShippedKnowledge } from '../services/knowledge/shipped';
import { WarningMonitor } from '../services/warning-monitor';
import type { WarningNotices } from '../core/warnings';
import { unreviewedWarnings } from '../services/warning-views';
import { dispatchTrainer } from '../services/dispatch-training';

/** What a running console tells its host without being asked: alert batches, volume warnings raised, and the monthly report's reminders when they change. */
export type ConsoleEvent =
  | { type: 'alerts'; payload: AlertBatch }
  | { type: 'upload-reminders'; payload: UploadRemindersEvent }
  | { type: 'warnings'; payload: WarningNotices };

export interface ConsoleOptions {
  dbPath: string;
  now?: () => number;
  nativeBinding?: string | undefined;
  log?: (line: string) => void;
  /** Hosts run the jobs; tests may switch them off. */
  backgroundJobs?: boolean;
  /** When the jobs start: `quietMs` after the latest answer, at most `latestMs` after opening. */
  startJobs?: { quietMs: number; latestMs: number };
  /** Attached before the monitor's catch-up round, so the host hears that too. */
  onEvent?: (e: ConsoleEvent) => void;
}

export interface RunningConsole {
  api: ApiServer;
  ctx: ServiceContext;
  monitor: DeadlineMonitor;
  /** Resolves once the background jobs have started (the catch-up round is done by then). */
  jobsStarted: Promise<void>;
  /** Listen to what the console raises (alerts); returns the unsubscribe. */
  subscribe(fn: (e: ConsoleEvent) => void): () => void;
  /** What `deadlines/summary` answers, for the host itself (the tray): no user, so customers are masked. */
  summary(): DeadlineSummary;
  close(): void;
}

const HOUR = 3_600_000;
/** Long enough for the renderer's first few calls (status, first page, Today) to go out together. */
export const DEFAULT_JOB_START = { quietMs: 500, latestMs: 3000 };

export function openConsole(opts: ConsoleOptions): RunningConsole {
  const log = opts.log ?? (() => {});
  const db = openWithAdvice(opts);
  const ctx = createContext(db, opts.now ?? Date.now);
  ctx.categories.seedDefaults();
  // The shipped checklists and templates: loaded once, refreshed after an upgrade (the branch's edits kept).
  syncShippedKnowledge(ctx);
  const api = createApiServer(ctx, { log: (e) => log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`) });
  const timers: NodeJS.Timeout[] = [];
  const subscribe = (fn: (e: ConsoleEvent) => void) => {
    const offAlerts = ctx.bus.on('alerts', (payload) => fn({ type: 'alerts', payload }));
    const offReminders = ctx.bus.on('upload-reminders', (payload) => fn({ type: 'upload-reminders', payload }));
    const offWarnings = ctx.bus.on('warnings', (payload) => fn({ type: 'warnings', payload }));
    return () => {
      offAlerts();
      offReminders();
      offWarnings();
    };
  };
  if (opts.onEvent) subscribe(opts.onEvent);
  // The timeout monitor runs whenever the console runs, window or not.
  const monitor = new DeadlineMonitor(ctx, opts.log ? { log: opts.log } : {});
  const jobs = opts.backgroundJobs !== false;
  const onDisk = opts.dbPath !== ':memory:';
  // The upload outbox runs beside it: bundles queued for headquarters go out whenever the console runs.
  const outbox = new OutboxWorker(ctx, opts.log ? { log: opts.log } : {});
  // And the reminders about it: a month failing for more than a day, last month not sent on the 1st–3rd.
  const reminders = new UploadReminderWatch(ctx, opts.log ? { log: opts.log } : {});
  // The volume-warning check: at start, daily, and after every import.
  const warnings = new WarningMonitor(ctx, opts.log ? { log: opts.log } : {});
  // The dispatch model learns the branch's settled tickets in the background, a page at a time.
  const dispatch = dispatchTrainer(ctx, opts.log ? { log: opts.log } : {});

  // Uploads and rejects files a killed console left behind (customers' numbers) go at once.
  importFiles(ctx).clearLeftovers();
  // So do export files nobody fetched (导出: the ticket list with its phone numbers).
  sweepSheetFiles(ctx, 0);
  const startJobs = () => {
    // Before the monitor's catch-up, so a ticket that had lost its clocks is watched from now on.
    try {
      const fixed = repairMissingClocks(ctx);
      if (fixed.repaired > 0) log(`gave ${fixed.repaired} tickets the deadline clocks they were missing`);
    } catch (e) {
      log(`clock repair failed: ${String(e)}`);
    }
    monitor.start();
    outbox.start();
    reminders.start();
    warnings.start();
    dispatch.start();
    if (!onDisk) return;
    const backupDir = backupDirFor(opts.dbPath);
    void checkDatabase(ctx, opts.dbPath, backupDir, { nativeBinding: opts.nativeBinding, log });
    const backup = () =>
      ensureDailyBackup(ctx, backupDir, { nativeBinding: opts.nativeBinding, log }).catch((e: unknown) =>
        log(`daily backup failed: ${String(e)}`),
      );
    void backup();
    const t = setInterval(() => void backup(), HOUR);
    t.unref();
    timers.push(t);
  };
  const quiet = jobs ? whenQuiet(startJobs, opts.startJobs ?? DEFAULT_JOB_START) : null;
  if (quiet) {
    const call = api.call.bind(api);
    api.call = async (...args) => {
      const answer = await call(...args);
      quiet.answered();
      return answer;
    };
  }

  return {
    api,
    ctx,
    monitor,
    jobsStarted: quiet?.started ?? Promise.resolve(),
    subscribe,
    summary: () => ({
      counts: deadlineCounts(ctx),
      urgent: urgentClocks(ctx, null, 5),
      unacknowledged: unacknowledgedAlerts(ctx, null),
      timeLeft: timeLeftTones(ctx),
      uploadReminders: currentUploadReminders(ctx),
      newWarnings: unreviewedWarnings(ctx),
    }),
    close() {
      quiet?.cancel();
      monitor.stop();
      outbox.stop();
      reminders.stop();
      warnings.stop();
      dispatch.stop();
      for (const t of timers) clearInterval(t);
      importFiles(ctx).clearLeftovers();
      db.close();
    },
  };
}

/**
 * The full integrity check is not on the start path (it reads the whole file);
 * a file SQLite cannot read is still refused here, and the refusal names the
 * backup folder to restore from.
 */
function openWithAdvice(opts: ConsoleOptions) {
  try {
    return openDatabase(opts.dbPath, { integrity: 'skip', ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'db_corrupt') {
      throw new DomainError('db_corrupt', { ...e.params, backupDir: backupDirFor(opts.dbPath) });
    }
    throw e;
  }
}
