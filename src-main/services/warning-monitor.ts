/**
 * When the volume-warning check runs by itself: at start, once a day just
 * after the branch's midnight, and a moment after every import that wrote
 * tickets. A check that throws is logged and never stops the console.
 */
import type { ServiceContext } from './context';
import { runWarningCheck, type CheckOutcome, type CheckTrigger } from './warning-lifecycle';
import { branchSettings } from './settings';
import { localDayKey, zonedInstant } from '../core/time';

export interface WarningMonitorOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log?: (line: string) => void;
}

/** Minutes past local midnight when the daily check runs (the day's first tickets are few; the month has turned). */
const DAILY_AT_MINUTES = 5;

export class WarningMonitor {
  private daily: unknown = null;
  private soon: unknown = null;
  private stopped = true;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: WarningMonitorOptions = {},
  ) {
    this.unsubscribe = ctx.bus.on('tickets-imported', () => {
      if (this.stopped || this.soon !== null) return;
      // After the import's answer has gone out, not inside it.
      this.soon = this.set(() => {
        this.soon = null;
        this.guarded('import');
      }, 0);
    });
  }

  start(): CheckOutcome | null {
    this.stopped = false;
    const outcome = this.guarded('start');
    this.scheduleDaily();
    return outcome;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    for (const h of [this.daily, this.soon]) if (h !== null) this.clear(h);
    this.daily = this.soon = null;
  }

  /** The instant of the next daily check: 00:05 tomorrow in the branch's zone. */
  nextDaily(): number {
    const zone = branchSettings(this.ctx).zone;
    const now = this.ctx.now();
    const today = localDayKey(now, zone);
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(4, 6));
    const d = Number(today.slice(6, 8));
    // Day d + 1 past the month's end rolls over in the calendar.
    const tomorrow = new Date(Date.UTC(y, m - 1, d + 1));
    return zonedInstant(zone, tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), 0, DAILY_AT_MINUTES);
  }

  /** Sleep towards `due` (at most an hour at a time: a suspended laptop or a changed clock delays the check no longer). */
  private scheduleDaily(due: number = this.nextDaily()): void {
    if (this.stopped) return;
    const delay = Math.max(0, due - this.ctx.now());
    this.daily = this.set(() => {
      this.daily = null;
      if (this.stopped) return;
      if (this.ctx.now() < due) return this.scheduleDaily(due);
      this.guarded('daily');
      this.scheduleDaily();
    }, Math.min(delay, 3_600_000));
  }

  private guarded(trigger: CheckTrigger): CheckOutcome | null {
    try {
      return runWarningCheck(this.ctx, trigger);
    } catch (e) {
      (this.opts.log ?? ((l: string) => console.error(l)))(`warning check (${trigger}) failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }
  }

  private set(fn: () => void, ms: number): unknown {
    return (this.opts.setTimer ?? ((f, t) => setTimeout(f, t).unref()))(fn, ms);
  }

  private clear(h: unknown): void {
    (this.opts.clearTimer ?? ((x) => clearTimeout(x as NodeJS.Timeout)))(h);
  }
}
