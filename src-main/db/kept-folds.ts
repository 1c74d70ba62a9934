/**
 * Re-opening the report, moving between its tabs or taking it again after a
 * write asks for the same folds again (the month, the month before, the same
 * month last year): each a full range scan of a month. A fold is kept per
 * connection under its SQL, parameters and period, and given again only while
 * it still counts exactly what a fresh fold would:
 * - no ticket received in its hours was written since (the counts of
 *   migration 0024, summed over the period's hours: they only grow, so the
 *   sum moves with any write there, by this connection or a commit of another);
 * - whether demo tickets count (db/demo-sql.ts) is as it was;
 * - whatever else the caller names in `also` is as it was (a category
 *   filter's resolved set);
 * - the report's instant is not before the fold's, nor at or after the first
 *   outcome of its tickets still to come (TicketFold.validity).
 * A write to this month therefore keeps the month before and last year.
 *
 * A fold taken inside a caller's own transaction is never kept: that
 * transaction may have written and may still roll back, and the counts of
 * 0024 would then come back to values a different write could reach again.
 */
import type { Db } from './open';
import type { TicketFold } from '../core/reports/fold';

const HOUR_MS = 3_600_000;
/**
 * Folds of counts are small; a detailed fold holds two durations per ticket,
 * so fewer are kept. A period's days are kept as parts too (services/reports/
 * queries.ts), so that a write refolds its day alone: ~13 months of days.
 */
const MAX_KEPT: Record<FoldKind, number> = { counts: 32, detailed: 4, dayCounts: 400, dayDetailed: 400 };
export type FoldKind = 'counts' | 'detailed' | 'dayCounts' | 'dayDetailed';

interface Kept {
  mark: string;
  fold: TicketFold;
}

interface PerDb {
  hourChanges: { get(params: { first: number; last: number }): unknown };
  anyReal: { get(): unknown };
  kept: Record<FoldKind, Map<string, Kept>>;
}
const perDb = new WeakMap<Db, PerDb>();

function stateOf(db: Db): PerDb {
  let s = perDb.get(db);
  if (!s) {
    s = {
      hourChanges: db.prepare('SELECT coalesce(sum(n), 0) FROM report_hour_changes WHERE hour BETWEEN @first AND @last').pluck(),
      anyReal: db.prepare('SELECT EXISTS (SELECT 1 FROM tickets WHERE is_demo = 0)').pluck(),
      kept: { counts: new Map(), detailed: new Map(), dayCounts: new Map(), dayDetailed: new Map() },
    };
    perDb.set(db, s);
  }
  return s;
}

export interface FoldRequest {
  /** The fold's SQL and parameters. */
  key: string;
  /** The tickets it reads were received in [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  now: number;
  kind: FoldKind;
  /** What else the fold's rows depend on, as text (the same text ⇔ the same rows). */
  also: string;
  /** False inside a caller's transaction: use a kept fold, keep none. */
  mayKeep: boolean;
}

/** What the fold's tickets are as of this moment, as far as writes go: equal marks ⇔ no write to them between. */
function markOf(s: PerDb, r: FoldRequest): string {
  return `${writeMark(s, r.fromMs, r.toMs)}|${r.also}`;
}

function writeMark(s: PerDb, fromMs: number, toMs: number): string {
  const first = Math.floor(fromMs / HOUR_MS);
  const last = Math.floor((toMs - 1) / HOUR_MS);
  return `${String(s.hourChanges.get({ first, last }))}|${String(s.anyReal.get())}`;
}

/**
 * The tickets received in [fromMs, toMs) as of this moment, as far as writes to the columns a report
 * reads go (and whether demo tickets count): equal marks ⇔ none of them written between, outside a
 * transaction. For other kept counts of received ranges (db/today-counts.ts).
 */
export function receivedRangeMark(db: Db, fromMs: number, toMs: number): string {
  return writeMark(stateOf(db), fromMs, toMs);
}

/** The fold asked for as at `r.now`: a kept one if still exact, else `fold()` (kept when allowed). Never add to what it returns. */
export function keptFold(db: Db, r: FoldRequest, fold: () => TicketFold): TicketFold {
  const s = stateOf(db);
  const kept = s.kept[r.kind];
  const mark = markOf(s, r);
  const k = kept.get(r.key);
  if (k && k.mark === mark) {
    const { at, nextChange } = k.fold.validity;
    if (r.now >= at && r.now < nextChange) return k.fold;
  }
  const fresh = fold();
  if (!r.mayKeep) return fresh;
  kept.delete(r.key);
  const max = MAX_KEPT[r.kind];
  // The oldest kept goes first (a Map iterates in insertion order).
  while (kept.size >= max) kept.delete(kept.keys().next().value!);
  kept.set(r.key, { mark, fold: fresh });
  return fresh;
}
