/** The refund shapes of the backend, as types only, and its code lists (core's own, pure data). */

export type {
  ApproverRole,
  Refund,
  RefundAction,
  RefundClock,
  RefundEvent,
  RefundFilter,
  RefundListRow,
  RefundRow,
  RefundSortField,
  RefundStatus,
  RefundTotals,
  RefundType,
  RefundView,
} from '../../src-main/core/refunds/types';
export type { RefundSettings } from '../../src-main/core/refunds/authority';
export type { ApprovalItem, TicketRefunds } from '../../src-main/services/refunds/queries';

export { REFUND_STATUSES, REFUND_TYPES } from '../../src-main/core/refunds/types';
