/**
 * Reads and writes deadline clocks. A ticket's own clocks are derived state:
 * recomputing replaces them; alerts already raised are kept and remembered so
 * that none is raised twice.
 */
import { z } from 'zod';
import type { Db } from './open';
import type { ClockRow } from '../core/sla/rows';
import type { ClockKind } from '../core/sla/policy';
import { alertKey } from '../core/sla/alerts';
import { outcomeAssignments } from './clock-outcomes';
import { allRows, flag, int, intOrNull, json, text, textOrNull, value } from './rows';

export type StoredClock = ClockRow & { ticketId: number };

const KINDS = ['first_response', 'resolution', 'follow_up', 'refund'] as const satisfies readonly ClockKind[];
const pause = z.tuple([int, intOrNull]);
const plannedAlert = z.object({ kind: z.enum(['approaching', 'breached', 'escalated']), threshold: z.number(), step: int, at: int });

/** The columns of a `ticket_clocks` row (SELECT c.* …) and the clock they make. */
export const ClockColumns = z.object({
  ticket_id: int,
  clock: z.enum(KINDS),
  subject_id: int,
  rule_id: textOrNull,
  started_at: int,
  limit_ms: int,
  business: flag,
  pauses: json.pipe(z.array(pause)),
  stopped_at: intOrNull,
  cancelled: flag,
  untimed: flag,
  due_at: intOrNull,
  warn_at: intOrNull,
  next_alert_at: intOrNull,
  plan: json.pipe(z.array(plannedAlert)),
});

export function toStoredClock(r: z.output<typeof ClockColumns>): StoredClock {
  return {
    ticketId: r.ticket_id,
    clock: r.clock,
    subjectId: r.subject_id,
    ruleId: r.rule_id,
    startedAt: r.started_at,
    limitMs: r.limit_ms,
    business: r.business,
    pauses: r.pauses,
    stoppedAt: r.stopped_at,
    cancelled: r.cancelled,
    untimed: r.untimed,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    nextAlertAt: r.next_alert_at,
    plan: r.plan,
  };
}

const ClockRowSchema: z.ZodType<StoredClock> = ClockColumns.transform(toStoredClock);

const RaisedRow = z.object({ clock: text, subject_id: int, cycle_start: int, kind: z.enum(['approaching', 'breached', 'escalated']), threshold: z.number(), step: int });

/**
 * What a ticket row keeps from its clocks, in one UPDATE: the clock its list
 * row shows (running — not stopped, paused or cancelled — and due first) and
 * the outcome columns the reports read.
 */
const TICKET_COLUMNS_FROM_CLOCKS = `(due_at, due_clock, warn_at) = (SELECT due_at, clock, warn_at FROM ticket_clocks
    WHERE ticket_id = @id AND stopped_at IS NULL AND cancelled = 0 AND due_at IS NOT NULL ORDER BY due_at LIMIT 1),
  ${outcomeAssignments()}`;

function prepareClockStatements(db: Db) {
  return {
    raised: db.prepare('SELECT clock, subject_id, cycle_start, kind, threshold, step FROM alerts WHERE ticket_id = ?'),
    next: db.prepare('SELECT next_alert_at AS t FROM ticket_clocks WHERE next_alert_at IS NOT NULL ORDER BY next_alert_at LIMIT 1'),
    due: db.prepare('SELECT * FROM ticket_clocks WHERE next_alert_at IS NOT NULL AND next_alert_at <= ? ORDER BY next_alert_at LIMIT ?'),
    setNext: db.prepare('UPDATE ticket_clocks SET next_alert_at = ? WHERE ticket_id = ? AND clock = ? AND subject_id = ?'),
    forTicket: db.prepare('SELECT * FROM ticket_clocks WHERE ticket_id = ? ORDER BY started_at, clock'),
    refunds: db.prepare("SELECT * FROM ticket_clocks WHERE clock = 'refund' AND subject_id IN (SELECT value FROM json_each(?))"),
    deleteOne: db.prepare('DELETE FROM ticket_clocks WHERE ticket_id = ? AND subject_id = ? AND clock = ?'),
    upsert: db.prepare(`INSERT INTO ticket_clocks
      (ticket_id, clock, subject_id, rule_id, started_at, limit_ms, business, pauses, stopped_at, cancelled, due_at, warn_at, next_alert_at, plan, untimed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (ticket_id, clock, subject_id) DO UPDATE SET rule_id = excluded.rule_id, started_at = excluded.started_at,
        limit_ms = excluded.limit_ms, business = excluded.business, pauses = excluded.pauses, stopped_at = excluded.stopped_at,
        cancelled = excluded.cancelled, due_at = excluded.due_at, warn_at = excluded.warn_at,
        next_alert_at = excluded.next_alert_at, plan = excluded.plan, untimed = excluded.untimed`),
    refreshDue: db.prepare(`UPDATE tickets SET ${TICKET_COLUMNS_FROM_CLOCKS} WHERE id = @id`),
  };
}

/** Prepared once per connection: a ClockStore is made per request, and preparing nine statements each time cost more than the reads (Today's lists). */
const statementsOf = new WeakMap<Db, ReturnType<typeof prepareClockStatements>>();

