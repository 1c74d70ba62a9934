/**
 * A project's KPI measured over any range of local days, and the whole chart:
 * each month (or week) from the baseline to the deadline or today, the
 * baseline period, the period since the start, and the effect (效果检查). The
 * numbers are the report's own (PeriodQueries, the same fold as reports/kpis)
 * or the QC measures' own (qcReport), never counted a second way here.
 */
import type { ServiceContext } from '../context';
import type { DayRange } from '../../core/reports/model';
import { rangeInstants } from '../../core/reports/period';
import { isoInZone } from '../../core/time';
import { projectKpi, qcTally, reportTally, tallyValue, type ProjectKpi, type Tally } from '../../core/qc-projects/kpis';
import { chartPeriods, checkRange, type SeriesPoint } from '../../core/qc-projects/series';
import { projectEffect, type Effect } from '../../core/qc-projects/effect';
import type { ProjectPlan } from '../../core/qc-projects/rules';
import { PeriodQueries } from '../reports/queries';
import { qcReport } from '../reports/qc';
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

function measurer(ctx: ServiceContext, kpi: ProjectKpi, zone: string, at: number): (r: DayRange) => Tally {
  if (kpi.source === 'qc') {
    const id = kpi.id as Parameters<typeof qcTally>[0];
    return (range) => qcTally(id, qcReport(ctx, { range }));
  }
  const id = kpi.id as Parameters<typeof reportTally>[0];
  const q = new PeriodQueries(ctx.db, {}, at);
  return (range) => reportTally(id, q.counts(rangeInstants(range, zone)).counts);
}

/** The chart and the effect of a plan, measured now; every number read in one transaction. */
export function projectChart(ctx: ServiceContext, plan: ProjectPlan): ProjectChart {
  const at = ctx.now();
  const zone = branchSettings(ctx).zone;
  const today = isoInZone(at, zone).slice(0, 10);
  const kpi = projectKpi(plan.kpi);
  const measure = measurer(ctx, kpi, zone, at);
  return ctx.db.transaction((): ProjectChart => {
    const series = chartPeriods(plan, plan.grain, today).map((p): SeriesPoint => {
      if (!p.begun) return { ...p, tally: null, value: null };
      const tally = measure(p.range);
      return { ...p, tally, value: tallyValue(kpi, tally) };
    });
    const check = checkRange(plan, today);
    const effect = projectEffect(kpi, plan.target, measure(plan.baseline), check ? measure(check) : null);
    return { kpi, today, at, series, checkRange: check, effect };
  })();
}
