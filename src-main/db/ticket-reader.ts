/**
 * Reads tickets. Paging, sorting and filtering are done in SQL on indexed
 * columns, so the list stays fast on a table of millions: the renderer only
 * ever holds the page it shows.
 */
import type Database from 'better-sqlite3';
import type { Db } from './open';
import type {
  Page,
  Ticket,
  TicketEvent,
  TicketPageQuery,
  TicketRow,
  TicketSortField,
} from '../core/model';
import type { Channel, Level, Satisfaction, Status } from '../core/enums';
import type { ClockKind } from '../core/sla/policy';
import { PageSeek } from './page-seek';
import { column, int, intOrNull, text, value } from './rows';
import { whereClause, type PhoneMatch } from './ticket-filter-sql';

export type { PhoneMatch } from './ticket-filter-sql';


/** The SQL for every sortable field; never interpolate anything else into ORDER BY. */
const SORT_SQL: Record<TicketSortField, string> = {
  receivedAt: 't.received_at',
  ticketNo: 't.ticket_no',
  channel: 't.channel',
  level: 't.level',
  status: 't.status',
  district: 't.district',
  categoryPath: 't.category_id',
  dueAt: 't.due_at',
};

/** Sorts whose column may be NULL: a row-value comparison with NULL matches nothing, so these page by OFFSET. */
const NULLABLE_SORTS: ReadonlySet<TicketSortField> = new Set(['district', 'dueAt']);

const CATEGORY_PATH_SQL = `CASE WHEN p.name IS NULL THEN c.name ELSE p.name || '/' || c.name END`;

const ROW_COLUMNS = `
  t.id, t.ticket_no, t.channel, t.received_at, t.phone, t.customer_name, t.district,
  ${CATEGORY_PATH_SQL} AS category_path, t.level, t.status,
  coalesce(a.display_name, t.assignee_name) AS assignee_name, coalesce(f.display_name, t.first_responder_name) AS first_responder_name,
  t.department, t.satisfaction, t.is_repeat, t.is_collective, t.due_at, t.due_clock, t.warn_at, t.version`;

const JOINS = `
  JOIN categories c ON c.id = t.category_id
  LEFT JOIN categories p ON p.id = c.parent_id
  LEFT JOIN users a ON a.id = t.assignee_id
  LEFT JOIN users f ON f.id = t.first_responder_id`;

interface RawRow {
  id: number;
  ticket_no: string;
  channel: Channel;
  received_at: number;
  phone: string;
  customer_name: string | null;
  district: string | null;
  category_path: string;
  level: Level;
  status: Status;
  assignee_name: string | null;
  first_responder_name: string | null;
  department: string | null;
  satisfaction: Satisfaction | null;
  is_repeat: number;
  is_collective: number;
  due_at: number | null;
  due_clock: ClockKind | null;
  warn_at: number | null;
  version: number;
}

interface RawTicket extends RawRow {
  city: string | null;
  category_id: number;
  description: string;
  first_responder_id: number | null;
  assignee_id: number | null;
  collaborators: string;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  resolution_note: string | null;
  root_cause: string | null;
  reopen_count: number;
  void_reason: string | null;
  created_at: number;
  updated_at: number;
}

function toRow(r: RawRow): TicketRow {
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
    dueAt: r.due_at,
    dueClock: r.due_clock,
    warnAt: r.warn_at,
    version: r.version,
  };
}

