/**
 * What foresight reads: the resolution durations of tickets settled in a
 * window, grouped by category and department (the peer groups), the open
 * tickets whose resolution clock runs, and each assignee's open queue.
 * Rows are checked (db/rows.ts).
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, intOrNull, text, textOrNull } from './rows';

/** A peer group's key: category id and department ('' when none). */
export function peerKey(categoryId: number, department: string | null): string {
  return `${categoryId}|${department ?? ''}`;
}

const Settled = z.object({ categoryId: int, department: textOrNull, durationMs: int });
const Open = z.object({
  ticketId: int,
  ticketNo: text,
  categoryId: int,
  department: textOrNull,
  assigneeId: intOrNull,
  startedAt: int,
  dueAt: int,
  warnAt: intOrNull,
});
export type OpenResolution = z.output<typeof Open>;
const Queue = z.object({ assigneeId: int, open: int });

export class ForesightHistory {
  constructor(private readonly db: Db) {}

  /** Resolution durations (ms) of tickets whose resolution clock stopped in [from, to), by peer group. */
  settledDurations(from: number, to: number): Map<string, number[]> {
    const rows = allRows(
      Settled,
      this.db.prepare(
        `SELECT t.category_id AS categoryId, t.department, c.stopped_at - c.started_at AS durationMs
         FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.cancelled = 0
           AND c.stopped_at >= ? AND c.stopped_at < ? AND t.status <> 'voided'`,
      ),
      from,
      to,
    );
    const groups = new Map<string, number[]>();
    for (const r of rows) {
      const key = peerKey(r.categoryId, r.department);
      const list = groups.get(key) ?? [];
      list.push(r.durationMs);
      groups.set(key, list);
    }
    return groups;
  }

  /** Tickets whose resolution clock runs with a known due time, due first; only `assigneeId`'s when given. */
  openResolutions(assigneeId: number | null): OpenResolution[] {
    return allRows(
      Open,
      this.db.prepare(
        `SELECT t.id AS ticketId, t.ticket_no AS ticketNo, t.category_id AS categoryId, t.department,
                t.assignee_id AS assigneeId, c.started_at AS startedAt, c.due_at AS dueAt, c.warn_at AS warnAt
         FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.stopped_at IS NULL AND c.cancelled = 0
           AND c.due_at IS NOT NULL AND (? IS NULL OR t.assignee_id = ?)
         ORDER BY c.due_at`,
      ),
      assigneeId,
      assigneeId,
    );
  }

  /** Open tickets (resolution clock running) per assignee. */
  queues(): Map<number, number> {
    const rows = allRows(
      Queue,
      this.db.prepare(
        `SELECT t.assignee_id AS assigneeId, count(*) AS open
         FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.stopped_at IS NULL AND c.cancelled = 0
           AND t.assignee_id IS NOT NULL
         GROUP BY t.assignee_id`,
      ),
    );
    return new Map(rows.map((r) => [r.assigneeId, r.open]));
  }
}
