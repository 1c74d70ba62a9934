/**
 * Keeps the tray current. The service process reads the deadlines summary
 * (the same reading as `deadlines/summary`) and sends it to main: at start,
 * after every alert batch, shortly after each call that may have changed a
 * clock, and every minute so "time left" in the menu moves on. A few indexed
 * counts per read; calls close together share one read.
 */
import type { DeadlineSummary } from '../../api/contract';
import type { ServiceNotice, TraySummary } from './service-protocol';

/**
 * Calls that only read. Anything else, including methods added later, may
 * change a clock and refreshes the tray: a needless read costs little, a
 * missed one leaves the tray wrong for a minute.
 */
const READS: ReadonlySet<string> = new Set([
  'auth/status',
  'auth/login',
  'auth/logout',
  'meta/categories',
  'meta/users',
  'tickets/list',
  'tickets/get',
  'tickets/revealPhone',
  'deadlines/summary',
  'deadlines/urgent',
  'deadlines/atRisk',
  'alerts/list',
  'sla/policy',
]);

export const SUMMARY_EVERY_MS = 60_000;
const SETTLE_MS = 200;

export interface SummaryFeedOptions {
  read(): DeadlineSummary;
  now(): number;
  post(notice: ServiceNotice): void;
  log(line: string): void;
  everyMs?: number;
  settleMs?: number;
}

export interface SummaryFeed {
  /** Read and send now. */
  refresh(): void;
  /** A call succeeded: refresh shortly, unless it only read. */
  afterCall(method: string): void;
  stop(): void;
}

export function traySummary(s: DeadlineSummary, at: number): TraySummary {
  return {
    at,
    counts: { breached: s.counts.breached, approaching: s.counts.approaching },
    newWarnings: s.newWarnings,
    urgent: s.urgent.map((u) => ({ ticketId: u.ticketId, ticketNo: u.ticketNo, clock: u.clock, dueAt: u.dueAt })),
    reminders: s.uploadReminders,
  };
}

export function createSummaryFeed(opts: SummaryFeedOptions): SummaryFeed {
  let pending: NodeJS.Timeout | null = null;
  let stopped = false;

  const refresh = () => {
    if (stopped) return;
    try {
      opts.post({ kind: 'summary', summary: traySummary(opts.read(), opts.now()) });
    } catch (e) {
      opts.log(`tray summary failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const every = setInterval(refresh, opts.everyMs ?? SUMMARY_EVERY_MS);
  every.unref();

  return {
    refresh,
    afterCall(method) {
      if (stopped || pending || READS.has(method)) return;
      pending = setTimeout(() => {
        pending = null;
        refresh();
      }, opts.settleMs ?? SETTLE_MS);
      pending.unref();
    },
    stop() {
      stopped = true;
      clearInterval(every);
      if (pending) clearTimeout(pending);
      pending = null;
    },
  };
}
