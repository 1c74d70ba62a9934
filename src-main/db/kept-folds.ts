/**
 * A report's compared periods (the period before, the same period last year)
 * are folds of counts over past tickets, and re-opening the report or moving
 * between its tabs asks for the same ones again: each was a full range scan
 * of a month, two of the report's three. A fold of counts is kept per
 * connection under its SQL, parameters and period, until the data changes
 * (db/data-version.ts), and given again for a later instant only while no
 * outcome of its tickets falls between (TicketFold.validity) — so it counts
 * exactly what a fresh fold would.
 */
import type { Db } from './open';
import type { TicketFold } from '../core/reports/fold';
import { dataVersion } from './data-version';

const MAX_KEPT = 32;

interface Kept {
  version: string;
  fold: TicketFold;
}

interface PerDb {
  version: () => string;
  kept: Map<string, Kept>;
}
const perDb = new WeakMap<Db, PerDb>();

/** The fold of counts under `key` as at `now`: a kept one if still exact, else `fold()`, kept. Never add to it. */
export function keptCountsFold(db: Db, key: string, now: number, fold: () => TicketFold): TicketFold {
  let s = perDb.get(db);
  if (!s) perDb.set(db, (s = { version: dataVersion(db), kept: new Map() }));
  const version = s.version();
  const k = s.kept.get(key);
  if (k && k.version === version) {
    const { at, nextChange } = k.fold.validity;
    if (now >= at && now < nextChange) return k.fold;
  }
  const fresh = fold();
  if (s.kept.size >= MAX_KEPT) s.kept.clear();
  s.kept.set(key, { version, fold: fresh });
  return fresh;
}
