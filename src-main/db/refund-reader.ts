/** Reads refund entries and their history; names are joined here, never stored twice. */
import type { Db } from './open';
import { z } from 'zod';
import { allRows, column, int, intOrNull, json, oneRow, text, textOrNull, value } from './rows';
import { REFUND_STATUSES, REFUND_TYPES, type ApproverRole, type Refund, type RefundEvent, type RefundEventAction } from '../core/refunds/types';

const status = z.enum(REFUND_STATUSES);

/** A refunds row with its ticket number, the people's names and the entry reversing it (REFUND_SELECT). */
const RawRefund = z.object({
  id: int,
  ticket_id: int,
  ticket_no: text,
  type: z.enum(REFUND_TYPES),
  amount_fen: int,
  reason: text,
  status,
  reverses_id: intOrNull,
  reversed_by_id: intOrNull,
  required_role: z.enum(['agent', 'supervisor', 'manager'] satisfies ApproverRole[]).nullable(),
  created_at: int,
  created_by: int,
  created_by_name: text,
  submitted_at: intOrNull,
  submitted_by: intOrNull,
  decided_at: intOrNull,
  decided_by: intOrNull,
  decided_by_name: textOrNull,
  decision_note: textOrNull,
  executed_at: intOrNull,
  executed_by: intOrNull,
  executed_by_name: textOrNull,
  voucher_no: textOrNull,
  version: int,
});
type RawRefund = z.output<typeof RawRefund>;

export const REFUND_SELECT = `SELECT r.*, t.ticket_no, cu.display_name AS created_by_name,
    du.display_name AS decided_by_name, eu.display_name AS executed_by_name,
    (SELECT x.id FROM refunds x WHERE x.reverses_id = r.id AND x.status <> 'rejected') AS reversed_by_id
  FROM refunds r JOIN tickets t ON t.id = r.ticket_id
  JOIN users cu ON cu.id = r.created_by
  LEFT JOIN users du ON du.id = r.decided_by
  LEFT JOIN users eu ON eu.id = r.executed_by`;

export function toRefund(r: RawRefund): Refund & { submittedBy: number | null } {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNo: r.ticket_no,
    type: r.type,
    amountFen: r.amount_fen,
    reason: r.reason,
    status: r.status,
    reversesId: r.reverses_id,
    reversedById: r.reversed_by_id,
    requiredRole: r.required_role,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decisionNote: r.decision_note,
    executedAt: r.executed_at,
    executedBy: r.executed_by,
    executedByName: r.executed_by_name,
    voucherNo: r.voucher_no,
    version: r.version,
  };
}

export type StoredRefund = ReturnType<typeof toRefund>;

const RefundRowSchema = RawRefund.transform(toRefund);

const EventRow: z.ZodType<RefundEvent> = z
  .object({
    id: int,
    refund_id: int,
    at: int,
    actor_id: intOrNull,
    actor_name: textOrNull,
    action: z.enum(['create', 'submit', 'auto_approve', 'approve', 'reject', 'execute', 'reversed'] satisfies RefundEventAction[]),
    from_status: status.nullable(),
    to_status: status.nullable(),
    note: textOrNull,
    details: json.pipe(z.record(z.string(), z.unknown())),
  })
  .transform((e) => ({
    id: e.id,
    refundId: e.refund_id,
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    details: e.details,
  }));

const CommittedRow = z.object({ count: int, fen: int });

export class RefundReader {
  constructor(private readonly db: Db) {}

  /** Approved entries waiting to be executed: their execution clocks run. */
  approvedIds(): number[] {
    return column(int, this.db.prepare(`SELECT id FROM refunds WHERE status = 'approved'`));
  }

  get(id: number): StoredRefund | null {
    return oneRow(RefundRowSchema, this.db.prepare(`${REFUND_SELECT} WHERE r.id = ?`), id) ?? null;
  }

  /** The entry already paid with this voucher number (case aside), if any. */
  byVoucher(voucherNo: string): StoredRefund | null {
    const id = value(int, this.db.prepare(`SELECT id FROM refunds WHERE voucher_no = ? COLLATE NOCASE LIMIT 1`), voucherNo);
    return id === undefined ? null : this.get(id);
  }

  forTicket(ticketId: number): StoredRefund[] {
    return allRows(RefundRowSchema, this.db.prepare(`${REFUND_SELECT} WHERE r.ticket_id = ? ORDER BY r.created_at, r.id`), ticketId);
  }

  /** The entries of each of these tickets, in one statement (the approvals counter reads every pending entry's ticket). */
  forTickets(ticketIds: readonly number[]): Map<number, StoredRefund[]> {
    const rows = allRows(
      RefundRowSchema,
      this.db.prepare(`${REFUND_SELECT} WHERE r.ticket_id IN (SELECT value FROM json_each(?)) ORDER BY r.ticket_id, r.created_at, r.id`),
      JSON.stringify(ticketIds),
    );
    const byTicket = new Map<number, StoredRefund[]>(ticketIds.map((id) => [id, []]));
    for (const r of rows) byTicket.get(r.ticketId)!.push(r);
    return byTicket;
  }

  /** Entries waiting for approval, oldest submission first. */
  pending(limit: number): StoredRefund[] {
    return allRows(RefundRowSchema, this.db.prepare(`${REFUND_SELECT} WHERE r.status = 'pending_approval' ORDER BY r.submitted_at, r.id LIMIT ?`), limit);
  }

  /** A ticket's entries not rejected, reversals (negative rows) included: how many, and what the customer is actually getting. */
  committedToTicket(ticketId: number): { count: number; fen: number } {
    return oneRow(
      CommittedRow,
      this.db.prepare("SELECT count(*) AS count, ifnull(sum(amount_fen), 0) AS fen FROM refunds WHERE ticket_id = ? AND status <> 'rejected'"),
      ticketId,
    )!;
  }

  /** The history of every entry of a ticket, oldest first. */
  eventsForTicket(ticketId: number): RefundEvent[] {
    return allRows(
      EventRow,
      this.db.prepare(
        `SELECT e.*, u.display_name AS actor_name FROM refund_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.ticket_id = ? ORDER BY e.id`,
      ),
      ticketId,
    );
  }
}
