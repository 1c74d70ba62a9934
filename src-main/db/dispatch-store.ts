/**
 * What the dispatch model reads and writes: the settled tickets it learns
 * from (read a page at a time, so training can yield between pages), the
 * proposals made at registration, import and transfer, and the queue of
 * imports waiting for theirs. What became of the proposals is read by
 * dispatch-stats.ts. Rows are checked (db/rows.ts).
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, text, textOrNull } from './rows';

const Settled = z.object({ id: int, description: text, categoryId: int, department: textOrNull, resolvedAt: int });
export type SettledTicket = z.output<typeof Settled>;

export interface ProposalRecord {
  ticketId: number;
  proposedAt: number;
  source: 'form' | 'import';
  categoryId: number | null;
  department: string | null;
  categoryTaken: boolean;
  departmentTaken: boolean;
  accepted: boolean;
  modelTickets: number;
  /** The n-grams that decided each (none recorded for the form, which shows them live). */
  categoryReasons?: readonly string[] | null;
  departmentReasons?: readonly string[] | null;
}

/** A department proposed on a transfer (转派) and what the transfer did with it. */
export interface TransferProposalRecord {
  eventId: number;
  ticketId: number;
  proposedAt: number;
  department: string;
  departmentTaken: boolean;
  accepted: boolean;
  modelTickets: number;
}

/** An import's tickets still waiting for their proposals: ids nextId..lastId. */
export interface QueuedImport {
  id: number;
  firstId: number;
  lastId: number;
  nextId: number;
}

const Queued = z.object({ id: int, firstId: int, lastId: int, nextId: int });
const ImportedTicket = z.object({ id: int, description: text, categoryId: int });
export type ImportedTicket = z.output<typeof ImportedTicket>;
const grams = z
  .string()
  .nullable()
  .transform((x) => (x === null ? [] : z.array(z.string()).parse(JSON.parse(x))));
const Arrival = z.object({
  source: z.enum(['form', 'import']),
  proposedAt: int,
  categoryId: z.number().int().nullable(),
  department: textOrNull,
  categoryReasons: grams,
  departmentReasons: grams,
  modelTickets: int,
});
export type ArrivalProposal = z.output<typeof Arrival>;

/** Parameters: after id, from, to, limit. */
export const SETTLED_PAGE_SQL = `SELECT id, description, category_id AS categoryId, department, resolved_at AS resolvedAt
  FROM tickets
  WHERE id > ? AND +status IN ('resolved', 'closed') AND +resolved_at >= ? AND +resolved_at < ?
  ORDER BY id LIMIT ?`;

export class DispatchStore {
  constructor(private readonly db: Db) {}

  /**
   * Up to `limit` tickets settled (已办结 or 已回访关闭) in [from, to), after
   * ticket `afterId`, in id order: one page of the training set. It walks
   * the primary key (unary + keeps SQLite off the status index, which would
   * sort every settled ticket again for each page: hours on a million).
   */
  settledPage(afterId: number, from: number, to: number, limit: number): SettledTicket[] {
    return allRows(
      Settled,
      this.db.prepare(SETTLED_PAGE_SQL),
      afterId,
      from,
      to,
      limit,
    );
  }

  /** Those of `ids` that are settled now, in id order. */
  settledByIds(ids: readonly number[]): SettledTicket[] {
    const stmt = this.db.prepare(
      `SELECT id, description, category_id AS categoryId, department, resolved_at AS resolvedAt
       FROM tickets WHERE id = ? AND status IN ('resolved', 'closed') AND resolved_at IS NOT NULL`,
    );
    return [...ids].sort((a, b) => a - b).flatMap((id) => allRows(Settled, stmt, id));
  }

  /** A ticket's proposal at its arrival (registration or import); a second one for the same ticket is ignored. */
  record(p: ProposalRecord): void {
    const reasons = (r: readonly string[] | null | undefined) => (r && r.length ? JSON.stringify(r) : null);
    this.db
      .prepare(
        `INSERT INTO dispatch_proposals (ticket_id, proposed_at, source, category_id, department, category_taken, department_taken, accepted, model_tickets,
           category_reasons, department_reasons)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (ticket_id) DO NOTHING`,
      )
      .run(
        p.ticketId,
        p.proposedAt,
        p.source,
        p.categoryId,
        p.department,
        +p.categoryTaken,
        +p.departmentTaken,
        +p.accepted,
        p.modelTickets,
        reasons(p.categoryReasons),
        reasons(p.departmentReasons),
      );
  }

  recordTransfer(p: TransferProposalRecord): void {
    this.db
      .prepare(
        `INSERT INTO dispatch_transfer_proposals (event_id, ticket_id, proposed_at, department, department_taken, accepted, model_tickets)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.eventId, p.ticketId, p.proposedAt, p.department, +p.departmentTaken, +p.accepted, p.modelTickets);
  }

  /** The proposal recorded when the ticket arrived (registered or imported), with its reasons; null when none was. */
  arrivalProposal(ticketId: number): ArrivalProposal | null {
    return (
      allRows(
        Arrival,
        this.db.prepare(
          `SELECT source, proposed_at AS proposedAt, category_id AS categoryId, department, category_reasons AS categoryReasons,
             department_reasons AS departmentReasons, model_tickets AS modelTickets
           FROM dispatch_proposals WHERE ticket_id = ?`,
        ),
        ticketId,
      )[0] ?? null
    );
  }

  /** Note, inside the import's transaction, the ticket ids it inserted: their proposals are made after it. */
  queueImport(firstId: number, lastId: number, at: number): void {
    if (lastId < firstId) return;
    this.db.prepare('INSERT INTO dispatch_import_queue (queued_at, first_id, last_id, next_id) VALUES (?, ?, ?, ?)').run(at, firstId, lastId, firstId);
  }

  /** The oldest import still waiting for proposals. */
  nextQueued(): QueuedImport | null {
    return allRows(Queued, this.db.prepare('SELECT id, first_id AS firstId, last_id AS lastId, next_id AS nextId FROM dispatch_import_queue ORDER BY id LIMIT 1'))[0] ?? null;
  }

  /** Up to `limit` tickets with ids in [fromId, toId], in id order: one page of an import's tickets (voided ones too). */
  importedPage(fromId: number, toId: number, limit: number): ImportedTicket[] {
    return allRows(
      ImportedTicket,
      this.db.prepare('SELECT id, description, category_id AS categoryId FROM tickets WHERE id >= ? AND id <= ? ORDER BY id LIMIT ?'),
      fromId,
      toId,
      limit,
    );
  }

  /** Move an import's cursor past what was proposed; the queue row goes once every ticket is done. */
  advanceQueue(q: QueuedImport, nextId: number): void {
    if (nextId > q.lastId) this.db.prepare('DELETE FROM dispatch_import_queue WHERE id = ?').run(q.id);
    else this.db.prepare('UPDATE dispatch_import_queue SET next_id = ? WHERE id = ?').run(nextId, q.id);
  }
}
