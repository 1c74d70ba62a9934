/**
 * The five counts the Today page's numbers show, for the month so far and the
 * day, in one range walk of the covering index tickets_report (it holds
 * received_at, status, is_repeat and the clock outcomes, so no table row is
 * read). The same definitions as the report's fold (core/reports/fold.ts):
 * voided tickets never count; a resolution clock is due once it was met or
 * missed by `now`, on time once met by `now`. A test holds the two together.
 *
 * The walk costs ~8 ms for a month of a million-ticket branch (40,000 rows),
 * and the page asks at every open and every alert. The answer is kept while
 * no ticket received this month is written (the report's write counts per
 * hour of receipt, db/kept-folds.ts: a login, an alert acknowledged, a write
 * to an older ticket keep it) and until the first outcome instant after the
 * `now` it was counted at — the only way the counts move with time alone is a
 * running clock reaching its due instant. Inside a caller's transaction
 * nothing is kept (it may roll back, and the write counts with it).
 */
import { notDemo } from './demo-sql';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { z } from 'zod';
import { int, oneRow } from './rows';
import { receivedRangeMark } from './kept-folds';

export interface TodayCounts {
  /** Received in [dayFrom, to). */
  receivedToday: number;
  /** Received in [monthFrom, to). */
  total: number;
  resolved: number;
  dueCount: number;
  onTime: number;
  repeat: number;
}

export interface TodayBounds {
  monthFrom: number;
  dayFrom: number;
  to: number;
  now: number;
}

const SQL = `SELECT count(*) AS total,
    coalesce(sum(t.received_at >= @dayFrom), 0) AS receivedToday,
    coalesce(sum(t.status IN ('resolved', 'closed')), 0) AS resolved,
    coalesce(sum(t.res_met_at <= @now OR t.res_missed_at <= @now), 0) AS dueCount,
    coalesce(sum(t.res_met_at <= @now), 0) AS onTime,
    coalesce(sum(t.is_repeat), 0) AS repeat,
    min(min(coalesce(t.res_missed_at, 9e18), coalesce(t.res_met_at, 9e18))) FILTER (WHERE t.res_missed_at > @now OR t.res_met_at > @now) AS nextChange
  FROM tickets t INDEXED BY tickets_report
  WHERE t.received_at >= @monthFrom AND t.received_at < @to AND t.status <> 'voided' AND ${notDemo('t')}`;

const CountRow = z.object({
  total: int,
  receivedToday: int,
  resolved: int,
  dueCount: int,
  onTime: int,
  repeat: int,
  nextChange: z.number().nullable(),
});

interface Kept {
  version: string;
  bounds: string;
  countedAt: number;
  /** The first outcome instant after countedAt: from it on, dueCount or onTime may differ. */
  nextChange: number;
  counts: TodayCounts;
}

interface PerDb {
  count: Statement;
  kept: Kept | null;
}
const perDb = new WeakMap<Db, PerDb>();

export function todayCounts(db: Db, p: TodayBounds): TodayCounts {
  let s = perDb.get(db);
  if (!s) perDb.set(db, (s = { count: db.prepare(SQL), kept: null }));
  const version = receivedRangeMark(db, p.monthFrom, p.to);
  const bounds = `${p.monthFrom}:${p.dayFrom}:${p.to}`;
  const k = s.kept;
  if (k && k.version === version && k.bounds === bounds && p.now >= k.countedAt && p.now < k.nextChange) return { ...k.counts };
  const { nextChange, ...counts } = oneRow(CountRow, s.count, p)!;
  s.kept = db.inTransaction ? null : { version, bounds, countedAt: p.now, nextChange: nextChange ?? Infinity, counts };
  return { ...counts };
}
