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
import { STATUSES, type Channel, type Status } from '../core/enums';
import { z } from 'zod';
import { PageSeek } from './page-seek';
import { allRows, column as columnOf, flag, int, intOrNull, oneRow, text, value } from './rows';
import { whereClause, type IndexUse, type PhoneMatch } from './ticket-filter-sql';
import { ROW_COLUMNS, JOINS, RawTicket, EventRow, listRow, IdTime, IdPhoneTime, toRow, toTicket } from './ticket-rows';

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

/** The search's matches tested along received_at's index (IndexUse `members`): the page's SQL after `FROM tickets t`. */
function alongReceived(w: { sql: string; params: Record<string, unknown> }): { sql: string; params: Record<string, unknown> } {
  return { sql: `INDEXED BY tickets_received ${w.sql}`, params: w.params };
}

const CollectiveState = z.object({ isCollective: flag, version: int, status: z.enum(STATUSES) });

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
    return columnOf(
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
    const r = oneRow(RawTicket, this.stmt(`SELECT t.*, ${ROW_COLUMNS} FROM tickets t ${JOINS} WHERE t.id = ?`), id);
    return r ? toTicket(r) : null;
  }

  /** What flagging a ticket collective needs of it (an import flags thousands: the full ticket costs its joins). */
  collectiveState(id: number): { isCollective: boolean; version: number; status: Status } | null {
    return oneRow(CollectiveState, this.stmt('SELECT is_collective AS isCollective, version, status FROM tickets WHERE id = ?'), id) ?? null;
  }

  findByNo(channel: Channel, ticketNo: string): Ticket | null {
    const id = value(int, this.stmt('SELECT id FROM tickets WHERE channel = ? AND ticket_no = ?'), channel, ticketNo);
    return id === undefined ? null : this.get(id);
  }

  page(q: TicketPageQuery, now: number, phoneMatch: PhoneMatch = 'any'): Page<TicketRow> {
    const sort = q.sort ?? { field: 'receivedAt', dir: 'desc' };
    const counted = whereClause(q.filter, now, phoneMatch);
    const key = JSON.stringify([counted.sql, counted.params]);
    // Kept until the data changes (page-seek.ts): the grid asks for the total with every block it scrolls to.
    // The unfiltered total is kept by a trigger (migration 0015): no count of the whole table on the way to the first page.
    const countSql = counted.sql ? `SELECT count(*) AS n FROM tickets t ${counted.sql}` : 'SELECT n FROM ticket_count';
    const total = this.seek.total(key, () => value(int, this.stmt(countSql), counted.params) ?? 0);
    const use = counted.sql ? this.indexUse(total, q, sort.field) : 'plan';
    const where =
      use === 'plan'
        ? counted
        : use === 'walk'
          ? whereClause(q.filter, now, phoneMatch, 'walk')
          : alongReceived(whereClause(q.filter, now, phoneMatch, 'members'));
    if (sort.field === 'dueAt') return { rows: this.pageByDue(where, sort.dir, q), total };
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
    const column = SORT_SQL[sort.field];
    // Page over the tickets table alone (an index walk; keyset from a remembered mark for a deep page),
    // then join names for just this page: skipping rows never pays for their joins.
    const ids = NULLABLE_SORTS.has(sort.field)
      ? columnOf(
          int,
          this.stmt(`SELECT t.id FROM tickets t ${where.sql} ORDER BY ${column} ${dir}, t.received_at ${dir}, t.id ${dir} LIMIT @limit OFFSET @offset`),
          { ...where.params, limit: q.limit, offset: q.offset },
        )
      : this.seek.ids({ key: `${key}|${sort.field}|${dir}`, where: where.sql, params: where.params, column, dir }, q.offset, q.limit);
    return { rows: this.rowsInOrder(ids), total };
  }

  /**
   * How a filtered page is read (IndexUse), from the filter's total and the table's size, read once:
   * - a filter keeping 2 % of the table or more is paged along the sort column's index (`walk`);
   * - a search sorted by arrival walks received_at testing each entry against the matches (`members`)
   *   when that is sooner — about (offset + limit) × size ÷ total entries, each a fraction of a
   *   microsecond — than reading every match's row to sort them (total rows, each a few microseconds:
   *   ~50 entries' worth). On 1,000,000 tickets, the 5,550 numbers with 1391 in them: the first page
   *   3.7 ms instead of 36 ms;
   * - otherwise the filter's own index and a sort (`plan`).
   */
  private indexUse(total: number, q: TicketPageQuery, sortField: TicketSortField): IndexUse {
    const size = value(intOrNull, this.stmt('SELECT max(id) AS n FROM tickets')) ?? 0;
    if (total * 50 >= size) return 'walk';
    if (sortField === 'receivedAt' && q.filter?.q?.trim() && (q.offset + q.limit) * size <= total * total * 50) return 'members';
    return 'plan';
  }

  /** The list rows of `ids`, in that order. */
  private rowsInOrder(ids: number[]): TicketRow[] {
    if (ids.length === 0) return [];
    return this.listRows(this.stmt(`SELECT ${ROW_COLUMNS} FROM tickets t ${JOINS} WHERE t.id IN (${ids.map(() => '?').join(',')})`), ids);
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
    const timed = value(int, this.db.prepare(`SELECT count(*) AS n FROM tickets t ${and('t.due_at IS NOT NULL')}`), where.params) ?? 0;
    const ids = (sql: string, limit: number, offset: number) => columnOf(int, this.db.prepare(sql), { ...where.params, limit, offset });
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
    return this.listRows(this.db.prepare(`SELECT ${ROW_COLUMNS} FROM tickets t ${JOINS} WHERE t.id IN (${page.map(() => '?').join(',')})`), page);
  }

  /** The list rows the statement reads for `ids`, in the order of `ids`, each checked. */
  private listRows(stmt: Database.Statement<unknown[], unknown>, ids: number[]): TicketRow[] {
    const byId = new Map((stmt.all(...ids) as unknown[]).map((row) => listRow(row, stmt)).map((r) => [r.id, r]));
    return ids.map((id) => toRow(byId.get(id)!));
  }

  history(ticketId: number): TicketEvent[] {
    return allRows(
      EventRow,
      this.stmt(
        `SELECT e.*, u.display_name AS actor_name FROM ticket_events e
         LEFT JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.id DESC`,
      ),
      ticketId,
    );
  }

  /** Earlier complaints from the same phone since `from` (for repeat detection). */
  byPhoneSince(phone: string, from: number, to: number): Array<{ id: number; receivedAt: number }> {
    return allRows(
      IdTime,
      this.stmt(
        `SELECT id, received_at AS receivedAt FROM tickets
         WHERE phone = ? AND received_at >= ? AND received_at <= ? AND status <> 'voided'`,
      ),
      phone,
      from,
      to,
    );
  }

  /** Complaints in one district and category in a time range (for collective detection). */
  inDistrictCategory(
    district: string,
    categoryId: number,
    from: number,
    to: number,
  ): Array<{ id: number; phone: string; receivedAt: number }> {
    return allRows(
      IdPhoneTime,
      this.stmt(
        `SELECT id, phone, received_at AS receivedAt FROM tickets
         WHERE district = ? AND category_id = ? AND received_at BETWEEN ? AND ? AND status <> 'voided'`,
      ),
      district,
      categoryId,
      from,
      to,
    );
  }
}
