/**
 * Runs a report fold (core/reports/fold.ts) inside SQLite: the aggregate
 * function report_fold() receives each ticket's columns as the scan passes
 * them and adds them to the fold. Nothing is materialized: no result row per
 * ticket, no sorter for GROUP BY.
 *
 * better-sqlite3 calls JavaScript aggregates synchronously on this thread, so
 * the fold a statement feeds is simply the one `runFold` set before running it.
 */
import type { Db } from './open';
import { FOLD_FIELDS, type FoldField, type TicketFold } from '../core/reports/fold';

const COLUMN: Record<FoldField, string> = {
  receivedAt: 't.received_at',
  status: 't.status',
  level: 't.level',
  channel: 't.channel',
  categoryId: 't.category_id',
  department: 't.department',
  isRepeat: 't.is_repeat',
  satisfaction: 't.satisfaction',
  firstResponseAt: 't.first_response_at',
  resolvedAt: 't.resolved_at',
  frMissedAt: 't.fr_missed_at',
  resMissedAt: 't.res_missed_at',
  resMetAt: 't.res_met_at',
  fuMissedAt: 't.fu_missed_at',
};

/** What a fold of counts alone does not read: passed as NULL, which costs nothing to hand over, unlike a string per ticket. */
const DETAIL_ONLY = new Set<FoldField>(['channel', 'categoryId', 'department']);

/** The select expression that folds every ticket of the statement's FROM … WHERE (tickets aliased t). */
const foldSelect = (detailed: boolean) =>
  `report_fold(${FOLD_FIELDS.map((f) => (detailed || !DETAIL_ONLY.has(f) ? COLUMN[f] : 'NULL')).join(', ')})`;
const SELECT = { detailed: foldSelect(true), counts: foldSelect(false) };

type Arg = never;
let active: TicketFold | null = null;
const registered = new WeakSet<Db>();

function register(db: Db): void {
  if (registered.has(db)) return;
  // Written out, not spread: the arity tells SQLite how many arguments to pass, and a spread would build an array per ticket.
  const step = (_acc: unknown, a: Arg, b: Arg, c: Arg, d: Arg, e: Arg, f: Arg, g: Arg, h: Arg, i: Arg, j: Arg, k: Arg, l: Arg, m: Arg, n: Arg) => {
    active!.add(a, b, c, d, e, f, g, h, i, j, k, l, m, n);
  };
  // The typings know only a one-argument step; better-sqlite3 reads the real arity from step.length.
  db.aggregate('report_fold', { step: step as unknown as (total: unknown, next: unknown) => unknown, result: () => null });
  registered.add(db);
}

// A period is folded a day at a time (services/reports/queries.ts): the same statement for each day, prepared once.
const statements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();
const MAX_STATEMENTS = 64;
function prepared(db: Db, sql: string): ReturnType<Db['prepare']> {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) {
    if (byDb.size >= MAX_STATEMENTS) byDb.clear();
    byDb.set(sql, (s = db.prepare(sql)));
  }
  return s;
}

/** Feed the tickets of `fromWhere` (`FROM tickets t … WHERE …`) to the fold, and return it. */
export function runFold(db: Db, fold: TicketFold, fromWhere: string, params: Record<string, unknown>): TicketFold {
  if (active) throw new Error('report_fold: a fold is already running');
  register(db);
  const statement = prepared(db, `SELECT ${fold.detailed ? SELECT.detailed : SELECT.counts} ${fromWhere}`);
  active = fold;
  try {
    statement.get(params);
  } finally {
    active = null;
  }
  return fold;
}
