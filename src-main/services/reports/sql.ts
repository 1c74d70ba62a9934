/**
 * The SQL of the reports. Every count of core/reports/model.ts KpiCounts is
 * one aggregate expression here, over the tickets of one period read through
 * the covering index tickets_report (migration 0004): a report is a few range
 * scans of that index and never reads table rows or clock rows. A clock's
 * outcome is the ticket's *_missed_at / res_met_at compared with @now.
 */
import type { BreachClock, KpiCounts, KpiMedians, ReportFilters } from '../../core/reports/model';
import { filterSql, type SqlPart } from './filters';

// A response or resolution recorded before receipt (bad source data) counts as immediate.
const RESPONSE = 'max(t.first_response_at - t.received_at, 0)';
const HANDLING = 'max(t.resolved_at - t.received_at, 0)';
const MISSED_ANY = '(t.fr_missed_at <= @now OR t.res_missed_at <= @now OR t.fu_missed_at <= @now)';

export const COUNT_SQL: Record<keyof KpiCounts, string> = {
  total: 'count(*)',
  resolved: `sum(t.status IN ('resolved', 'closed'))`,
  dueCount: 'sum(t.res_met_at <= @now OR t.res_missed_at <= @now)',
  onTime: 'sum(t.res_met_at <= @now)',
  repeat: 'sum(t.is_repeat)',
  overlevel: `sum(t.level = 'overlevel')`,
  rated: 'count(t.satisfaction)',
  satisfied: `sum(t.satisfaction IN ('satisfied', 'basically_satisfied'))`,
  responded: 'count(t.first_response_at)',
  responseSumMs: `total(${RESPONSE})`,
  handled: 'count(t.resolved_at)',
  handlingSumMs: `total(${HANDLING})`,
  breached: `sum(${MISSED_ANY})`,
};

/** SQLite's median() (the percentile extension better-sqlite3 is built with): the middle value, or the mean of the middle two. */
export const MEDIAN_SQL: Record<keyof KpiMedians, string> = {
  responseMedianMs: `median(${RESPONSE})`,
  handlingMedianMs: `median(${HANDLING})`,
};

/** Tickets that missed each clock, at @now. */
export const MISSED_SQL: Record<BreachClock, string> = {
  first_response: 'sum(t.fr_missed_at <= @now)',
  resolution: 'sum(t.res_missed_at <= @now)',
  follow_up: 'sum(t.fu_missed_at <= @now)',
};

export const DEPARTMENT_SQL = {
  count: 'count(*)',
  resolved: COUNT_SQL.resolved,
  handled: COUNT_SQL.handled,
  handlingMeanMs: `avg(${HANDLING})`,
  handlingMedianMs: MEDIAN_SQL.handlingMedianMs,
  breached: COUNT_SQL.breached,
};

export const select = (exprs: Record<string, string>, prefix = ''): string =>
  Object.entries(exprs)
    .map(([k, v]) => `${v} AS ${prefix}${k}`)
    .join(', ');

/** FROM … WHERE for the tickets of one period ([@from, @to)) that pass the filters. Voided tickets never count. */
export function periodSource(filters: ReportFilters): SqlPart {
  const f = filterSql(filters);
  return {
    sql: `FROM tickets t INDEXED BY tickets_report
      WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'${f.sql}`,
    params: f.params,
  };
}
