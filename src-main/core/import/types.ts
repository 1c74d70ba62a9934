/**
 * The shapes of a CRM import (docs/REQUIREMENTS.md §6): what a row of the file becomes once it
 * is understood, why a row is refused, and what an import reports. Plain data
 * only, so the API and the renderer can share these types.
 */
import type { Channel, Level, Satisfaction, Status } from '../enums';

/** Every column the import understands, by its field key. */
export const IMPORT_FIELDS = [
  'ticketNo',
  'channel',
  'receivedAt',
  'phone',
  'customerName',
  'city',
  'district',
  'category',
  'description',
  'level',
  'status',
  'assignee',
  'firstResponder',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'satisfaction',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these columns a file cannot be imported at all. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['ticketNo', 'channel', 'receivedAt', 'phone', 'category', 'description'];

/** One data row as read from the file: its first line (as an editor numbers it) and its cells as text. */
export interface SourceRow {
  line: number;
  cells: string[];
}

/**
 * A row understood. `level` and `status` are null when the file leaves them
 * blank: a new ticket then gets the default, an existing one keeps its own.
 */
export interface ImportedTicket {
  ticketNo: string;
  channel: Channel;
  receivedAt: number;
  phone: string;
  customerName: string | null;
  city: string | null;
  district: string | null;
  categoryId: number;
  description: string;
  level: Level | null;
  status: Status | null;
  assigneeId: number | null;
  assigneeName: string | null;
  /** 首问负责人: a console user by id, or a name kept as written; both null when the file does not say. */
  firstResponderId: number | null;
  firstResponderName: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  satisfaction: Satisfaction | null;
  /**
   * A city or district the branch's lists do not know, as the file wrote it:
   * the ticket's field stays empty and the value waits on the review list
   * (docs/LISTS.md). Null when the value was known or blank.
   */
  heldCity: string | null;
  heldDistrict: string | null;
}

/** Why one cell (or the row) is refused; the sentence is chosen later, in the reader's language. */
export type ProblemCode =
  | 'required'
  | 'too_long'
  | 'invalid_phone'
  | 'unknown_channel'
  | 'unknown_level'
  | 'unknown_status'
  | 'unknown_satisfaction'
  | 'unknown_category'
  | 'bad_time'
  | 'in_future'
  | 'before_received'
  | 'closed_before_resolved'
  | 'resolved_time_required'
  | 'garbled'
  | 'extra_cells'
  | 'duplicate_in_file';

export interface Problem {
  /** The field the problem is about; null for the row as a whole. */
  field: ImportField | null;
  value: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

/** One line of the report: docs/REQUIREMENTS.md §9's `{"line","column","value","reason"}`. */
export interface RejectedCell {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * What the CLI prints with --json. `rejected` lists at most MAX_LISTED_PROBLEMS
 * problems; when there were more, `rejectedOmitted` says how many are not
 * listed (absent otherwise, so the usual report keeps its documented shape).
 */
export interface ImportReport extends ImportCounts {
  rejected: RejectedCell[];
  rejectedOmitted?: number;
}
