/**
 * A project's KPI measured over any range of local days, and the whole chart:
 * each month (or week) from the baseline to the deadline or today, the
 * baseline period, the period since the start, and the effect (效果检查). The
 * numbers, with the report's filters for the project's district or
 * department if it names one, are the report's own (PeriodQueries, the same fold as reports/kpis)
 * or the QC measures' own (qcMeasures over the rows qcReport would read,
 * read once for the whole chart), never counted a second way here.
 */
import type { ServiceContext } from '../context';
import type { DayRange, ReportFilters } from '../../core/reports/model';
import { daysOf, rangeInstants } from '../../core/reports/period';
import { qcMeasures } from '../../core/reports/qc-measures';
import { backlogDays, type BacklogSpan } from '../../core/reports/qc-backlog';
import { QC_ROWS_NEEDED, qcSliceInput } from '../../core/qc-projects/qc-span';
import { isoInZone } from '../../core/time';
import { projectKpi, qcTally, reportTally, tallyValue, type ProjectKpi, type QcProjectKpi, type Tally } from '../../core/qc-projects/kpis';
import { chartPeriods, checkRange, type SeriesPoint } from '../../core/qc-projects/series';
import { projectEffect, type Effect } from '../../core/qc-projects/effect';
import { projectFilters, type ProjectPlan } from '../../core/qc-projects/rules';
import { PeriodQueries } from '../reports/queries';
import { qcSpanRows } from '../reports/qc';
import { branchSettings } from '../settings';

export interface ProjectChart {
  kpi: ProjectKpi;
  /** The branch's local day the chart was measured on, and the instant. */
  today: string;
  at: number;
  series: SeriesPoint[];
  /** The period the effect's current value covers (start → today); null before the start. */
  checkRange: DayRange | null;
  effect: Effect;
}

/** The branch's local day now, as YYYY-MM-DD. */
export function branchToday(ctx: ServiceContext): string {
  return isoInZone(ctx.now(), branchSettings(ctx).zone).slice(0, 10);
}

/** Each local day of a range with the instant it ends. */
const daysWithEnds = (range: DayRange, zone: string) => daysOf(range).map((day) => ({ day, endMs: rangeInstants({ from: day, to: day }, zone).toMs }));

/**
 * 工单堆积率 of any range inside the hull: a day's figure is the same whichever
 * range asks (the tickets open at its end), so each day is counted once, over
 * the hull, by the QC measures' own count (core/reports/qc-backlog.ts), and a
 * range sums its days — instead of cutting and counting a dozen overlapping ranges.
 */
function backlogMeasurer(spans: readonly BacklogSpan[], at: number, hull: DayRange, zone: string): (r: DayRange) => Tally {
  const { days } = backlogDays({ at, fromMs: rangeInstants(hull, zone).fromMs, days: daysWithEnds(hull, zone), spans });
  const byDay = new Map(days.map((d) => [d.day, d]));
  return (range) => {
    let open = 0;
    let overdue = 0;
    // Days not measured (from `at` on) are not in the map, as a range's own count leaves them out.
    for (const day of daysOf(range)) {
      const d = byDay.get(day);
      if (!d) continue;
      open += d.open;
      overdue += d.overdue;
    }
    // As qcTally counts the backlog: overdue over open, summed over the days.
    return { num: overdue, den: open };
  };
}

/** Each range's tally of the project's KPI; `ranges` are every range the chart will ask about. */
function measurer(ctx: ServiceContext, kpi: ProjectKpi, zone: string, at: number, ranges: readonly DayRange[], filters: ReportFilters): (r: DayRange) => Tally {
  if (kpi.source === 'qc') {
    const id = kpi.id as QcProjectKpi;
    // One read for the hull of the ranges, each range cut from it (core/qc-projects/qc-span.ts).
    const hull = ranges.reduce((h, r) => ({ from: r.from < h.from ? r.from : h.from, to: r.to > h.to ? r.to : h.to }), ranges[0]!);
    const span = rangeInstants(hull, zone);
    const rows = qcSpanRows(ctx, span.fromMs, span.toMs, filters, QC_ROWS_NEEDED[id]);
    if (id === 'backlog') return backlogMeasurer(rows.backlogTickets, at, hull, zone);
    return (range) => {
      const { fromMs, toMs } = rangeInstants(range, zone);
      return qcTally(id, qcMeasures(qcSliceInput(rows, { fromMs, toMs, days: daysWithEnds(range, zone) }, at)));
    };
  }
  const id = kpi.id as Parameters<typeof reportTally>[0];
  const q = new PeriodQueries(ctx.db, filters, at);
  return (range) => reportTally(id, q.counts(rangeInstants(range, zone)).counts);
}

/** The chart and the effect of a plan, measured now; every number read in one transaction. */
export function projectChart(ctx: ServiceContext, plan: ProjectPlan): ProjectChart {
  const at = ctx.now();
  const zone = branchSettings(ctx).zone;
  const today = isoInZone(at, zone).slice(0, 10);
  const kpi = projectKpi(plan.kpi);
  return ctx.db.transaction((): ProjectChart => {
    const periods = chartPeriods(plan, plan.grain, today);
    const check = checkRange(plan, today);
    const ranges = [plan.baseline, ...(check ? [check] : []), ...periods.filter((p) => p.begun).map((p) => p.range)];
    const measure = measurer(ctx, kpi, zone, at, ranges, projectFilters(plan));
    const series = periods.map((p): SeriesPoint => {
      if (!p.begun) return { ...p, tally: null, value: null };
      const tally = measure(p.range);
      return { ...p, tally, value: tallyValue(kpi, tally) };
    });
    const effect = projectEffect(kpi, plan.target, measure(plan.baseline), check ? measure(check) : null);
    return { kpi, today, at, series, checkRange: check, effect };
  })();
}
