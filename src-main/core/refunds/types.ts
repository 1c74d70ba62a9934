/**
 * Refund and compensation entries (docs/REQUIREMENTS.md §4): their types, their statuses, and
 * the shapes the services return. Plain data; amounts in integer fen.
 */
import type { Role } from '../enums';
import type { ClockState } from '../sla/clock';

export const REFUND_TYPES = ['sp_info_fee', 'overcharge', 'goodwill_credit', 'compensation', 'other'] as const;
export type RefundType = (typeof REFUND_TYPES)[number];

export const REFUND_STATUSES = ['draft', 'pending_approval', 'approved', 'rejected', 'executed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** What a person can do to an entry; `reverse` makes a new entry and leaves this one as it is. */
export type RefundAction = 'submit' | 'approve' | 'reject' | 'execute' | 'reverse';

/** What a history line records. `auto_approve`: approved on submission within the submitter's own authority. */
export type RefundEventAction = 'create' | 'submit' | 'auto_approve' | 'approve' | 'reject' | 'execute' | 'reversed';

/** The least role whose authority covers an entry ('agent' = anyone may settle it). */
export type ApproverRole = Extract<Role, 'agent' | 'supervisor' | 'manager'>;

export interface RefundEvent {
  id: number;
  refundId: number;
  at: number;
  actorId: number | null;
  actorName: string | null;
  action: RefundEventAction;
  fromStatus: RefundStatus | null;
  toStatus: RefundStatus | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface Refund {
  id: number;
  ticketId: number;
  ticketNo: string;
  type: RefundType;
  /** Positive for a refund; negative for a reversal (冲正) of an executed one. */
  amountFen: number;
  reason: string;
  status: RefundStatus;
  /** The executed entry this one reverses. */
  reversesId: number | null;
  /** The reversal entry (not rejected) made for this one, if any. */
  reversedById: number | null;
  requiredRole: ApproverRole | null;
  createdAt: number;
  createdBy: number;
  createdByName: string;
  submittedAt: number | null;
  decidedAt: number | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decisionNote: string | null;
  executedAt: number | null;
  executedBy: number | null;
  executedByName: string | null;
  voucherNo: string | null;
  version: number;
}

/** The 72-hour execution deadline of an approved entry, read now. */
export interface RefundClock {
  startedAt: number;
  dueAt: number | null;
  stoppedAt: number | null;
  state: ClockState | 'cancelled';
  elapsedPct: number;
}

/** An entry as a given viewer sees it: its history, its clock and what they may do with it. */
export interface RefundView extends Refund {
  events: RefundEvent[];
  clock: RefundClock | null;
  allowed: RefundAction[];
}

/** One row of the refunds list (the ag-grid): what it shows, nothing more. */
export interface RefundRow {
  id: number;
  ticketId: number;
  ticketNo: string;
  type: RefundType;
  amountFen: number;
  status: RefundStatus;
  reason: string;
  reversesId: number | null;
  createdAt: number;
  createdByName: string;
  decidedByName: string | null;
  executedAt: number | null;
  voucherNo: string | null;
  /** The version a step from the list is sent with. */
  version: number;
}

/** A row of the refunds list as a viewer sees it: its execution deadline read now and whether they may execute it from the list. */
export interface RefundListRow extends RefundRow {
  clock: RefundClock | null;
  mayExecute: boolean;
}

export const REFUND_SORT_FIELDS = ['createdAt', 'amountFen', 'status', 'type', 'ticketNo'] as const;
export type RefundSortField = (typeof REFUND_SORT_FIELDS)[number];

export interface RefundFilter {
  status?: RefundStatus[] | undefined;
  type?: RefundType[] | undefined;
  /** Ticket number prefix. */
  q?: string | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  /** Approved, not executed, and past its execution deadline now (the refund clock's due time). */
  overdue?: boolean | undefined;
  /** Leave the refunds of demo tickets out (exports set it). */
  notDemo?: boolean | undefined;
}

export interface RefundPageQuery {
  offset: number;
  limit: number;
  sort?: { field: RefundSortField; dir: 'asc' | 'desc' } | undefined;
  filter?: RefundFilter | undefined;
}

export interface RefundTotals {
  byType: Array<{ type: RefundType; count: number; amountFen: number }>;
  byStatus: Array<{ status: RefundStatus; count: number; amountFen: number }>;
  count: number;
  /** Executed refunds minus executed reversals: money actually paid out. */
  netExecutedFen: number;
}
