/**
 * The ticket rows as SQLite returns them and as the console uses them: the
 * list's columns and joins, each row's shape check, and the conversion to
 * TicketRow / Ticket / TicketEvent. TicketReader (ticket-reader.ts) runs the
 * statements.
 */
import type Database from 'better-sqlite3';
import type { Ticket, TicketEvent, TicketRow } from '../core/model';
import { CHANNELS, LEVELS, SATISFACTIONS, STATUSES } from '../core/enums';
import type { ClockKind } from '../core/sla/policy';
import { z } from 'zod';
import { int, intOrNull, json, kindChecked, text, textOrNull, type ColumnKinds } from './rows';
export const CATEGORY_PATH_SQL = `CASE WHEN p.name IS NULL THEN c.name ELSE p.name || '/' || c.name END`;

export const ROW_COLUMNS = `
  t.id, t.ticket_no, t.channel, t.received_at, t.phone, t.customer_name, t.district,
  ${CATEGORY_PATH_SQL} AS category_path, t.level, t.status,
  coalesce(a.display_name, t.assignee_name) AS assignee_name, coalesce(f.display_name, t.first_responder_name) AS first_responder_name,
  t.department, t.satisfaction, t.is_repeat, t.is_collective, t.is_demo, t.due_at, t.due_clock, t.warn_at, t.version`;

export const JOINS = `
  JOIN categories c ON c.id = t.category_id
  LEFT JOIN categories p ON p.id = c.parent_id
  LEFT JOIN users a ON a.id = t.assignee_id
  LEFT JOIN users f ON f.id = t.first_responder_id`;

export const RawRow = z.object({
  id: int,
  ticket_no: text,
  channel: z.enum(CHANNELS),
  received_at: int,
  phone: text,
  customer_name: textOrNull,
  district: textOrNull,
  category_path: text,
  level: z.enum(LEVELS),
  status: z.enum(STATUSES),
  assignee_name: textOrNull,
  first_responder_name: textOrNull,
  department: textOrNull,
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  is_repeat: int,
  is_collective: int,
  is_demo: int,
  due_at: intOrNull,
  due_clock: z.enum(['first_response', 'resolution', 'follow_up', 'refund'] satisfies ClockKind[]).nullable(),
  warn_at: intOrNull,
  version: int,
});
export type RawRow = z.output<typeof RawRow>;

export const RawTicket = RawRow.extend({
  city: textOrNull,
  category_id: int,
  description: text,
  first_responder_id: intOrNull,
  assignee_id: intOrNull,
  collaborators: json.pipe(z.array(z.string())),
  first_response_at: intOrNull,
  resolved_at: intOrNull,
  closed_at: intOrNull,
  resolution_note: textOrNull,
  root_cause: textOrNull,
  reopen_count: int,
  void_reason: textOrNull,
  created_at: int,
  updated_at: int,
});
export type RawTicket = z.output<typeof RawTicket>;

export const EventRow: z.ZodType<TicketEvent> = z
  .object({
    id: int,
    ticket_id: int,
    at: int,
    actor_id: intOrNull,
    actor_name: textOrNull,
    action: text,
    from_status: z.enum(STATUSES).nullable(),
    to_status: z.enum(STATUSES).nullable(),
    changes: json.pipe(z.record(z.string(), z.tuple([z.unknown(), z.unknown()]))),
    note: textOrNull,
  })
  .transform((e) => ({
    id: e.id,
    ticketId: e.ticket_id,
    at: e.at,
    actorId: e.actor_id,
    actorName: e.actor_name,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    changes: e.changes,
    note: e.note,
  }));

/**
 * The list's rows are checked by hand, not by zod: zod took ~0.2–0.3 ms a page
 * of 100 rows (~5 % of reading the page on the quick bench database), this
 * check a few microseconds. Same promise: a column missing or of the wrong
 * kind, or a code the console does not know, fails naming the statement.
 */
export const LIST_KINDS: ColumnKinds<RawRow> = [
  ['id', 'int'],
  ['ticket_no', 'text'],
  ['channel', new Set<string | null>(CHANNELS)],
  ['received_at', 'int'],
  ['phone', 'text'],
  ['customer_name', 'text?'],
  ['district', 'text?'],
  ['category_path', 'text'],
  ['level', new Set<string | null>(LEVELS)],
  ['status', new Set<string | null>(STATUSES)],
  ['assignee_name', 'text?'],
  ['first_responder_name', 'text?'],
  ['department', 'text?'],
  ['satisfaction', new Set<string | null>([...SATISFACTIONS, null])],
  ['is_repeat', 'int'],
  ['is_collective', 'int'],
  ['is_demo', 'int'],
  ['due_at', 'int?'],
  ['due_clock', new Set<string | null>(['first_response', 'resolution', 'follow_up', 'refund', null])],
  ['warn_at', 'int?'],
  ['version', 'int'],
];

export function listRow(row: unknown, stmt: Database.Statement<unknown[], unknown>): RawRow {
  return kindChecked(LIST_KINDS, row, stmt);
}

export const IdTime = z.object({ id: int, receivedAt: int });
export const IdPhoneTime = z.object({ id: int, phone: text, receivedAt: int });

export function toRow(r: RawRow): TicketRow {
  return {
    id: r.id,
    ticketNo: r.ticket_no,
    channel: r.channel,
    receivedAt: r.received_at,
    phone: r.phone,
    customerName: r.customer_name,
    district: r.district,
    categoryPath: r.category_path,
    level: r.level,
    status: r.status,
    assigneeName: r.assignee_name,
    firstResponderName: r.first_responder_name,
    department: r.department,
    satisfaction: r.satisfaction,
    isRepeat: r.is_repeat === 1,
    isCollective: r.is_collective === 1,
    isDemo: r.is_demo === 1,
    dueAt: r.due_at,
    dueClock: r.due_clock,
    warnAt: r.warn_at,
    version: r.version,
  };
}

export function toTicket(r: RawTicket): Ticket {
  return {
    ...toRow(r),
    phoneMasked: false,
    city: r.city,
    categoryId: r.category_id,
    description: r.description,
    firstResponderId: r.first_responder_id,
    assigneeId: r.assignee_id,
    collaborators: r.collaborators,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    resolutionNote: r.resolution_note,
    rootCause: r.root_cause,
    reopenCount: r.reopen_count,
    voidReason: r.void_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}
