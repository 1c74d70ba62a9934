/**
 * What the dispatch model reads and writes: the settled tickets it learns
 * from (read a page at a time, so training can yield between pages), the
 * proposals made at registration and import, and their outcome (was a ticket
 * whose proposed department was taken transferred again?). Rows are checked
 * (db/rows.ts).
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
}

/** Parameters: after id, from, to, limit. */
export const SETTLED_PAGE_SQL = `SELECT id, description, category_id AS categoryId, department, resolved_at AS resolvedAt
  FROM tickets
  WHERE id > ? AND +status IN ('resolved', 'closed') AND +resolved_at >= ? AND +resolved_at < ?
  ORDER BY id LIMIT ?`;

const Outcome = z.object({ taken: int, tickets: int, transferred: int });
const Taken = z.object({ proposals: int, categoryTaken: int, departmentTaken: int, accepted: int });

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

  record(p: ProposalRecord): void {
    this.db
      .prepare(
        `INSERT INTO dispatch_proposals (ticket_id, proposed_at, source, category_id, department, category_taken, department_taken, accepted, model_tickets)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (ticket_id) DO NOTHING`,
      )
      .run(p.ticketId, p.proposedAt, p.source, p.categoryId, p.department, +p.categoryTaken, +p.departmentTaken, +p.accepted, p.modelTickets);
  }

  /** Tickets with a department proposal in [from, to), by whether it was taken, and how many of each were transferred since. */
  transferOutcome(from: number, to: number): Array<z.output<typeof Outcome>> {
    return allRows(
      Outcome,
      this.db.prepare(
        `SELECT p.department_taken AS taken, count(*) AS tickets,
           coalesce(sum(EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = p.ticket_id AND e.action = 'transfer')), 0) AS transferred
         FROM dispatch_proposals p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.department IS NOT NULL AND p.proposed_at >= ? AND p.proposed_at < ? AND t.status <> 'voided'
         GROUP BY p.department_taken`,
      ),
      from,
      to,
    );
  }

  /** How many proposals in [from, to), and how many had their category / department taken or the button pressed. */
  takenCounts(from: number, to: number): z.output<typeof Taken> {
    return allRows(
      Taken,
      this.db.prepare(
        `SELECT count(*) AS proposals, coalesce(sum(category_taken), 0) AS categoryTaken,
           coalesce(sum(department_taken), 0) AS departmentTaken, coalesce(sum(accepted), 0) AS accepted
         FROM dispatch_proposals WHERE proposed_at >= ? AND proposed_at < ?`,
      ),
      from,
      to,
    )[0]!;
  }

  /** Those of `ids` without a proposal yet (an import's new rows), with what the file said. */
  importedWithout(ids: readonly number[]): Array<{ id: number; description: string; categoryId: number; department: string | null }> {
    if (ids.length === 0) return [];
    const Row = z.object({ id: int, description: text, categoryId: int, department: textOrNull });
    const stmt = this.db.prepare(
      `SELECT t.id, t.description, t.category_id AS categoryId, t.department FROM tickets t
       WHERE t.id = ? AND NOT EXISTS (SELECT 1 FROM dispatch_proposals p WHERE p.ticket_id = t.id)`,
    );
    return ids.flatMap((id) => allRows(Row, stmt, id));
  }
}
