/**
 * The shapes the console speaks in: what a service returns and the API sends.
 * Plain data only (times as UTC epoch milliseconds), so the renderer can import
 * these types without pulling in anything that runs.
 */
import type { Channel, Level, Role, Satisfaction, Status } from './enums';
import type { ClockKind } from './sla/policy';

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  department: string | null;
  active: boolean;
}

export interface Ticket {
  id: number;
  ticketNo: string;
  channel: Channel;
  receivedAt: number;
  /** The full number, or 138****5678 when the viewer may not see it. */
  phone: string;
  phoneMasked: boolean;
  customerName: string | null;
  city: string | null;
  district: string | null;
  categoryId: number;
  categoryPath: string;
  level: Level;
  status: Status;
  description: string;
  firstResponderId: number | null;
  firstResponderName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  department: string | null;
  collaborators: string[];
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  resolutionNote: string | null;
  rootCause: string | null;
  satisfaction: Satisfaction | null;
  isRepeat: boolean;
  isCollective: boolean;
  /** Made by 设置 → 演示数据 (removed together, left out of reports once real tickets exist). */
  isDemo: boolean;
  reopenCount: number;
  voidReason: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** One row of the ticket list: what the grid shows, nothing more. */
export type TicketRow = Pick<
  Ticket,
  | 'id'
  | 'ticketNo'
  | 'channel'
  | 'receivedAt'
  | 'phone'
  | 'customerName'
  | 'district'
  | 'categoryPath'
  | 'level'
  | 'status'
  | 'assigneeName'
  | 'firstResponderName'
  | 'department'
  | 'satisfaction'
  | 'isRepeat'
  | 'isCollective'
  | 'isDemo'
  /** For a batch action from the list: the version the row was read at. */
  | 'version'
> & {
  /** The running clock due first: its due time, which clock, and when it turns amber. */
  dueAt: number | null;
  dueClock: ClockKind | null;
  warnAt: number | null;
};

export interface TicketEvent {
  id: number;
  ticketId: number;
  at: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  changes: Record<string, [unknown, unknown]>;
  note: string | null;
}

export interface Category {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
}

/** Sortable columns of the ticket list; the SQL side maps each to an indexed column. */
export const TICKET_SORT_FIELDS = [
  'receivedAt',
  'ticketNo',
  'channel',
  'level',
  'status',
  'district',
  'categoryPath',
  // Sorting by due time lists only tickets with a running clock, soonest first.
  'dueAt',
] as const;
export type TicketSortField = (typeof TICKET_SORT_FIELDS)[number];

export interface TicketFilter {
  status?: Status[] | undefined;
  channel?: Channel[] | undefined;
  level?: Level[] | undefined;
  /** A top-level category includes its children. */
  categoryId?: number | undefined;
  district?: string | undefined;
  assigneeId?: number | undefined;
  /** Tickets nobody is assigned to (the workload view's 未分配). */
  unassigned?: boolean | undefined;
  /** Ticket number or phone, as typed in the search box (prefix match). */
  q?: string | undefined;
  receivedFrom?: number | undefined;
  receivedTo?: number | undefined;
  repeat?: boolean | undefined;
  open?: boolean | undefined;
  /** Deadline state now: past due, due within 2 h, or past the first warning threshold. */
  deadline?: 'breached' | 'within2h' | 'approaching' | undefined;
  /** From the reports' drill-down: the ticket's department, a clock it missed (at now), arrival windows [from, to). */
  department?: string | undefined;
  missed?: 'first_response' | 'resolution' | 'follow_up' | 'any' | undefined;
  /** From the breach-cause Pareto: tickets whose recorded breach cause is this code. */
  breachCause?: string | undefined;
  receivedWindows?: Array<[number, number]> | undefined;
  /** Leave demo tickets out once a real ticket exists, as the reports do (exports and the reports' drill-downs set it). */
  notDemo?: boolean | undefined;
}

export interface TicketPageQuery {
  offset: number;
  limit: number;
  sort?: { field: TicketSortField; dir: 'asc' | 'desc' } | undefined;
  filter?: TicketFilter | undefined;
}

export interface Page<T> {
  rows: T[];
  total: number;
}
