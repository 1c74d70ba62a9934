/**
 * Writes refund entries. Every change names the version it was read at, so
 * two people deciding the same entry at once cannot both win; the triggers of
 * migration 0003 refuse anything the rules forbid even if this code asked.
 */
import type { Db } from './open';
import type { ApproverRole, RefundEventAction, RefundStatus, RefundType } from '../core/refunds/types';

export interface NewRefundRow {
  ticketId: number;
  type: RefundType;
  amountFen: number;
  reason: string;
  status: RefundStatus;
  reversesId: number | null;
  requiredRole: ApproverRole | null;
  createdAt: number;
  createdBy: number;
  submittedAt: number | null;
  submittedBy: number | null;
  decidedAt: number | null;
  decidedBy: number | null;
}

/** Columns a step may set; nothing else is ever written after insert. */
export interface RefundPatch {
  status: RefundStatus;
  requiredRole?: ApproverRole | null;
  submittedAt?: number;
  submittedBy?: number;
  decidedAt?: number;
  decidedBy?: number;
  decisionNote?: string | null;
  executedAt?: number;
  executedBy?: number;
  voucherNo?: string;
}

const COLUMNS: Record<keyof RefundPatch, string> = {
  status: 'status',
  requiredRole: 'required_role',
  submittedAt: 'submitted_at',
  submittedBy: 'submitted_by',
  decidedAt: 'decided_at',
  decidedBy: 'decided_by',
  decisionNote: 'decision_note',
  executedAt: 'executed_at',
  executedBy: 'executed_by',
  voucherNo: 'voucher_no',
};

export interface RefundEventRow {
  refundId: number;
  ticketId: number;
  at: number;
  actorId: number | null;
  action: RefundEventAction;
  fromStatus: RefundStatus | null;
  toStatus: RefundStatus | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

export class RefundWriter {
  constructor(private readonly db: Db) {}

  insert(r: NewRefundRow): number {
    const info = this.db
      .prepare(
        `INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, reverses_id, required_role, created_at, created_by,
           submitted_at, submitted_by, decided_at, decided_by)
         VALUES (@ticketId, @type, @amountFen, @reason, @status, @reversesId, @requiredRole, @createdAt, @createdBy,
           @submittedAt, @submittedBy, @decidedAt, @decidedBy)`,
      )
      .run(r);
    return Number(info.lastInsertRowid);
  }

  /** Apply a step if the entry is still at `version`; false when someone changed it first. */
  update(id: number, version: number, patch: RefundPatch): boolean {
    const keys = Object.keys(patch) as Array<keyof RefundPatch>;
    const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
    const info = this.db
      .prepare(`UPDATE refunds SET ${sets}, version = version + 1 WHERE id = @id AND version = @version`)
      .run({ ...patch, id, version });
    return info.changes === 1;
  }

  addEvent(e: RefundEventRow): void {
    this.db
      .prepare(
        `INSERT INTO refund_events (refund_id, ticket_id, at, actor_id, action, from_status, to_status, note, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.refundId, e.ticketId, e.at, e.actorId, e.action, e.fromStatus, e.toStatus, e.note ?? null, JSON.stringify(e.details ?? {}));
  }
}
