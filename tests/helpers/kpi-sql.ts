/**
 * The month's KPI block as one would write it by hand: a single aggregate
 * query over the covering index, every count of KpiCounts, the missed clocks
 * and the two medians. It is the benchmark's like-for-like baseline, and the
 * independent second computation the fold is checked against (the report
 * folds tickets in JavaScript; this is plain SQL).
 */
import type { Db } from '../../src-main/db/open';

const RESPONSE = 'max(t.first_response_at - t.received_at, 0)';
const HANDLING = 'max(t.resolved_at - t.received_at, 0)';

export const MONTH_KPIS_SQL = `SELECT count(*) AS total,
    sum(t.status IN ('resolved', 'closed')) AS resolved,
    sum(t.res_met_at <= @now OR t.res_missed_at <= @now) AS dueCount,
    sum(t.res_met_at <= @now) AS onTime,
    sum(t.is_repeat) AS repeat,
    sum(t.level = 'overlevel') AS overlevel,
    count(t.satisfaction) AS rated,
    sum(t.satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied,
    count(t.first_response_at) AS responded,
    total(${RESPONSE}) AS responseSumMs,
    count(t.resolved_at) AS handled,
    total(${HANDLING}) AS handlingSumMs,
    sum(t.fr_missed_at <= @now OR t.res_missed_at <= @now OR t.fu_missed_at <= @now) AS breached,
    sum(t.fr_missed_at <= @now) AS first_response,
    sum(t.res_missed_at <= @now) AS resolution,
    sum(t.fu_missed_at <= @now) AS follow_up,
    median(${RESPONSE}) AS responseMedianMs,
    median(${HANDLING}) AS handlingMedianMs
  FROM tickets t INDEXED BY tickets_report
  WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'`;

export type MonthKpis = Record<string, number | null>;

/** The block for [from, to) at now; sums of nothing read as 0, as the report counts them. */
export function monthKpis(db: Db, from: number, to: number, now: number): MonthKpis {
  const row = db.prepare(MONTH_KPIS_SQL).get({ from, to, now }) as MonthKpis;
  for (const [k, v] of Object.entries(row)) if (v === null && !k.endsWith('MedianMs')) row[k] = 0;
  return row;
}
