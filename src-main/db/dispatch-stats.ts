/**
 * What became of the dispatch proposals (智能派单) made in a range, per source
 * (docs/QC.md, "Dispatch that learns" defines each figure):
 *
 * - form: registered with the proposal shown; taken when the ticket was
 *   registered to the proposed department; transferred again = any transfer
 *   since registration.
 * - import: a CRM row comes without a department, so its proposal is taken or
 *   not when the ticket is first passed on: taken when its first transfer
 *   went to the proposed department; transferred again = a transfer after
 *   that first one. Tickets not transferred yet are counted apart.
 * - transfer: taken when the transfer went to the proposed department;
 *   transferred again = a later transfer of the ticket.
 *
 * Voided tickets are left out of the outcomes, as before.
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int } from './rows';

const Counts = z.object({ proposals: int, categoryTaken: int, departmentTaken: int, accepted: int });
export type ProposalCounts = z.output<typeof Counts>;
/** taken: 1 taken, 0 not, 2 not yet decided (an imported ticket never transferred). */
const Outcome = z.object({ taken: int, tickets: int, transferred: int });
export type OutcomeRow = z.output<typeof Outcome>;

const TRANSFERRED_AFTER = (ticket: string, afterEvent: string) =>
  `EXISTS (SELECT 1 FROM ticket_events l WHERE l.ticket_id = ${ticket} AND l.action = 'transfer' AND l.id > ${afterEvent})`;

export class DispatchStatsReader {
  constructor(private readonly db: Db) {}

  /** Arrival proposals (registration or import) in [from, to): how many, and how many had category / department / button taken. */
  arrivalCounts(source: 'form' | 'import', from: number, to: number): ProposalCounts {
    return allRows(
      Counts,
      this.db.prepare(
        `SELECT count(*) AS proposals, coalesce(sum(category_taken), 0) AS categoryTaken,
           coalesce(sum(department_taken), 0) AS departmentTaken, coalesce(sum(accepted), 0) AS accepted
         FROM dispatch_proposals WHERE source = ? AND proposed_at >= ? AND proposed_at < ?`,
      ),
      source,
      from,
      to,
    )[0]!;
  }

  /** Registered tickets with a department proposal, by whether they were registered to it, and how many were transferred since. */
  formOutcome(from: number, to: number): OutcomeRow[] {
    return allRows(
      Outcome,
      this.db.prepare(
        `SELECT p.department_taken AS taken, count(*) AS tickets, coalesce(sum(${TRANSFERRED_AFTER('p.ticket_id', '0')}), 0) AS transferred
         FROM dispatch_proposals p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.source = 'form' AND p.department IS NOT NULL AND p.proposed_at >= ? AND p.proposed_at < ? AND t.status <> 'voided'
         GROUP BY p.department_taken`,
      ),
      from,
      to,
    );
  }

  /** Imported tickets with a department proposal: taken (1) or not (0) by their first transfer, not yet transferred (2); transferred again after it. */
  importOutcome(from: number, to: number): OutcomeRow[] {
    return allRows(
      Outcome,
      this.db.prepare(
        `SELECT CASE WHEN f.first_id IS NULL THEN 2 WHEN json_extract(e.changes, '$.department[1]') = f.department THEN 1 ELSE 0 END AS taken,
           count(*) AS tickets,
           coalesce(sum(f.first_id IS NOT NULL AND ${TRANSFERRED_AFTER('f.ticket_id', 'f.first_id')}), 0) AS transferred
         FROM (SELECT p.ticket_id, p.department,
                 (SELECT min(x.id) FROM ticket_events x WHERE x.ticket_id = p.ticket_id AND x.action = 'transfer') AS first_id
               FROM dispatch_proposals p JOIN tickets t ON t.id = p.ticket_id
               WHERE p.source = 'import' AND p.department IS NOT NULL AND p.proposed_at >= ? AND p.proposed_at < ? AND t.status <> 'voided') f
         LEFT JOIN ticket_events e ON e.id = f.first_id
         GROUP BY 1`,
      ),
      from,
      to,
    );
  }

  /** Transfers made with a proposal in [from, to): how many, taken, taken with the button. */
  transferCounts(from: number, to: number): Omit<ProposalCounts, 'categoryTaken'> {
    return allRows(
      Counts.omit({ categoryTaken: true }),
      this.db.prepare(
        `SELECT count(*) AS proposals, coalesce(sum(department_taken), 0) AS departmentTaken, coalesce(sum(accepted), 0) AS accepted
         FROM dispatch_transfer_proposals WHERE proposed_at >= ? AND proposed_at < ?`,
      ),
      from,
      to,
    )[0]!;
  }

  /** Transfers with a proposal, by whether they went to it, and how many of their tickets were transferred again after. */
  transferOutcome(from: number, to: number): OutcomeRow[] {
    return allRows(
      Outcome,
      this.db.prepare(
        `SELECT p.department_taken AS taken, count(*) AS tickets, coalesce(sum(${TRANSFERRED_AFTER('p.ticket_id', 'p.event_id')}), 0) AS transferred
         FROM dispatch_transfer_proposals p JOIN tickets t ON t.id = p.ticket_id
         WHERE p.proposed_at >= ? AND p.proposed_at < ? AND t.status <> 'voided'
         GROUP BY p.department_taken`,
      ),
      from,
      to,
    );
  }
}
