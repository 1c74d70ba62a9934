/**
 * Foresight's peer groups: how much of its limit each ticket whose
 * resolution clock stopped in a window [from, to) used (resolution time ÷
 * limit, core/sla/foresight.ts; a clock without a due time has no limit and
 * is left out, so are voided tickets), grouped by category and department
 * (peerKey), each list ascending.
 *
 * They are read from `settled_resolutions` (migration 0026), a narrow table
 * the triggers keep with one row per settled ticket, through one covering
 * index. Today asks at every open, each time with a window a little later, so
 * the groups are kept per connection, and exact:
 *   - the rows read are every settled clock from the window's start on (no
 *     end), each group's kept in order of its stop time;
 *   - a write is seen as the rows stamped (`seq`) after the last one seen:
 *     each such ticket leaves the group it was in and joins the group its row
 *     names now (or none), so a write costs a few rows, not a re-read;
 *   - a later window is the kept one with the clocks that left at its start
 *     taken out and those that came in at its end put in;
 *   - a window starting before the rows read, or a very large change (an
 *     import), reads again.
 * Inside a transaction nothing is kept: its rows may yet be rolled back, and
 * a stamp rolled back is given again to another change.
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, intOrNull, oneRow, textOrNull, value } from './rows';
import { firstAtLeast } from '../core/sorted';

/** A peer group's key: category id and department ('' when none). */
export function peerKey(categoryId: number, department: string | null): string {
  return `${categoryId}|${department ?? ''}`;
}

// The index's leading columns are the group, so the window (stopped_at >= ?) is a range in each group: the
// groups are found one seek at a time (next category, next department) and each group's window read as one
// range. One statement over the whole index with `GROUP BY` read every settled clock of every year instead —
// 1,000,000 entries for a 250,000-row window on the bench database: 1.2 s from a cold file, 130 ms warm.
const IDX = 'settled_resolutions INDEXED BY settled_resolutions_groups';
const FIRST_GROUP_SQL = `SELECT category_id AS categoryId, department FROM ${IDX} WHERE stopped_at IS NOT NULL
  ORDER BY category_id, department LIMIT 1`;
const NEXT_DEPARTMENT_SQL = `SELECT category_id AS categoryId, department FROM ${IDX} WHERE stopped_at IS NOT NULL
  AND category_id = @categoryId AND department > @department ORDER BY category_id, department LIMIT 1`;
// NULL sorts before every text: after a category's no-department group come its named departments (a seek, as above).
const FIRST_DEPARTMENT_SQL = `SELECT category_id AS categoryId, department FROM ${IDX} WHERE stopped_at IS NOT NULL
  AND category_id = @categoryId AND department IS NOT NULL ORDER BY category_id, department LIMIT 1`;
const NEXT_CATEGORY_SQL = `SELECT category_id AS categoryId, department FROM ${IDX} WHERE stopped_at IS NOT NULL
  AND category_id > @categoryId ORDER BY category_id, department LIMIT 1`;
// One group's window: its rows' stop instants, durations, limits and tickets as comma lists in the same order (the
// index's: by stop). Integers, so the share is divided here exactly as core would.
const GROUP_SQL = `
  SELECT group_concat(stopped_at) AS stops, group_concat(duration_ms) AS durations, group_concat(limit_ms) AS limits,
         group_concat(ticket_id) AS ids
  FROM ${IDX}
  WHERE stopped_at IS NOT NULL AND category_id = @categoryId AND department IS @department AND stopped_at >= @from AND limit_ms > 0`;
const GroupKey = z.object({ categoryId: int, department: textOrNull });
const Grouped = z.object({ stops: textOrNull, durations: textOrNull, limits: textOrNull, ids: textOrNull });
const LAST_SEQ_SQL = `SELECT coalesce(max(seq), 0) FROM settled_resolutions`;
const CHANGED_SQL = `
  SELECT ticket_id AS ticketId, category_id AS categoryId, department, stopped_at AS stoppedAt, duration_ms AS durationMs,
         limit_ms AS limitMs, seq
  FROM settled_resolutions WHERE seq > ? ORDER BY seq`;
const Changed = z.object({
  ticketId: int,
  categoryId: intOrNull,
  department: textOrNull,
  stoppedAt: intOrNull,
  durationMs: intOrNull,
  limitMs: intOrNull,
  seq: int,
});
/** More changed rows than this (an import) and reading the groups again is as quick as applying them. */
const CHANGES_MAX = 20_000;

