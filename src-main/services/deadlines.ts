/**
 * Reading the clocks: a ticket's clocks with their state now, the most urgent
 * open clocks (the Today page, the tray), and every open clock at an instant
 * (the `sla` command).
 */
import { ClockStore, type StoredClock } from '../db/clock-store';
import { DeadlineReader, type DeadlineCounts } from '../db/deadline-reader';
import { readSlaConfig } from '../db/sla-config';
import { readClock, pausedMs, type ClockInput, type ClockState } from '../core/sla/clock';
import type { ClockKind } from '../core/sla/policy';
import type { ClockRow } from '../core/sla/rows';
import { maskPhone } from '../core/phone';
import type { UserInfo } from '../core/model';
import type { ServiceContext } from './context';
import { canSeePhone } from './tickets';

/** A stored clock as the console shows it: its facts, and its state at the instant read. warnAt: when it turns amber; null while paused. */
export interface ClockView extends Pick<ClockRow, 'clock' | 'subjectId' | 'ruleId' | 'startedAt' | 'limitMs' | 'business' | 'dueAt' | 'warnAt' | 'stoppedAt' | 'untimed'> {
  state: ClockState | 'cancelled';
  elapsedPct: number;
  pausedMs: number;
  pauses: Array<[number, number | null]>;
}

type Calendar = ReturnType<typeof readSlaConfig>['calendar'];

function inputOf(c: StoredClock, calendar: Calendar): ClockInput {
  return { startedAt: c.startedAt, limitMs: c.limitMs, pauses: c.pauses, stoppedAt: c.stoppedAt, calendar: c.business ? calendar : null };
}

export function viewClock(c: StoredClock, at: number, calendar: Calendar): ClockView {
  const input = inputOf(c, calendar);
  const reading = readClock(input, at);
  return {
    clock: c.clock,
    subjectId: c.subjectId,
    ruleId: c.ruleId,
    startedAt: c.startedAt,
    limitMs: c.limitMs,
    business: c.business,
    dueAt: reading.dueAt,
    warnAt: c.warnAt,
    stoppedAt: c.stoppedAt,
    untimed: c.untimed,
    state: c.cancelled ? 'cancelled' : reading.state,
    elapsedPct: reading.elapsedPct,
    pausedMs: pausedMs(input, at),
    pauses: [...c.pauses],
  };
}

export function ticketClockViews(ctx: ServiceContext, ticketId: number): ClockView[] {
  const now = ctx.now();
  const calendar = readSlaConfig(ctx.db).calendar;
  return new ClockStore(ctx.db).forTicket(ticketId).map((c) => viewClock(c, now, calendar));
}

export interface UrgentClock {
  ticketId: number;
  ticketNo: string;
  categoryPath: string;
  customer: string;
  assigneeName: string | null;
  clock: ClockKind;
  dueAt: number;
  /** When it turns amber (the first warning threshold). */
  warnAt: number | null;
  elapsedPct: number;
  state: ClockState;
}

/** The most urgent running clocks, soonest due first (breached ones lead). */
export function urgentClocks(ctx: ServiceContext, viewer: UserInfo | null, limit: number): UrgentClock[] {
  const now = ctx.now();
  const rows = new DeadlineReader(ctx.db).urgent(limit);
  const calendar = readSlaConfig(ctx.db).calendar;
  return rows.map((c) => {
    const v = viewClock(c, now, calendar);
    return {
      ticketId: c.ticketId,
      ticketNo: c.ticketNo,
      categoryPath: c.categoryPath,
      customer: viewer && canSeePhone(viewer) ? c.phone : maskPhone(c.phone),
      assigneeName: c.assignee,
      clock: c.clock,
      dueAt: v.dueAt ?? c.dueAt!,
      warnAt: c.warnAt,
      elapsedPct: v.elapsedPct,
      state: v.state === 'cancelled' ? 'running' : v.state,
    };
  });
}

export const SAVE_WINDOW_MS = 2 * 3_600_000;

export type { DeadlineCounts } from '../db/deadline-reader';

/**
 * Today's tiles and the tray, counted in tickets (see deadline-tickets.ts): each
 * is the total of the ticket list's deadline filter of the same name.
 */
export function deadlineCounts(ctx: ServiceContext): DeadlineCounts {
  return { breached: deadlineCount(ctx, 'breached'), approaching: deadlineCount(ctx, 'approaching'), dueWithin2h: deadlineCount(ctx, 'dueWithin2h') };
}

/** One of the three counts (see db/deadline-reader.ts). */
export function deadlineCount(ctx: ServiceContext, which: keyof DeadlineCounts): number {
  return new DeadlineReader(ctx.db).count(which, ctx.now(), SAVE_WINDOW_MS);
}

// `sla --at T` has its own file: a past instant needs the clocks as they stood then.
export { slaAt, type SlaItem } from './sla-at';
