/**
 * The queries behind Today's deadline tiles, their lists and the tray: counts
 * in tickets, the tickets each list shows with the clock it shows them by, and
 * the facts a list row needs. Rows are checked (db/rows.ts).
 */
import { z } from 'zod';
import { ClockColumns, toStoredClock, type StoredClock } from './clock-store';
import type { Db } from './open';
import { allRows, int, oneRow, text, textOrNull, value } from './rows';

/** A running clock (not stopped, cancelled or paused), as the partial index ticket_clocks_open_due has it. */
export const RUNNING = 'stopped_at IS NULL AND cancelled = 0 AND due_at IS NOT NULL';
const RUNNING_C2 = 'c2.stopped_at IS NULL AND c2.cancelled = 0 AND c2.due_at IS NOT NULL';

export interface DeadlineCounts {
  /** Tickets whose worst clock is past due. */
  breached: number;
  /** Tickets whose worst clock is past its warning share and not yet due. */
  approaching: number;
  /** Tickets with a running clock due within the next 2 h (not yet past due). */
  dueWithin2h: number;
}

/** What a row of Today's lists shows of the ticket besides the clock. */
export interface ListedTicket {
  ticketNo: string;
  phone: string;
  assignee: string | null;
  categoryPath: string;
}

const LISTED_COLUMNS = `t.ticket_no AS ticketNo, t.phone, coalesce(a.display_name, t.assignee_name) AS assignee,
  CASE WHEN p.name IS NULL THEN cat.name ELSE p.name || '/' || cat.name END AS categoryPath`;
const LISTED_JOINS = `JOIN categories cat ON cat.id = t.category_id LEFT JOIN categories p ON p.id = cat.parent_id
  LEFT JOIN users a ON a.id = t.assignee_id`;
const Listed = z.object({ ticketNo: text, phone: text, assignee: textOrNull, categoryPath: text });
const UrgentRow: z.ZodType<StoredClock & ListedTicket> = ClockColumns.extend(Listed.shape).transform((r) => ({
  ...toStoredClock(r),
  ticketNo: r.ticketNo,
  phone: r.phone,
  assignee: r.assignee,
  categoryPath: r.categoryPath,
}));

/** A ticket in one of Today's lists and the clock it is listed by ("clock:subject"). */
const Pick = z.object({ ticketId: int, clockKey: text });
export type ListedPick = z.output<typeof Pick>;

export class DeadlineReader {
  constructor(private readonly db: Db) {}

  /** One of the three counts, each a walk of a small partial index (tickets_due, tickets_warn, ticket_clocks_open_due). */
  count(which: keyof DeadlineCounts, now: number, saveWindowMs: number): number {
    const n = (sql: string, ...p: unknown[]) => value(int, this.db.prepare(sql), ...p) ?? 0;
    switch (which) {
      case 'breached':
        return n('SELECT count(*) FROM tickets WHERE due_at <= ?', now);
      case 'approaching':
        return n('SELECT count(*) FROM tickets INDEXED BY tickets_warn WHERE warn_at <= ? AND due_at > ?', now, now);
      case 'dueWithin2h':
        return n(`SELECT count(DISTINCT ticket_id) FROM ticket_clocks WHERE ${RUNNING} AND due_at > ? AND due_at <= ?`, now, now + saveWindowMs);
    }
  }

  /** The running clocks due first (breached ones lead), with their tickets' list facts. */
  urgent(limit: number): Array<StoredClock & ListedTicket> {
    return allRows(
      UrgentRow,
      this.db.prepare(
        `SELECT c.*, ${LISTED_COLUMNS} FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id ${LISTED_JOINS}
         WHERE c.stopped_at IS NULL AND c.cancelled = 0 AND c.due_at IS NOT NULL ORDER BY c.due_at LIMIT ?`,
      ),
      limit,
    );
  }

  /** Breached tickets, most recently due first, each by its worst clock (the one that sets tickets.due_at). */
  breached(now: number, limit: number): ListedPick[] {
    return allRows(
      Pick,
      this.db.prepare(
        `SELECT t.id AS ticketId, (SELECT c2.clock || ':' || c2.subject_id FROM ticket_clocks c2 WHERE c2.ticket_id = t.id AND ${RUNNING_C2}
           ORDER BY c2.due_at LIMIT 1) AS clockKey
         FROM tickets t WHERE t.due_at <= ? ORDER BY t.due_at DESC, t.id LIMIT ?`,
      ),
      now,
      limit,
    );
  }

  /** Tickets with a running clock due in (now, until], soonest first, each by that clock. */
  savable(now: number, until: number, limit: number): ListedPick[] {
    return allRows(
      Pick,
      this.db.prepare(
        `SELECT s.ticketId, (SELECT c2.clock || ':' || c2.subject_id FROM ticket_clocks c2 WHERE c2.ticket_id = s.ticketId
           AND ${RUNNING_C2} AND c2.due_at = s.due LIMIT 1) AS clockKey
         FROM (SELECT ticket_id AS ticketId, min(due_at) AS due FROM ticket_clocks WHERE ${RUNNING} AND due_at > ? AND due_at <= ?
               GROUP BY ticket_id ORDER BY due, ticket_id LIMIT ?) s
         ORDER BY s.due, s.ticketId`,
      ),
      now,
      until,
      limit,
    );
  }

  /** The list facts of one ticket. */
  listed(ticketId: number): ListedTicket | undefined {
    return oneRow(Listed, this.db.prepare(`SELECT ${LISTED_COLUMNS} FROM tickets t ${LISTED_JOINS} WHERE t.id = ?`), ticketId);
  }
}
