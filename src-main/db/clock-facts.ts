/**
 * What the deadline rules read about tickets: a ticket's facts and its status
 * history (to compute its clocks), which tickets have clocks to recompute, and
 * which to look at for an instant in the past. Rows are checked (db/rows.ts).
 */
import { z } from 'zod';
import { CHANNELS, LEVELS, STATUSES } from '../core/enums';
import type { RecordedChange } from '../core/sla/as-of';
import type { ClockedTicket } from '../core/sla/compute';
import type { StatusChange } from '../core/sla/ticket-clocks';
import type { Db } from './open';
import { allKindChecked, allRows, column, int, intOrNull, json, oneRow, text, value, type ColumnKinds } from './rows';
import type { TicketClockColumns } from '../core/sla/ticket-columns';

export type FactsOfTicket = ClockedTicket & { id: number };

/** A ticket as the deadline rules read it (also the clock backfill's rows). */
export const FactsRow: z.ZodType<FactsOfTicket> = z.object({
  id: int,
  channel: z.enum(CHANNELS),
  level: z.enum(LEVELS),
  categoryId: int,
  status: z.enum(STATUSES),
  receivedAt: int,
  firstResponseAt: intOrNull,
  resolvedAt: intOrNull,
  closedAt: intOrNull,
});

const status = z.enum(STATUSES).nullable();
const StatusChangeRow: z.ZodType<StatusChange> = z.object({ at: int, action: text, from: status, to: status });
const changes = json.pipe(z.record(z.string(), z.tuple([z.unknown(), z.unknown()])));
const RecordedRow: z.ZodType<StatusChange & RecordedChange> = z.object({ at: int, action: text, from: status, to: status, changes });

/** A ticket's facts with the columns its clocks gave it (what a recompute compares its result with). */
export type FactsWithColumns = FactsOfTicket & TicketClockColumns;

const codes = (list: readonly string[]) => new Set<string | null>(list);
/** Checked by hand: a recompute of an import's flagged tickets reads tens of thousands. */
const FACTS_KINDS: ColumnKinds<FactsWithColumns> = [
  ['id', 'int'],
  ['channel', codes(CHANNELS)],
  ['level', codes(LEVELS)],
  ['categoryId', 'int'],
  ['status', codes(STATUSES)],
  ['receivedAt', 'int'],
  ['firstResponseAt', 'int?'],
  ['resolvedAt', 'int?'],
  ['closedAt', 'int?'],
  ['dueAt', 'int?'],
  ['dueClock', 'text?'],
  ['warnAt', 'int?'],
  ['frMissedAt', 'int?'],
  ['resMissedAt', 'int?'],
  ['resMetAt', 'int?'],
  ['fuMissedAt', 'int?'],
];
const HISTORY_KINDS: ColumnKinds<StatusChange & { ticketId: number }> = [
  ['ticketId', 'int'],
  ['at', 'int'],
  ['action', 'text'],
  ['from', new Set<string | null>([...STATUSES, null])],
  ['to', new Set<string | null>([...STATUSES, null])],
];

/** The ticket's own clocks: first response, resolution, follow-up (refund clocks have a subject). */
const OWN_CLOCKS = "c.clock IN ('first_response', 'resolution', 'follow_up')";

