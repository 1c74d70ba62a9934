/**
 * The timeout monitor (docs/REQUIREMENTS.md §2). It never scans tickets on a timer: it asks
 * the partial index on next_alert_at when the next alert falls due, sleeps
 * until then, raises what is due, and asks again. Clock changes wake it early.
 * On start it catches up on everything that fell due while the console was
 * closed, reported as one grouped batch.
 *
 * A wake-up that throws (a locked or damaged database, a bug) must not stop the
 * alerts for good, nor end the web host's process: the monitor logs it and tries
 * again after a pause that doubles with each failure in a row.
 */
import { alertKey, LADDER } from '../core/sla/alerts';
import { nextAlertAt } from '../core/sla/alerts';
import { ClockFacts } from '../db/clock-facts';
import { ClockStore, cycleKey, type StoredClock } from '../db/clock-store';
import { AlertStore } from '../db/alert-store';
import type { ServiceContext } from './context';
import type { AlertBatch } from '../core/sla/alert-model';

export interface MonitorOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * Longest sleep. Not a poll of tickets (one index probe on waking); it only
   * bounds how far a suspended laptop or a changed system clock can put us off.
   */
  maxSleepMs?: number;
  /** Where a failed wake-up is reported (default: stderr). */
  log?: (line: string) => void;
  /** Pause before the first retry after a failed wake-up; it doubles per failure in a row. */
  retryMs?: number;
  /** Longest pause between retries. */
  maxRetryMs?: number;
}

const BATCH = 1000;

export class DeadlineMonitor {
  private timer: unknown = null;
  private wakeAt: number | null = null;
  private stopped = true;
  /** Failed wake-ups in a row; sets the retry pause. */
  private failures = 0;
  /** A catch-up round that failed is still owed: the retry reports as the catch-up. */
  private catchUpOwed = false;
  private readonly clocks: ClockStore;
  private readonly alerts: AlertStore;
  private readonly unsubscribe: () => void;
  private readonly facts: ClockFacts;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: MonitorOptions = {},
  ) {
    this.clocks = new ClockStore(ctx.db);
    this.alerts = new AlertStore(ctx.db);
    this.facts = new ClockFacts(ctx.db);
    this.unsubscribe = ctx.bus.on('clocks-changed', ({ earliest }) => {
      if (this.stopped || earliest === null) return;
      if (this.wakeAt !== null && earliest >= this.wakeAt) return;
      // The ticket change that moved the clocks has landed; the monitor's own trouble is not its caller's.
      try {
        this.schedule();
      } catch (e) {
        this.failed(e);
      }
    });
  }

  /**
   * Catch up, then keep watching. Returns the catch-up batch; if the catch-up
   * fails it is logged, retried later, and the batch returned here is empty.
   */
  start(): AlertBatch {
    this.stopped = false;
    return this.wakeGuarded(true) ?? { alerts: [], catchUp: true, counts: { approaching: 0, breached: 0, escalated: 0 } };
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.unsubscribe();
  }

  /** Raise every alert due now; then sleep until the next one. */
  wake(catchUp = false): AlertBatch {
    const now = this.ctx.now();
    const raised: number[] = [];
    for (;;) {
      const due = this.clocks.dueForAlert(now, BATCH);
      if (due.length === 0) break;
      this.ctx.db.transaction(() => {
        for (const c of due) raised.push(...this.raiseDue(c, now));
      })();
      if (due.length < BATCH) break;
    }
    const alerts = this.alerts.byIds(raised);
    const batch: AlertBatch = {
      alerts,
      catchUp,
      counts: {
        approaching: alerts.filter((a) => a.kind === 'approaching').length,
        breached: alerts.filter((a) => a.kind === 'breached').length,
        escalated: alerts.filter((a) => a.kind === 'escalated').length,
      },
    };
    if (alerts.length > 0) this.ctx.bus.emit('alerts', batch);
    if (!this.stopped) this.schedule();
    return batch;
  }

  /** When the monitor will next wake (for tests and the status strip). */
  nextWake(): number | null {
    return this.wakeAt;
  }

  private raiseDue(c: StoredClock, now: number): number[] {
    const raised = this.clocks.raisedKeys(c.ticketId).get(cycleKey(c.clock, c.subjectId, c.startedAt)) ?? new Set<string>();
    const assignee = this.facts.assigneeOf(c.ticketId) ?? null;
    const ids: number[] = [];
    for (const p of c.plan) {
      if (p.at > now || raised.has(alertKey(p))) continue;
      const id = this.alerts.insert({
        ticketId: c.ticketId,
        clock: c.clock,
        subjectId: c.subjectId,
        cycleStart: c.startedAt,
        kind: p.kind,
        threshold: p.threshold,
        step: p.step,
        targetRole: LADDER[p.step] ?? 'manager',
        targetUserId: p.step === 0 ? assignee : null,
        dueAt: c.dueAt,
        plannedAt: p.at,
        raisedAt: now,
      });
      raised.add(alertKey(p));
      if (id !== null) ids.push(id);
    }
    this.clocks.setNextAlert(c, nextAlertAt(c.plan, raised));
    return ids;
  }

  /** A wake-up that cannot throw: a failure is logged and retried with backoff. Null when it failed. */
  private wakeGuarded(catchUp: boolean): AlertBatch | null {
    try {
      const batch = this.wake(catchUp || this.catchUpOwed);
      this.failures = 0;
      this.catchUpOwed = false;
      return batch;
    } catch (e) {
      if (catchUp) this.catchUpOwed = true;
      this.failed(e);
      return null;
    }
  }

  /** Log what went wrong and try again later, the pause doubling with each failure in a row. */
  private failed(e: unknown): void {
    this.failures += 1;
    const first = this.opts.retryMs ?? 5_000;
    const delay = Math.min(first * 2 ** (this.failures - 1), this.opts.maxRetryMs ?? 5 * 60_000);
    const log = this.opts.log ?? ((line: string) => console.error(line));
    log(`deadline monitor: wake-up failed (${this.failures} in a row), retrying in ${Math.round(delay / 1000)} s: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    // The retry does not ask the database when to wake: that may be what failed.
    this.wakeAt = null;
    if (!this.stopped) this.setTimer(delay);
  }

  private schedule(): void {
    const next = this.clocks.nextAlertAt();
    const now = this.ctx.now();
    const maxSleep = this.opts.maxSleepMs ?? 15 * 60_000;
    const delay = next === null ? maxSleep : Math.min(Math.max(0, next - now), maxSleep);
    this.wakeAt = next;
    this.setTimer(delay);
  }

  private setTimer(delay: number): void {
    this.clearTimer();
    const set = this.opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
    this.timer = set(() => {
      this.timer = null;
      if (!this.stopped) this.wakeGuarded(false);
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    (this.opts.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)))(this.timer);
    this.timer = null;
  }
}
