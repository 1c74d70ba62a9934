/**
 * Reading the clocks: a ticket's clocks with their state now, the most urgent
 * open clocks (the Today page, the tray), and every open clock at an instant
 * (the `sla` command).
 */
import { ClockStore, toStoredClock, type StoredClock } from '../db/clock-store';
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
  const rows = ctx.db
    .prepare(
      `SELECT c.*, t.ticket_no, t.phone, coalesce(a.display_name, t.assignee_name) AS assignee,
         CASE WHEN p.name IS NULL THEN cat.name ELSE p.name || '/' || cat.name END AS category_path
       FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
       JOIN categories cat ON cat.id = t.category_id LEFT JOIN categories p ON p.id = cat.parent_id
       LEFT JOIN users a ON a.id = t.assignee_id
       WHERE c.stopped_at IS NULL AND c.cancelled = 0 AND c.due_at IS NOT NULL
       ORDER BY c.due_at LIMIT ?`,
    )
    .all(limit) as Array<Record<string, unknown>>;
  const calendar = readSlaConfig(ctx.db).calendar;
  return rows.map((r) => {
    const c = toStoredClock(r as never);
    const v = viewClock(c, now, calendar);
    const phone = String(r.phone);
    return {
      ticketId: c.ticketId,
      ticketNo: String(r.ticket_no),
      categoryPath: String(r.category_path),
      customer: viewer && canSeePhone(viewer) ? phone : maskPhone(phone),
      assigneeName: (r.assignee as string | null) ?? null,
      clock: c.clock,
      dueAt: v.dueAt ?? c.dueAt!,
      warnAt: c.warnAt,
      elapsedPct: v.elapsedPct,
      state: v.state === 'cancelled' ? 'running' : v.state,
    };
  });
}

export const SAVE_WINDOW_MS = 2 * 3_600_000;

/** A running clock (not stopped, cancelled or paused), as the partial index ticket_clocks_open_due has it. */
export const RUNNING = 'stopped_at IS NULL AND cancelled = 0 AND due_at IS NOT NULL';

export interface DeadlineCounts {
  /** Tickets whose worst clock is past due. */
  breached: number;
  /** Tickets whose worst clock is past its warning share and not yet due. */
  approaching: number;
  /** Tickets with a running clock due within the next 2 h (not yet past due). */
  dueWithin2h: number;
}

/**
 * Today's tiles and the tray, counted in tickets (see deadline-tickets.ts): each
 * is the total of the ticket list's deadline filter of the same name.
 */
export function deadlineCounts(ctx: ServiceContext): DeadlineCounts {
  return { breached: deadlineCount(ctx, 'breached'), approaching: deadlineCount(ctx, 'approaching'), dueWithin2h: deadlineCount(ctx, 'dueWithin2h') };
}

/** One of the three counts, each a walk of a small partial index (tickets_due, tickets_warn, ticket_clocks_open_due). */
export function deadlineCount(ctx: ServiceContext, which: keyof DeadlineCounts): number {
  const now = ctx.now();
  const n = (sql: string, ...p: unknown[]) => (ctx.db.prepare(sql).get(...p) as { n: number }).n;
  switch (which) {
    case 'breached':
      return n('SELECT count(*) AS n FROM tickets WHERE due_at <= ?', now);
    case 'approaching':
      return n('SELECT count(*) AS n FROM tickets INDEXED BY tickets_warn WHERE warn_at <= ? AND due_at > ?', now, now);
    case 'dueWithin2h':
      return n(`SELECT count(DISTINCT ticket_id) AS n FROM ticket_clocks WHERE ${RUNNING} AND due_at > ? AND due_at <= ?`, now, now + SAVE_WINDOW_MS);
  }
}

// `sla --at T` has its own file: a past instant needs the clocks as they stood then.
export { slaAt, type SlaItem } from './sla-at';
