/** The refund shapes of the backend, as types only, and the code lists the UI iterates over. */
import type { RefundStatus, RefundType } from '../../src-main/core/refunds/types';

export type {
  ApproverRole,
  Refund,
  RefundAction,
  RefundClock,
  RefundEvent,
  RefundFilter,
  RefundRow,
  RefundSortField,
  RefundStatus,
  RefundTotals,
  RefundType,
  RefundView,
} from '../../src-main/core/refunds/types';
export type { RefundSettings } from '../../src-main/core/refunds/authority';
export type { ApprovalItem, TicketRefunds } from '../../src-main/services/refunds/queries';

const keys = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

export const REFUND_TYPES = keys<RefundType>({ sp_info_fee: true, overcharge: true, goodwill_credit: true, compensation: true, other: true });
export const REFUND_STATUSES = keys<RefundStatus>({ draft: true, pending_approval: true, approved: true, rejected: true, executed: true });