function toTicket(r: RawTicket): Ticket {
  return {
    ...toRow(r),
    phoneMasked: false,
    city: r.city,
    categoryId: r.category_id,
    description: r.description,
    firstResponderId: r.first_responder_id,
    assigneeId: r.assignee_id,
    collaborators: JSON.parse(r.collaborators) as string[],
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

export class TicketReader {
  // The fixed queries are prepared on first use and kept: a ticket action, an import batch
  // and the clock upkeep read tickets by id many times over.
  private readonly stmts = new Map<string, Database.Statement<unknown[], unknown>>();

  private readonly seek: PageSeek;

  constructor(private readonly db: Db) {
    this.seek = new PageSeek(db, (sql) => this.stmt(sql));
  }

  private stmt(sql: string): Database.Statement<unknown[], unknown> {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** Districts that occur on tickets, by a skip-scan of the district index (one seek per distinct value). */
  districts(): string[] {
    return column(
      text,
      this.db.prepare(`WITH RECURSIVE d(v) AS (
          SELECT (SELECT min(district) FROM tickets WHERE district IS NOT NULL)
          UNION ALL
          SELECT (SELECT min(district) FROM tickets WHERE district > d.v) FROM d WHERE d.v IS NOT NULL)
        SELECT v FROM d WHERE v IS NOT NULL`),
    );
  }

  /** How many tickets the database holds, voided ones included. */
  count(): number {
    return value(int, this.stmt('SELECT count(*) FROM tickets')) ?? 0;
  }

  /** The highest ticket id so far (0 when there is none): what a batch inserted is what comes after it. */
  lastId(): number {
    return value(int, this.stmt('SELECT coalesce(max(id), 0) FROM tickets')) ?? 0;
  }

  /** When the branch's first ticket was received, whatever its status; null in an empty database. */
  firstReceivedAt(): number | null {
    return value(intOrNull, this.stmt('SELECT min(received_at) FROM tickets')) ?? null;
  }

  /** The latest ticket number of a channel starting with `prefix` (the day's numbering), if any. */
  lastTicketNo(channel: Channel, prefix: string): string | undefined {
    return value(
      text,
      this.db.prepare(`SELECT ticket_no FROM tickets WHERE channel = ? AND ticket_no >= ? AND ticket_no < ? ORDER BY ticket_no DESC LIMIT 1`),
      channel,
      prefix,
      prefix + '\uffff',
    );
  }

  get(id: number): Ticket | null {
    const r = this
      .stmt(`SELECT t.*, ${ROW_COLUMNS} FROM tickets t ${JOINS} WHERE t.id = ?`)
      .get(id) as RawTicket | undefined;
    return r ? toTicket(r) : null;
  }

  findByNo(channel: Channel, ticketNo: string): Ticket | null {
    const row = this.stmt('SELECT id FROM tickets WHERE channel = ? AND ticket_no = ?').get(channel, ticketNo) as
      | { id: number }
      | undefined;
    return row ? this.get(row.id) : null;
  }

  page(q: TicketPageQuery, now: number, phoneMatch: PhoneMatch = 'any'): Page<TicketRow> {
    const sort = q.sort ?? { field: 'receivedAt', dir: 'desc' };
    const counted = whereClause(q.filter, now, phoneMatch);
    const key = JSON.stringify([counted.sql, counted.params]);
    // Kept until the data changes (page-seek.ts): the grid asks for the total with every block it scrolls to.
    // The unfiltered total is kept by a trigger (migration 0015): no count of the whole table on the way to the first page.
    const countSql = counted.sql ? `SELECT count(*) AS n FROM tickets t ${counted.sql}` : 'SELECT n FROM ticket_count';
    const total = this.seek.total(key, () => (this.stmt(countSql).get(counted.params) as { n: number }).n);
    const where = counted.sql && this.isWide(total) ? whereClause(q.filter, now, phoneMatch, 'walk') : counted;
    if (sort.field === 'dueAt') return { rows: this.pageByDue(where, sort.dir, q), total };
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
    const column = SORT_SQL[sort.field];
    // Page over the tickets table alone (an index walk; keyset from a remembered mark for a deep page),
    // then join names for just this page: skipping rows never pays for their joins.
    const ids = NULLABLE_SORTS.has(sort.field)
      ? (this
          .stmt(`SELECT t.id FROM tickets t ${where.sql} ORDER BY ${column} ${dir}, t.received_at ${dir}, t.id ${dir} LIMIT @limit OFFSET @offset`)
          .all({ ...where.params, limit: q.limit, offset: q.offset }) as Array<{ id: number }>).map((r) => r.id)
      : this.seek.ids({ key: `${key}|${sort.field}|${dir}`, where: where.sql, params: where.params, column, dir }, q.offset, q.limit);
    return { rows: this.rowsInOrder(ids), total };
  }

  /** A filter keeping 2 % of the table or more is paged along the sort column's index (see IndexUse). */
  private isWide(total: number): boolean {
    const size = (this.stmt('SELECT max(id) AS n FROM tickets').get() as { n: number | null }).n ?? 0;
    return total * 50 >= size;
  }

  /** The list rows of `ids`, in that order. */
  private rowsInOrder(ids: number[]): TicketRow[] {
    if (ids.length === 0) return [];
    const rows = this.stmt(`SELECT ${ROW_COLUMNS} FROM tickets t ${JOINS} WHERE t.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as RawRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => toRow(byId.get(id)!));
  }

  /**
   * Sorted by due time, in either direction, tickets without a running clock
   * (closed, voided, paused) come last, newest first — never left out. Two
   * walks: the tickets with a due time along the due index, then the rest
   * along received_at, each paged on its own.
   */
  private pageByDue(where: { sql: string; params: Record<string, unknown> }, direction: 'asc' | 'desc', q: TicketPageQuery): TicketRow[] {
    const and = (cond: string) => (where.sql ? `${where.sql} AND ${cond}` : `WHERE ${cond}`);
    const dir = direction === 'asc' ? 'ASC' : 'DESC';
    const timed = (this.db.prepare(`SELECT count(*) AS n FROM tickets t ${and('t.due_at IS NOT NULL')}`).get(where.params) as { n: number }).n;
    const ids = (sql: string, limit: number, offset: number) =>
      (this.db.prepare(sql).all({ ...where.params, limit, offset }) as Array<{ id: number }>).map((r) => r.id);
    const page: number[] = [];
    if (q.offset < timed) {
      page.push(
        ...ids(
          `SELECT t.id FROM tickets t ${and('t.due_at IS NOT NULL')} ORDER BY t.due_at ${dir}, t.received_at ${dir}, t.id ${dir} LIMIT @limit OFFSET @offset`,
          q.limit,
          q.offset,
        ),
      );
    }
    if (page.length < q.limit) {
      page.push(
        ...ids(
          `SELECT t.id FROM tickets t ${and('t.due_at IS NULL')} ORDER BY t.received_at DESC, t.id DESC LIMIT @limit OFFSET @offset`,
          q.limit - page.length,
          Math.max(0, q.offset - timed),
        ),
      );
    }
    if (page.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${ROW_COLUMNS} FROM tickets t ${JOINS} WHERE t.id IN (${page.map(() => '?').join(',')})`)
      .all(...page) as RawRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return page.map((id) => toRow(byId.get(id)!));
  }

  history(ticketId: number): TicketEvent[] {
    const rows = this
      .stmt(
        `SELECT e.*, u.display_name AS actor_name FROM ticket_events e
         LEFT JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.id DESC`,
      )
      .all(ticketId) as Array<{
      id: number;
      ticket_id: number;
      at: number;
      actor_id: number | null;
      actor_name: string | null;
      action: string;
      from_status: Status | null;
      to_status: Status | null;
      changes: string;
      note: string | null;
    }>;
    return rows.map((e) => ({
      id: e.id,
      ticketId: e.ticket_id,
      at: e.at,
      actorId: e.actor_id,
      actorName: e.actor_name,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      changes: JSON.parse(e.changes) as Record<string, [unknown, unknown]>,
      note: e.note,
    }));
  }

  /** Earlier complaints from the same phone since `from` (for repeat detection). */
  byPhoneSince(phone: string, from: number, to: number): Array<{ id: number; receivedAt: number }> {
    return this
      .stmt(
        `SELECT id, received_at AS receivedAt FROM tickets
         WHERE phone = ? AND received_at >= ? AND received_at <= ? AND status <> 'voided'`,
      )
      .all(phone, from, to) as Array<{ id: number; receivedAt: number }>;
  }

  /** Complaints in one district and category in a time range (for collective detection). */
  inDistrictCategory(
    district: string,
    categoryId: number,
    from: number,
    to: number,
  ): Array<{ id: number; phone: string; receivedAt: number }> {
    return this
      .stmt(
        `SELECT id, phone, received_at AS receivedAt FROM tickets
         WHERE district = ? AND category_id = ? AND received_at BETWEEN ? AND ? AND status <> 'voided'`,
      )
      .all(district, categoryId, from, to) as Array<{ id: number; phone: string; receivedAt: number }>;
  }
}