export class ClockStore {
  // Prepared once: the monitor's catch-up runs these thousands of times.
  private readonly stmts;

  constructor(private readonly db: Db) {
    let stmts = statementsOf.get(db);
    if (!stmts) statementsOf.set(db, (stmts = prepareClockStatements(db)));
    this.stmts = stmts;
  }

  forTicket(ticketId: number): StoredClock[] {
    return allRows(ClockRowSchema, this.stmts.forTicket, ticketId);
  }

  /** The execution clocks of these refund entries (a page of the refunds list), from the refund clocks' index. */
  refundClocks(refundIds: readonly number[]): StoredClock[] {
    if (refundIds.length === 0) return [];
    return allRows(ClockRowSchema, this.stmts.refunds, JSON.stringify(refundIds));
  }

  /** Keys of the alerts already raised for each clock cycle of a ticket. */
  raisedKeys(ticketId: number): Map<string, Set<string>> {
    const rows = allRows(RaisedRow, this.stmts.raised, ticketId);
    const map = new Map<string, Set<string>>();
    for (const r of rows) {
      const k = cycleKey(r.clock, r.subject_id, r.cycle_start);
      if (!map.has(k)) map.set(k, new Set());
      map.get(k)!.add(alertKey(r));
    }
    return map;
  }

  /**
   * Replace the clocks of one kind-group of a ticket (its own three, or one
   * refund's) and refresh the ticket's most-urgent due time.
   */
  replace(ticketId: number, rows: readonly ClockRow[], scope: { clocks: readonly ClockKind[]; subjectId?: number }): void {
    const subject = scope.subjectId ?? 0;
    // Clocks of the scope that no longer apply go; the rest are written in place.
    for (const kind of scope.clocks) if (!rows.some((r) => r.clock === kind)) this.stmts.deleteOne.run(ticketId, subject, kind);
    for (const r of rows) {
      this.stmts.upsert.run(
        ticketId,
        r.clock,
        r.subjectId,
        r.ruleId,
        r.startedAt,
        r.limitMs,
        r.business ? 1 : 0,
        JSON.stringify(r.pauses),
        r.stoppedAt,
        r.cancelled ? 1 : 0,
        r.dueAt,
        r.warnAt,
        r.nextAlertAt,
        JSON.stringify(r.plan),
        r.untimed ? 1 : 0,
      );
    }
    this.refreshTicketDue(ticketId);
  }

  /** tickets.due_at and friends: the running clock due first, straight from the partial index. */
  refreshTicketDue(ticketId: number): void {
    this.stmts.refreshDue.run({ id: ticketId });
  }

  /** The monitor's wake-up: one probe of the partial index. */
  nextAlertAt(): number | null {
    return value(int, this.stmts.next) ?? null;
  }

  dueForAlert(now: number, limit: number): StoredClock[] {
    return allRows(ClockRowSchema, this.stmts.due, now, limit);
  }

  setNextAlert(c: Pick<StoredClock, 'ticketId' | 'clock' | 'subjectId'>, next: number | null): void {
    this.stmts.setNext.run(next, c.ticketId, c.clock, c.subjectId);
  }

  /** Running clocks (not stopped, not cancelled) of open work, soonest due first. */
  openByDue(limit: number): StoredClock[] {
    return allRows(ClockRowSchema, this.db.prepare(`SELECT * FROM ticket_clocks WHERE stopped_at IS NULL AND cancelled = 0 AND due_at IS NOT NULL ORDER BY due_at LIMIT ?`), limit);
  }

  /** Every clock still running or paused: what `sla` reads at an instant. */
  allOpen(): StoredClock[] {
    return allRows(ClockRowSchema, this.db.prepare('SELECT * FROM ticket_clocks WHERE stopped_at IS NULL AND cancelled = 0 ORDER BY ticket_id'));
  }

  /** Refund clocks started by `at` and not stopped by then (a cancelled one counts until it was cancelled). */
  refundClocksRunningAt(at: number): StoredClock[] {
    return allRows(
      ClockRowSchema,
      this.db.prepare('SELECT * FROM ticket_clocks WHERE subject_id <> 0 AND started_at <= ? AND (stopped_at IS NULL OR stopped_at > ?)'),
      at,
      at,
    );
  }

  /** Whether the ticket's first response or resolution is missed at `now` (an untimed clock never is). */
  missedFirstResponseOrResolution(ticketId: number, now: number): boolean {
    const row: unknown = this.db
      .prepare(
        `SELECT 1 FROM ticket_clocks WHERE ticket_id = ? AND subject_id = 0 AND cancelled = 0 AND untimed = 0
           AND clock IN ('first_response', 'resolution') AND due_at IS NOT NULL AND coalesce(stopped_at, ?) > due_at LIMIT 1`,
      )
      .get(ticketId, now);
    return row !== undefined;
  }
}

export function cycleKey(clock: string, subjectId: number, cycleStart: number): string {
  return `${clock}:${subjectId}:${cycleStart}`;
}
