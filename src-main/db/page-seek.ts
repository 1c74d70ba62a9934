/**
 * What makes a deep page of the ticket list cheap on a million tickets.
 *
 * - Totals: `count(*)` of a filter over a million rows costs tens of ms, and
 *   the grid asks for a page (and so a total) every 100 rows it scrolls. The
 *   total is kept until the data changes.
 * - Seek marks: `LIMIT 100 OFFSET 500000` walks half a million index entries
 *   (a third of a second). Instead, the sort key of every SEEK_STEP-th row is
 *   remembered, and a deep page starts from the nearest mark (keyset paging:
 *   `(key, received_at, id) < mark`) and skips fewer than SEEK_STEP rows. A
 *   missing mark is found from the one before it, one short skip at a time,
 *   and kept.
 * "The data changes" is read from SQLite, not from our own code paths: the
 * connection's total_changes() (any write on this connection) and
 * `PRAGMA data_version` (a commit by another connection, e.g. the CLI). Both
 * cost microseconds; any write forgets everything, which is always correct.
 */
import type Database from 'better-sqlite3';
import type { Db } from './open';
import { column, int, value } from './rows';

export const SEEK_STEP = 5000;
/** Distinct (filter, sort) combinations remembered at once; the filter with `now` in it changes every call. */
const MAX_KEYS = 64;

/** A sort key: (sort column, received_at, id) of one row. */
type Mark = [unknown, number, number];

export interface SeekQuery {
  /** Identifies the filter and sort (SQL text and parameters). */
  key: string;
  /** `WHERE …` or '' */
  where: string;
  params: Record<string, unknown>;
  /** The sort column's SQL (never NULL for seekable sorts). */
  column: string;
  dir: 'ASC' | 'DESC';
}

export class PageSeek {
  private version = '';
  private readonly totals = new Map<string, number>();
  private readonly marks = new Map<string, Mark[]>();

  private readonly versionStmt;

  /** `prepare`: the reader's statement cache (the same few SQL texts come back with every page). */
  constructor(
    private readonly db: Db,
    private readonly prepare: (sql: string) => Database.Statement<unknown[], unknown>,
    private readonly step = SEEK_STEP,
  ) {
    this.versionStmt = db.prepare('SELECT total_changes() AS c');
  }

  /** Forget everything if the data changed since we last looked. */
  private fresh(): void {
    const changes = value(int, this.versionStmt) ?? 0;
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    const v = `${changes}:${dataVersion}`;
    if (v === this.version) return;
    this.version = v;
    this.totals.clear();
    this.marks.clear();
  }

  total(key: string, count: () => number): number {
    this.fresh();
    let n = this.totals.get(key);
    if (n === undefined) {
      if (this.totals.size >= MAX_KEYS) this.totals.clear();
      n = count();
      this.totals.set(key, n);
    }
    return n;
  }

  /** The ids of rows offset … offset+limit-1 in the query's order. */
  ids(q: SeekQuery, offset: number, limit: number): number[] {
    this.fresh();
    const order = `${q.column} ${q.dir}, t.received_at ${q.dir}, t.id ${q.dir}`;
    const m = Math.floor(offset / this.step);
    if (m === 0) {
      return this.idRows(`SELECT t.id FROM tickets t ${q.where} ORDER BY ${order} LIMIT @limit OFFSET @offset`, { ...q.params, limit, offset });
    }
    const mark = this.mark(q, order, m);
    if (mark === null) return [];
    const after = this.afterMark(q);
    // The mark is row m*STEP itself: start at it (>=), skip the rest.
    return this.idRows(`SELECT t.id FROM tickets t ${after(q.dir === 'DESC' ? '<=' : '>=')} ORDER BY ${order} LIMIT @limit OFFSET @offset`, {
      ...q.params,
      ...markParams(mark),
      limit,
      offset: offset - m * this.step,
    });
  }

  private afterMark(q: SeekQuery): (op: string) => string {
    const cond = (op: string) => `(${q.column}, t.received_at, t.id) ${op} (@seekC, @seekR, @seekI)`;
    return (op) => (q.where ? `${q.where} AND ${cond(op)}` : `WHERE ${cond(op)}`);
  }

  /** The sort key of row m*STEP, from the nearest known mark before it. */
  private mark(q: SeekQuery, order: string, m: number): Mark | null {
    if (this.marks.size >= MAX_KEYS && !this.marks.has(q.key)) this.marks.clear();
    const known = this.marks.get(q.key) ?? [];
    this.marks.set(q.key, known);
    const keyOf = `${q.column} AS c, t.received_at AS r, t.id AS i`;
    const after = this.afterMark(q);
    for (let k = 1; k <= m; k++) {
      if (known[k]) continue;
      const prev = known[k - 1];
      const row = prev
        ? this.prepare(`SELECT ${keyOf} FROM tickets t ${after(q.dir === 'DESC' ? '<' : '>')} ORDER BY ${order} LIMIT 1 OFFSET @skip`).get({
            ...q.params,
            ...markParams(prev),
            skip: this.step - 1,
          })
        : this.prepare(`SELECT ${keyOf} FROM tickets t ${q.where} ORDER BY ${order} LIMIT 1 OFFSET @skip`).get({ ...q.params, skip: this.step });
      if (!row) return null;
      const r = row as { c: unknown; r: number; i: number };
      known[k] = [r.c, r.r, r.i];
    }
    return known[m]!;
  }

  private idRows(sql: string, params: Record<string, unknown>): number[] {
    return column(int, this.prepare(sql), params);
  }
}

function markParams(m: Mark): Record<string, unknown> {
  return { seekC: m[0], seekR: m[1], seekI: m[2] };
}
