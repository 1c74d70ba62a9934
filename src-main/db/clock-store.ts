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
import { allKindChecked, allRows, flag, int, intOrNull, json, text, textOrNull, value, type ColumnKinds } from './rows';

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

/**
 * A stored clock as its columns hold it, JSON left as text: what a recompute compares its rows with
 * (db/clock-store.ts `storedOf`) without parsing every pause list and alert plan.
 */
export interface StoredClockColumns {
  ticket_id: number;
  clock: string;
  subject_id: number;
  rule_id: string | null;
  started_at: number;
  limit_ms: number;
  business: number;
  pauses: string;
  stopped_at: number | null;
  cancelled: number;
  untimed: number;
  due_at: number | null;
  warn_at: number | null;
  next_alert_at: number | null;
  plan: string;
}

const STORED_KINDS: ColumnKinds<StoredClockColumns> = [
  ['ticket_id', 'int'],
  ['clock', new Set<string | null>(KINDS)],
  ['subject_id', 'int'],
  ['rule_id', 'text?'],
  ['started_at', 'int'],
  ['limit_ms', 'int'],
  ['business', 'int'],
  ['pauses', 'text'],
  ['stopped_at', 'int?'],
  ['cancelled', 'int'],
  ['untimed', 'int'],
  ['due_at', 'int?'],
  ['warn_at', 'int?'],
  ['next_alert_at', 'int?'],
  ['plan', 'text'],
];

interface RaisedOfTicket {
  ticket_id: number;
  clock: string;
  subject_id: number;
  cycle_start: number;
  kind: string;
  threshold: number;
  step: number;
}
const RAISED_KINDS: ColumnKinds<RaisedOfTicket> = [
  ['ticket_id', 'int'],
  ['clock', 'text'],
  ['subject_id', 'int'],
  ['cycle_start', 'int'],
  ['kind', new Set<string | null>(['approaching', 'breached', 'escalated'])],
  ['threshold', 'num'],
  ['step', 'int'],
];

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
    // Many tickets at once: the ids as a JSON array.
    storedOf: db.prepare(`SELECT ticket_id, clock, subject_id, rule_id, started_at, limit_ms, business, pauses, stopped_at, cancelled,
      untimed, due_at, warn_at, next_alert_at, plan FROM ticket_clocks WHERE ticket_id IN (SELECT value FROM json_each(?))`),
    raisedOf: db.prepare(`SELECT ticket_id, clock, subject_id, cycle_start, kind, threshold, step FROM alerts
      WHERE ticket_id IN (SELECT value FROM json_each(?))`),
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

  /** Whether any clock or alert names a ticket id above `lastId` (a removed ticket's id handed out again). */
  anyAbove(lastId: number): boolean {
    const above = this.db.prepare(
      'SELECT EXISTS (SELECT 1 FROM ticket_clocks WHERE ticket_id > @id) OR EXISTS (SELECT 1 FROM alerts WHERE ticket_id > @id)',
    );
    return above.pluck().get({ id: lastId }) === 1;
  }

  /** Every clock of these tickets as stored, by ticket (JSON columns as text). */
  storedOf(ticketIds: readonly number[]): Map<number, StoredClockColumns[]> {
    const byTicket = new Map<number, StoredClockColumns[]>();
    for (const r of allKindChecked(STORED_KINDS, this.stmts.storedOf, JSON.stringify(ticketIds))) {
      let list = byTicket.get(r.ticket_id);
      if (!list) byTicket.set(r.ticket_id, (list = []));
      list.push(r);
    }
    return byTicket;
  }

  /** `raisedKeys` of each of these tickets (a ticket with no alert is absent). */
  raisedKeysOf(ticketIds: readonly number[]): Map<number, Map<string, Set<string>>> {
    const byTicket = new Map<number, Map<string, Set<string>>>();
    for (const r of allKindChecked(RAISED_KINDS, this.stmts.raisedOf, JSON.stringify(ticketIds))) {
      let map = byTicket.get(r.ticket_id);
      if (!map) byTicket.set(r.ticket_id, (map = new Map()));
      const k = cycleKey(r.clock, r.subject_id, r.cycle_start);
      if (!map.has(k)) map.set(k, new Set());
      map.get(k)!.add(alertKey(r as Parameters<typeof alertKey>[0]));
    }
    return byTicket;
  }

  /**
   * Replace the clocks of one kind-group of a ticket (its own three, or one
   * refund's) and refresh the ticket's most-urgent due time.
   */
  replace(ticketId: number, rows: readonly ClockRow[], scope: { clocks: readonly ClockKind[]; subjectId?: number }): void {
    const subject = scope.subjectId ?? 0;
    // Clocks of the scope that no longer apply go; the rest are written in place.
    for (const kind of scope.clocks) if (!rows.some((r) => r.clock === kind)) this.stmts.deleteOne.run(ticketId, subject, kind);
    this.write(ticketId, rows);
    this.refreshTicketDue(ticketId);
  }

  /**
   * The clocks of a ticket that has none yet (just inserted, with the columns they give it already set:
   * core/sla/ticket-columns.ts): nothing to delete, nothing to refresh.
   */
  writeNew(ticketId: number, rows: readonly ClockRow[]): void {
    this.write(ticketId, rows);
  }

  private write(ticketId: number, rows: readonly ClockRow[]): void {
    for (const r of rows) {
      const c = storedColumns(ticketId, r);
      this.stmts.upsert.run(
        c.ticket_id,
        c.clock,
        c.subject_id,
        c.rule_id,
        c.started_at,
        c.limit_ms,
        c.business,
        c.pauses,
        c.stopped_at,
        c.cancelled,
        c.due_at,
        c.warn_at,
        c.next_alert_at,
        c.plan,
        c.untimed,
      );
    }
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

/** The columns a clock row is stored as (what `replace` writes). */
export function storedColumns(ticketId: number, r: ClockRow): StoredClockColumns {
  return {
    ticket_id: ticketId,
    clock: r.clock,
    subject_id: r.subjectId,
    rule_id: r.ruleId,
    started_at: r.startedAt,
    limit_ms: r.limitMs,
    business: r.business ? 1 : 0,
    pauses: JSON.stringify(r.pauses),
    stopped_at: r.stoppedAt,
    cancelled: r.cancelled ? 1 : 0,
    untimed: r.untimed ? 1 : 0,
    due_at: r.dueAt,
    warn_at: r.warnAt,
    next_alert_at: r.nextAlertAt,
    plan: JSON.stringify(r.plan),
  };
}

/** Whether writing `row` over `stored` would leave it as it is. */
export function storesAs(stored: StoredClockColumns, ticketId: number, row: ClockRow): boolean {
  const c = storedColumns(ticketId, row);
  for (const k of Object.keys(c) as Array<keyof StoredClockColumns>) if (stored[k] !== c[k]) return false;
  return true;
}

export function cycleKey(clock: string, subjectId: number, cycleStart: number): string {
  return `${clock}:${subjectId}:${cycleStart}`;
}
