/**
 * What only the console decides about codes: the order of the action buttons
 * and which grid columns sort. The code lists themselves (channels, statuses,
 * levels, satisfactions, roles) are core's own (src-main/core/enums.ts), read
 * at run time; tests/unit/renderer/single-source.test.ts fails if a copy
 * comes back. ACTION_ORDER is a record keyed by the backend's union type, so
 * an action added to core/lifecycle.ts without a place here is a compile error.
 */
import type { ActionType, TicketSortField } from '../api/types';

const keys = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

/** The order the action buttons appear in: the usual path first, the rare ones last. */
export const ACTION_ORDER = keys<ActionType>({
  accept: true,
  start: true,
  respond: true,
  pend: true,
  resume: true,
  resolve: true,
  close: true,
  transfer: true,
  request_transfer: true,
  decline_transfer: true,
  collaborate: true,
  escalate: true,
  release: true,
  reopen: true,
  void: true,
});

/** Grid column id → the backend's sort field (columns not listed cannot be sorted). */
export const SORTABLE: Record<string, TicketSortField> = {
  ticketNo: 'ticketNo',
  channel: 'channel',
  level: 'level',
  categoryPath: 'categoryPath',
  district: 'district',
  status: 'status',
  receivedAt: 'receivedAt',
  due: 'dueAt',
};

