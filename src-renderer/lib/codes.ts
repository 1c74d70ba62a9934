/**
 * The code lists the UI iterates over. Written as records keyed by the
 * backend's union types, so a code added to src-main/core/enums.ts without
 * being added here is a compile error.
 */
import type { ActionType, Channel, Level, Role, Satisfaction, Status, TicketSortField } from '../api/types';

const keys = <T extends string>(record: Record<T, true>): T[] => Object.keys(record) as T[];

export const CHANNELS = keys<Channel>({ '10086': true, '10080': true, '12300': true, store: true, online: true, social: true, other: true });
export const LEVELS = keys<Level>({ normal: true, major: true, overlevel: true });
export const STATUSES = keys<Status>({
  new: true,
  accepted: true,
  in_progress: true,
  pending_customer: true,
  responded: true,
  resolved: true,
  closed: true,
  voided: true,
});
export const SATISFACTIONS = keys<Satisfaction>({ satisfied: true, basically_satisfied: true, dissatisfied: true });
export const ROLES = keys<Role>({ agent: true, supervisor: true, manager: true, admin: true });

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

