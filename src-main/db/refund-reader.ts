/** Reads refund entries and their history; names are joined here, never stored twice. */
import type { Db } from './open';
import { z } from 'zod';
import { column, int, oneRow } from './rows';
import type { ApproverRole, Refund, RefundEvent, RefundEventAction, RefundStatus, RefundType } from '../core/refunds/types';

export interface RawRefund {
  id: number;
  ticket_id: number;
  ticket_no: string;
  type: RefundType;
  amount_fen: number;
  reason: string;
  status: RefundStatus;
  reverses_id: number | null;
  reversed_by_id: number | null;
  required_role: ApproverRole | null;
  created_at: number;
  created_by: number;
  created_by_name: string;
  submitted_at: number | null;
  submitted_by: number | null;
  decided_at: number | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decision_note: string | null;
  executed_at: number | null;
  executed_by: number | null;
  executed_by_name: string | null;
  voucher_no: string | null;
  version: number;
}

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

interface RawEvent {
  id: number;
  refund_id: number;
  at: number;
  actor_id: number | null;
  actor_name: string | null;
  action: RefundEventAction;
  from_status: RefundStatus | null;
  to_status: RefundStatus | null;
  note: string | null;
  details: string;
}

const toEvent = (e: RawEvent): RefundEvent => ({
  id: e.id,
  refundId: e.refund_id,
  at: e.at,
  actorId: e.actor_id,
  actorName: e.actor_name,
  action: e.action,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  note: e.note,
  details: JSON.parse(e.details) as Record<string, unknown>,
});

const CommittedRow = z.object({ count: int, fen: int });

export class RefundReader {
  constructor(private readonly db: Db) {}

  /** Approved entries waiting to be executed: their execution clocks run. */
  approvedIds(): number[] {
    return column(int, this.db.prepare(`SELECT id FROM refunds WHERE status = 'approved'`));
  }

  get(id: number): StoredRefund | null {
    const r = this.db.prepare(`${REFUND_SELECT} WHERE r.id = ?`).get(id) as RawRefund | undefined;
    return r ? toRefund(r) : null;
  }

  /** The entry already paid with this voucher number (case aside), if any. */
  byVoucher(voucherNo: string): StoredRefund | null {
    const r = this.db.prepare(`SELECT id FROM refunds WHERE voucher_no = ? COLLATE NOCASE LIMIT 1`).get(voucherNo) as { id: number } | undefined;
    return r ? this.get(r.id) : null;
  }

  forTicket(ticketId: number): StoredRefund[] {
    return (this.db.prepare(`${REFUND_SELECT} WHERE r.ticket_id = ? ORDER BY r.created_at, r.id`).all(ticketId) as RawRefund[]).map(toRefund);
  }

  /** The entries of each of these tickets, in one statement (the approvals counter reads every pending entry's ticket). */
  forTickets(ticketIds: readonly number[]): Map<number, StoredRefund[]> {
    const rows = this.db
      .prepare(`${REFUND_SELECT} WHERE r.ticket_id IN (SELECT value FROM json_each(?)) ORDER BY r.ticket_id, r.created_at, r.id`)
      .all(JSON.stringify(ticketIds)) as RawRefund[];
    const byTicket = new Map<number, StoredRefund[]>(ticketIds.map((id) => [id, []]));
    for (const r of rows) byTicket.get(r.ticket_id)!.push(toRefund(r));
    return byTicket;
  }

  /** Entries waiting for approval, oldest submission first. */
  pending(limit: number): StoredRefund[] {
    return (
      this.db
        .prepare(`${REFUND_SELECT} WHERE r.status = 'pending_approval' ORDER BY r.submitted_at, r.id LIMIT ?`)
        .all(limit) as RawRefund[]
    ).map(toRefund);
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
    return (
      this.db
        .prepare(
          `SELECT e.*, u.display_name AS actor_name FROM refund_events e LEFT JOIN users u ON u.id = e.actor_id
           WHERE e.ticket_id = ? ORDER BY e.id`,
        )
        .all(ticketId) as RawEvent[]
    ).map(toEvent);
  }
}