interface Group {
  /** Stop instants, ascending, with the shares of their limit and the tickets in the same order. */
  stops: number[];
  shares: number[];
  ids: number[];
  /** The window's rows are stops[lo..hi); both -1 when the rows changed and the window must be taken afresh. */
  lo: number;
  hi: number;
  /** Shares of the window's rows, ascending. */
  sorted: number[];
}

interface Kept {
  /** Every row stamped up to this was applied. */
  seq: number;
  /** Every settled clock stopped at or after this instant was read. */
  readFrom: number;
  from: number;
  to: number;
  groups: Map<string, Group>;
  /** Each kept ticket's group, made at the first change to apply. */
  groupOf: Map<number, string> | null;
}

interface PerDb {
  firstGroup: ReturnType<Db['prepare']>;
  nextDepartment: ReturnType<Db['prepare']>;
  firstDepartment: ReturnType<Db['prepare']>;
  nextCategory: ReturnType<Db['prepare']>;
  group: ReturnType<Db['prepare']>;
  lastSeq: ReturnType<Db['prepare']>;
  changed: ReturnType<Db['prepare']>;
  kept: Kept | null;
}
const perDb = new WeakMap<Db, PerDb>();

function insertSorted(xs: number[], x: number): void {
  xs.splice(firstAtLeast(xs, x), 0, x);
}

function removeSorted(xs: number[], x: number): void {
  const i = firstAtLeast(xs, x);
  if (xs[i] === x) xs.splice(i, 1);
}

function numbers(list: string): number[] {
  return list.split(',').map(Number);
}

function emptyGroup(): Group {
  return { stops: [], shares: [], ids: [], lo: -1, hi: -1, sorted: [] };
}

/** Every group's rows stopped at or after `readFrom`, with the stamp they were read at (one snapshot: a read transaction). */
function read(s: PerDb, db: Db, readFrom: number): { seq: number; groups: Map<string, Group> } {
  return db.transaction(() => {
    const seq = value(int, s.lastSeq) ?? 0;
    const groups = new Map<string, Group>();
    for (let at = oneRow(GroupKey, s.firstGroup); at; at = nextGroup(s, at)) {
      const r = oneRow(Grouped, s.group, { ...at, from: readFrom });
      if (!r?.stops || !r.durations || !r.limits || !r.ids) continue;
      // No department and an empty one are the same group (peerKey), read as two.
      const key = peerKey(at.categoryId, at.department);
      const g = groups.get(key) ?? emptyGroup();
      // concat, not push(...): a group's window may hold more rows than a call takes arguments.
      g.stops = g.stops.concat(numbers(r.stops));
      const limits = numbers(r.limits);
      g.shares = g.shares.concat(numbers(r.durations).map((d, i) => d / limits[i]!));
      g.ids = g.ids.concat(numbers(r.ids));
      groups.set(key, g);
    }
    for (const g of groups.values()) inStopOrder(g);
    return { seq, groups };
  })();
}

/** The group after `at` in the index's order, or undefined after the last. */
function nextGroup(s: PerDb, at: z.output<typeof GroupKey>): z.output<typeof GroupKey> | undefined {
  const sameCategory =
    at.department === null ? oneRow(GroupKey, s.firstDepartment, { categoryId: at.categoryId }) : oneRow(GroupKey, s.nextDepartment, at);
  return sameCategory ?? oneRow(GroupKey, s.nextCategory, { categoryId: at.categoryId });
}

/** Put a group's rows in order of stop instant (the index gives them so; two GROUP BY rows of one key, or another plan, may not). */
function inStopOrder(g: Group): void {
  let ordered = true;
  for (let i = 1; i < g.stops.length && ordered; i++) if (g.stops[i - 1]! > g.stops[i]!) ordered = false;
  if (ordered) return;
  const order = g.stops.map((_, i) => i).sort((a, b) => g.stops[a]! - g.stops[b]!);
  g.stops = order.map((i) => g.stops[i]!);
  g.shares = order.map((i) => g.shares[i]!);
  g.ids = order.map((i) => g.ids[i]!);
}

