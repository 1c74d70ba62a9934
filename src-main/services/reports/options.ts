/**
 * What the report filters offer: districts and departments that occur, and the
 * subscriber count. Districts come from the tickets by a skip-scan of the
 * district index (one seek per distinct value, not a pass over a million rows);
 * departments from the user accounts (the page adds any other department the
 * report itself found, since tickets.department has no index to skip-scan).
 */
import type { ServiceContext } from '../context';
import { branchSubscribers } from './settings';

export interface ReportOptions {
  districts: string[];
  departments: string[];
  subscribers: number | null;
}

const DISTINCT_DISTRICTS = `WITH RECURSIVE d(v) AS (
    SELECT (SELECT min(district) FROM tickets WHERE district IS NOT NULL)
    UNION ALL
    SELECT (SELECT min(district) FROM tickets WHERE district > d.v) FROM d WHERE d.v IS NOT NULL)
  SELECT v FROM d WHERE v IS NOT NULL`;

export function reportOptions(ctx: ServiceContext): ReportOptions {
  const districts = (ctx.db.prepare(DISTINCT_DISTRICTS).all() as Array<{ v: string }>).map((r) => r.v);
  const departments = (
    ctx.db
      .prepare(`SELECT DISTINCT department AS v FROM users WHERE department IS NOT NULL AND trim(department) <> '' ORDER BY 1`)
      .all() as Array<{ v: string }>
  ).map((r) => r.v);
  return { districts, departments, subscribers: branchSubscribers(ctx) };
}
