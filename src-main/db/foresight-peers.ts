/**
 * Foresight's peer groups: how much of its limit each ticket whose
 * resolution clock stopped in a window [from, to) used (resolution time ÷
 * limit, core/sla/foresight.ts), grouped by category and department
 * (peerKey), each list ascending.
 *
 * Reading them is the costly part of foresight (250,000 settled tickets in
 * six months of a 1,000,000-ticket file: ~0.5 s of SQLite), and Today asks
 * for them at every open, each time with a window a little later than the
 * last. So the groups are kept per connection, and exact:
 *   - the rows read are every settled clock from the window's start on (no
 *     end), each group's kept in order of its stop time;
 *   - while the data does not change (the connection's total_changes() and
 *     `PRAGMA data_version`, as db/page-seek.ts), a later window is the kept
 *     one with the clocks that left at its start taken out and those that
 *     came in at its end put in — a few binary searches;
 *   - any write, or a window starting before the rows read, reads again.
 */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, text, textOrNull } from './rows';
import { dataVersion } from './data-version';

/** A peer group's key: category id and department ('' when none). */
export function peerKey(categoryId: number, department: string | null): string {
  return `${categoryId}|${department ?? ''}`;
}

// One row per group: its clocks' stop instants, durations and limits as three comma lists in the same order
// (integers, so the share is divided here exactly as core would; a clock without a due time has no limit: left out).
const GROUPED_SQL = `
  SELECT t.category_id AS categoryId, t.department, group_concat(c.stopped_at) AS stops,
         group_concat(c.stopped_at - c.started_at) AS durations, group_concat(c.due_at - c.started_at) AS limits
  FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
  WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.cancelled = 0
    AND c.stopped_at >= ? AND c.due_at > c.started_at AND t.status <> 'voided'
  GROUP BY t.category_id, t.department`;
const Grouped = z.object({ categoryId: int, department: textOrNull, stops: text, durations: text, limits: text });

interface Group {
  /** Stop instants, ascending, and the shares of their limit in the same order. */
  stops: number[];
  shares: number[];
  /** The window's rows are stops[lo..hi). */
  lo: number;
  hi: number;
  /** Shares of the window's rows, ascending. */
  sorted: number[];
}

interface Kept {
  version: string;
  /** Every settled clock stopped at or after this instant was read. */
  readFrom: number;
  from: number;
  to: number;
  groups: Map<string, Group>;
}

interface PerDb {
  grouped: ReturnType<Db['prepare']>;
  version: () => string;
  kept: Kept | null;
}
const perDb = new WeakMap<Db, PerDb>();

/** Index of the first value ≥ x in an ascending list. */
function firstAtLeast(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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

function read(s: PerDb, readFrom: number): Map<string, Group> {
  const lists = new Map<string, { stops: number[]; shares: number[] }>();
  for (const r of allRows(Grouped, s.grouped, readFrom)) {
    // No department and an empty one are the same group (peerKey), as two rows of the GROUP BY.
    const key = peerKey(r.categoryId, r.department);
    const l = lists.get(key) ?? { stops: [], shares: [] };
    l.stops.push(...numbers(r.stops));
    const limits = numbers(r.limits);
    l.shares.push(...numbers(r.durations).map((d, i) => d / limits[i]!));
    lists.set(key, l);
  }
  const groups = new Map<string, Group>();
  for (const [key, { stops, shares }] of lists) {
    const order = stops.map((_, i) => i).sort((a, b) => stops[a]! - stops[b]!);
    groups.set(key, { stops: order.map((i) => stops[i]!), shares: order.map((i) => shares[i]!), lo: 0, hi: 0, sorted: [] });
  }
  return groups;
}

/** Past this many rows in or out, sorting the window afresh is cheaper than moving it one row at a time. */
const SLIDE_MAX = 64;

/** Move a group's window to [from, to): slide when it only moved forward, else take the rows afresh. */
function moveWindow(g: Group, from: number, to: number): void {
  const lo = firstAtLeast(g.stops, from);
  const hi = Math.max(lo, firstAtLeast(g.stops, to));
  if (lo >= g.lo && hi >= g.hi && lo <= g.hi && lo - g.lo + (hi - g.hi) <= SLIDE_MAX) {
    for (let i = g.lo; i < lo; i++) removeSorted(g.sorted, g.shares[i]!);
    for (let i = g.hi; i < hi; i++) insertSorted(g.sorted, g.shares[i]!);
  } else {
    g.sorted = g.shares.slice(lo, hi).sort((a, b) => a - b);
  }
  g.lo = lo;
  g.hi = hi;
}

/**
 * Shares of their limit used by tickets whose resolution clock stopped in
 * [from, to), voided tickets left out, by peer group, each ascending. The
 * lists belong to the cache: read them before the next call, never change them.
 */
export function settledPeerGroups(db: Db, from: number, to: number): Map<string, readonly number[]> {
  let s = perDb.get(db);
  if (!s) perDb.set(db, (s = { grouped: db.prepare(GROUPED_SQL), version: dataVersion(db), kept: null }));
  const version = s.version();
  let k = s.kept;
  if (!k || k.version !== version || from < k.readFrom) {
    k = s.kept = { version, readFrom: from, from: -Infinity, to: -Infinity, groups: read(s, from) };
  }
  if (k.from !== from || k.to !== to) {
    for (const g of k.groups.values()) moveWindow(g, from, to);
    k.from = from;
    k.to = to;
  }
  const out = new Map<string, readonly number[]>();
  for (const [key, g] of k.groups) if (g.sorted.length) out.set(key, g.sorted);
  return out;
}
