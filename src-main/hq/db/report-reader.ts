/** Reads a province report of one month from its view (migration 0002), rows keyed by the report's columns. */
import type { ProvinceReport } from '../../core/hq/reports';
import { inHqTransaction, type HqPool } from './pool';

const SOURCES: Record<string, { from: string; order: string }> = {
  'kpi-by-branch': { from: 'hq_kpi_by_branch WHERE period = $1', order: 'branch_id' },
  'kpi-by-district': { from: 'hq_kpi_by_district WHERE period = $1', order: 'city, district' },
  league: { from: 'hq_league WHERE period = $1', order: 'rank, branch_id' },
  'refund-totals': { from: 'hq_refund_totals WHERE period = $1', order: 'type' },
  warnings: { from: 'hq_warnings_raised WHERE period = $1', order: 'branch_id, level' },
  unreported: { from: 'hq_unreported($1)', order: 'branch_id' },
};

export type ReportRow = Record<string, string | number | boolean | null>;

export async function readProvinceReport(pool: HqPool, report: ProvinceReport, period: string): Promise<ReportRow[]> {
  const source = SOURCES[report.name];
  if (!source) throw new Error(`no view for report ${report.name}`);
  // Months as YYYY-MM and money as numbers (fen fit a double exactly), never pg's Date and bigint strings.
  const cols = report.columns
    .map((c) => (c.kind === 'month' ? `to_char(${c.key}, 'YYYY-MM') AS ${c.key}` : c.kind === 'fen' ? `${c.key}::float8 AS ${c.key}` : c.key))
    .join(', ');
  // JIT off for these: on a province's month the planner's cost crosses jit_above_cost, and compiling the
  // aggregates took longer than running them (seconds, measured on 2,000 branches).
  return inHqTransaction(pool, async (c) => {
    await c.query('SET LOCAL jit = off');
    return (await c.query<ReportRow>(`SELECT ${cols} FROM ${source.from} ORDER BY ${source.order}`, [period])).rows;
  });
}