/** Apply rows changed since the groups were read: each ticket leaves its kept group and joins the one its row names, if it counts. */
function applyChanges(k: Kept, rows: ReadonlyArray<z.output<typeof Changed>>): void {
  const groupOf = (k.groupOf ??= indexTickets(k.groups));
  for (const r of rows) {
    const was = groupOf.get(r.ticketId);
    if (was !== undefined) {
      const g = k.groups.get(was)!;
      const i = g.ids.indexOf(r.ticketId);
      g.stops.splice(i, 1);
      g.shares.splice(i, 1);
      g.ids.splice(i, 1);
      g.lo = g.hi = -1;
      groupOf.delete(r.ticketId);
    }
    // Counts as the read above would: stopped from the rows read on, with a limit.
    if (r.stoppedAt === null || r.durationMs === null || r.categoryId === null || r.limitMs === null) continue;
    if (r.stoppedAt < k.readFrom || r.limitMs <= 0) continue;
    const key = peerKey(r.categoryId, r.department);
    let g = k.groups.get(key);
    if (!g) k.groups.set(key, (g = emptyGroup()));
    // After the rows with the same stop instant, so that equal stops keep their order of arrival.
    const at = firstAtLeast(g.stops, r.stoppedAt + 1);
    g.stops.splice(at, 0, r.stoppedAt);
    g.shares.splice(at, 0, r.durationMs / r.limitMs);
    g.ids.splice(at, 0, r.ticketId);
    g.lo = g.hi = -1;
    groupOf.set(r.ticketId, key);
  }
}

function indexTickets(groups: ReadonlyMap<string, Group>): Map<number, string> {
  const out = new Map<number, string>();
  for (const [key, g] of groups) for (const id of g.ids) out.set(id, key);
  return out;
}

/** Past this many rows in or out, sorting the window afresh is cheaper than moving it one row at a time. */
const SLIDE_MAX = 64;

/** Move a group's window to [from, to): slide when it only moved forward, else take the rows afresh. */
function moveWindow(g: Group, from: number, to: number): void {
  const lo = firstAtLeast(g.stops, from);
  const hi = Math.max(lo, firstAtLeast(g.stops, to));
  if (g.lo >= 0 && lo >= g.lo && hi >= g.hi && lo <= g.hi && lo - g.lo + (hi - g.hi) <= SLIDE_MAX) {
    for (let i = g.lo; i < lo; i++) removeSorted(g.sorted, g.shares[i]!);
    for (let i = g.hi; i < hi; i++) insertSorted(g.sorted, g.shares[i]!);
  } else {
    g.sorted = g.shares.slice(lo, hi).sort((a, b) => a - b);
  }
  g.lo = lo;
  g.hi = hi;
}

function prepared(db: Db): PerDb {
  let s = perDb.get(db);
  if (!s) {
    s = {
      firstGroup: db.prepare(FIRST_GROUP_SQL),
      nextDepartment: db.prepare(NEXT_DEPARTMENT_SQL),
      firstDepartment: db.prepare(FIRST_DEPARTMENT_SQL),
      nextCategory: db.prepare(NEXT_CATEGORY_SQL),
      group: db.prepare(GROUP_SQL),
      lastSeq: db.prepare(LAST_SEQ_SQL),
      changed: db.prepare(CHANGED_SQL),
      kept: null,
    };
    perDb.set(db, s);
  }
  return s;
}

/** The kept groups brought up to date for a window starting at `from`: changes applied, or read again. */
function upToDate(db: Db, s: PerDb, from: number): Kept {
  const k = s.kept;
  if (k && from >= k.readFrom) {
    const changed = allRows(Changed, s.changed, k.seq);
    if (changed.length <= CHANGES_MAX) {
      if (changed.length > 0) {
        applyChanges(k, changed);
        k.seq = changed.at(-1)!.seq;
      }
      return k;
    }
  }
  const fresh = read(s, db, from);
  return (s.kept = { seq: fresh.seq, readFrom: from, from: -Infinity, to: -Infinity, groups: fresh.groups, groupOf: null });
}

/**
 * Shares of their limit used by tickets whose resolution clock stopped in
 * [from, to), voided tickets left out, by peer group, each ascending. The
 * lists belong to the cache: read them before the next call, never change them.
 */
export function settledPeerGroups(db: Db, from: number, to: number): Map<string, readonly number[]> {
  const s = prepared(db);
  if (db.inTransaction) return windowOf(read(s, db, from).groups, from, to);
  const k = upToDate(db, s, from);
  const out = new Map<string, readonly number[]>();
  for (const [key, g] of k.groups) {
    if (g.lo < 0 || k.from !== from || k.to !== to) moveWindow(g, from, to);
    if (g.sorted.length) out.set(key, g.sorted);
  }
  k.from = from;
  k.to = to;
  return out;
}

function windowOf(groups: ReadonlyMap<string, Group>, from: number, to: number): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  for (const [key, g] of groups) {
    moveWindow(g, from, to);
    if (g.sorted.length) out.set(key, g.sorted);
  }
  return out;
}
