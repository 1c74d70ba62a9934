/**
 * The timeout monitor (SPEC §2). It never scans tickets on a timer: it asks
 * the partial index on next_alert_at when the next alert falls due, sleeps
 * until then, raises what is due, and asks again. Clock changes wake it early.
 * On start it catches up on everything that fell due while the console was
 * closed, reported as one grouped batch.
 */
import { alertKey, LADDER } from '../core/sla/alerts';
import { nextAlertAt } from '../core/sla/alerts';
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
}

const BATCH = 1000;

export class DeadlineMonitor {
  private timer: unknown = null;
  private wakeAt: number | null = null;
  private stopped = true;
  private readonly clocks: ClockStore;
  private readonly alerts: AlertStore;
  private readonly unsubscribe: () => void;
  private readonly assigneeStmt;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: MonitorOptions = {},
  ) {
    this.clocks = new ClockStore(ctx.db);
    this.alerts = new AlertStore(ctx.db);
    this.assigneeStmt = ctx.db.prepare('SELECT assignee_id AS a FROM tickets WHERE id = ?');
    this.unsubscribe = ctx.bus.on('clocks-changed', ({ earliest }) => {
      if (this.stopped || earliest === null) return;
      if (this.wakeAt === null || earliest < this.wakeAt) this.schedule();
    });
  }

  /** Catch up, then keep watching. Returns the catch-up batch. */
  start(): AlertBatch {
    this.stopped = false;
    const batch = this.wake(true);
    return batch;
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
    const assignee = (this.assigneeStmt.get(c.ticketId) as { a: number | null }).a;
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

  private schedule(): void {
    this.clearTimer();
    const next = this.clocks.nextAlertAt();
    const now = this.ctx.now();
    const maxSleep = this.opts.maxSleepMs ?? 15 * 60_000;
    const delay = next === null ? maxSleep : Math.min(Math.max(0, next - now), maxSleep);
    this.wakeAt = next;
    const set = this.opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
    this.timer = set(() => {
      this.timer = null;
      if (!this.stopped) this.wake(false);
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    (this.opts.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)))(this.timer);
    this.timer = null;
  }
}
