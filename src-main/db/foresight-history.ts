/**
 * What foresight reads besides the peer groups (db/foresight-peers.ts): the
 * open tickets whose resolution clock runs, and each assignee's open queue.
 * Rows are checked (db/rows.ts).
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, intOrNull, text, textOrNull } from './rows';
import { settledPeerGroups } from './foresight-peers';
import { dataVersion } from './data-version';

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
/** A running resolution clock; its due time is unknown while an open pause holds it. */
const Running = Open.extend({ dueAt: intOrNull });
type Running = z.output<typeof Running>;

/**
 * What was read, kept per connection until the data changes (any write, as
 * db/page-seek.ts): Today asks at every open. The running clocks are read
 * once for both the open list and the queues (each read is a few thousand
 * ticket lookups: ~25 ms of CPU on 1,000,000 tickets, paid again after every write).
 */
interface Kept {
  version: string;
  running: Running[] | null;
  open: Map<number | null, OpenResolution[]>;
  queues: Map<number, number> | null;
}
const kept = new WeakMap<Db, Kept>();

export class ForesightHistory {
  private readonly kept: Kept;

  constructor(private readonly db: Db) {
    const version = dataVersion(db)();
    let k = kept.get(db);
    if (!k || k.version !== version) kept.set(db, (k = { version, running: null, open: new Map(), queues: null }));
    this.kept = k;
  }

  /** Shares of their limit the peer groups settled in [from, to), each ascending (db/foresight-peers.ts). */
  settledPeerGroups(from: number, to: number): Map<string, readonly number[]> {
    return settledPeerGroups(this.db, from, to);
  }

  /** Tickets whose resolution clock runs with a known due time, due first; only `assigneeId`'s when given. Not to be changed by the caller. */
  openResolutions(assigneeId: number | null): readonly OpenResolution[] {
    let rows = this.kept.open.get(assigneeId);
    if (!rows) {
      rows = this.running().filter((r): r is OpenResolution => r.dueAt !== null && (assigneeId === null || r.assigneeId === assigneeId));
      this.kept.open.set(assigneeId, rows);
    }
    return rows;
  }

  /**
   * Every running resolution clock with its ticket, due first (unknown due times before the rest). Along the
   * index of exactly these clocks (migration 0027), which SQLite would not choose over ticket_clocks_open_due
   * by itself: 3 ms on 1,000,000 tickets instead of 18–29 ms, paid after every write.
   */
  private running(): Running[] {
    return (this.kept.running ??= allRows(
      Running,
      this.db.prepare(
        `SELECT t.id AS ticketId, t.ticket_no AS ticketNo, t.category_id AS categoryId, t.department,
                t.assignee_id AS assigneeId, c.started_at AS startedAt, c.due_at AS dueAt, c.warn_at AS warnAt
         FROM ticket_clocks c INDEXED BY ticket_clocks_running_resolution JOIN tickets t ON t.id = c.ticket_id
         WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.stopped_at IS NULL AND c.cancelled = 0
         ORDER BY c.due_at`,
      ),
    ));
  }

  /** One ticket's resolution clock while it runs with a known due time, or null. */
  openResolution(ticketId: number): OpenResolution | null {
    const rows = allRows(
      Open,
      this.db.prepare(
        `SELECT t.id AS ticketId, t.ticket_no AS ticketNo, t.category_id AS categoryId, t.department,
                t.assignee_id AS assigneeId, c.started_at AS startedAt, c.due_at AS dueAt, c.warn_at AS warnAt
         FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.ticket_id = ? AND c.clock = 'resolution' AND c.subject_id = 0 AND c.stopped_at IS NULL AND c.cancelled = 0
           AND c.due_at IS NOT NULL AND t.status <> 'voided'`,
      ),
      ticketId,
    );
    return rows[0] ?? null;
  }

  /** Open tickets (resolution clock running) per assignee. */
  queues(): ReadonlyMap<number, number> {
    if (!this.kept.queues) {
      const queues = new Map<number, number>();
      for (const r of this.running()) if (r.assigneeId !== null) queues.set(r.assigneeId, (queues.get(r.assigneeId) ?? 0) + 1);
      this.kept.queues = queues;
    }
    return this.kept.queues;
  }
}