export class ClockFacts {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      ticket: db.prepare(`SELECT id, channel, level, category_id AS categoryId, status, received_at AS receivedAt,
        first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt FROM tickets WHERE id = ?`),
      history: db.prepare(`SELECT at, action, from_status AS "from", to_status AS "to" FROM ticket_events WHERE ticket_id = ? ORDER BY id`),
      recorded: db.prepare(`SELECT at, action, from_status AS "from", to_status AS "to", changes FROM ticket_events WHERE ticket_id = ? ORDER BY id`),
      ticketNo: db.prepare('SELECT ticket_no FROM tickets WHERE id = ?'),
      assignee: db.prepare('SELECT assignee_id FROM tickets WHERE id = ?'),
      // Many tickets at once: the ids as a JSON array, each looked up by its key (the IN list is walked in order).
      tickets: db.prepare(`SELECT id, channel, level, category_id AS categoryId, status, received_at AS receivedAt,
        first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt,
        due_at AS dueAt, due_clock AS dueClock, warn_at AS warnAt, fr_missed_at AS frMissedAt, res_missed_at AS resMissedAt,
        res_met_at AS resMetAt, fu_missed_at AS fuMissedAt
        FROM tickets WHERE id IN (SELECT value FROM json_each(?))`),
      histories: db.prepare(`SELECT ticket_id AS ticketId, at, action, from_status AS "from", to_status AS "to" FROM ticket_events
        WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY ticket_id, id`),
    };
  }

  /** The facts of these tickets with their clock columns, by id (an id with no ticket is absent). */
  ticketsWithColumns(ids: readonly number[]): Map<number, FactsWithColumns> {
    const rows = allKindChecked(FACTS_KINDS, this.stmts.tickets, JSON.stringify(ids));
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The status changes of each of these tickets, oldest first (as `history` reads one). */
  histories(ids: readonly number[]): Map<number, StatusChange[]> {
    const byTicket = new Map<number, StatusChange[]>();
    for (const { ticketId, at, action, from, to } of allKindChecked(HISTORY_KINDS, this.stmts.histories, JSON.stringify(ids))) {
      let list = byTicket.get(ticketId);
      if (!list) byTicket.set(ticketId, (list = []));
      list.push({ at, action, from, to });
    }
    return byTicket;
  }

  /** The facts the deadline rules read, or undefined for an id with no ticket. */
  ticket(id: number): FactsOfTicket | undefined {
    return oneRow(FactsRow, this.stmts.ticket, id);
  }

  /** The ticket's status changes, oldest first. */
  history(id: number): StatusChange[] {
    return allRows(StatusChangeRow, this.stmts.history, id);
  }

  /** The status changes with every field each event changed (what `ticketAsOf` rolls back). */
  recordedHistory(id: number): Array<StatusChange & RecordedChange> {
    return allRows(RecordedRow, this.stmts.recorded, id);
  }

  ticketNo(id: number): string | undefined {
    return value(text, this.stmts.ticketNo, id);
  }

  /** Who a ticket is assigned to now (null: nobody; undefined: no such ticket). */
  assigneeOf(id: number): number | null | undefined {
    return value(intOrNull, this.stmts.assignee, id);
  }

  /** Tickets with a clock still running or paused. */
  ticketsWithOpenClocks(): number[] {
    return column(int, this.db.prepare('SELECT DISTINCT ticket_id FROM ticket_clocks WHERE stopped_at IS NULL AND cancelled = 0'));
  }

  /**
   * Tickets whose own clocks may have been running at `at`: a clock of theirs
   * runs across it now, or they were reopened since (the earlier cycle did).
   */
  ticketsToReadAt(at: number): number[] {
    return column(
      int,
      this.db.prepare(
        `SELECT ticket_id FROM ticket_clocks WHERE subject_id = 0 AND started_at <= @at AND (stopped_at IS NULL OR stopped_at > @at)
         UNION SELECT e.ticket_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.action = 'reopen' AND e.at > @at AND t.received_at <= @at`,
      ),
      { at },
    );
  }

  /** The highest ticket id (0 with no tickets). */
  lastTicketId(): number {
    return value(int, this.db.prepare('SELECT coalesce(max(id), 0) FROM tickets')) ?? 0;
  }

  /** Tickets with ids in (after, through] that have none of their own clocks. */
  ticketsWithoutClocks(after: number, through: number): number[] {
    return column(
      int,
      this.db.prepare(
        `SELECT t.id FROM tickets t WHERE t.id > ? AND t.id <= ?
           AND NOT EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND ${OWN_CLOCKS})
         ORDER BY t.id`,
      ),
      after,
      through,
    );
  }
}
