/**
 * 工作台 Today's numbers: received today and this month, resolved, timeliness
 * and repeat complaints for the month so far, with their targets. The same
 * numbers as the month-to-date report (reports/kpis), without its
 * comparisons, breakdowns and medians: the start page needs five counts, and
 * building the whole report for them took ~100 ms on a million tickets.
 */
import type { ServiceContext } from '../context';
import { todayCounts, type TodayCounts } from '../../db/today-counts';
import { localDayKey } from '../../core/time';
import { rangeInstants } from '../../core/reports/period';
import { KPI_DEFINITIONS, meetsTarget, type TargetCheck } from '../../core/reports/definitions';
import { rate } from '../../core/reports/rates';
import { branchSettings } from '../settings';

export interface TodayNumbers extends TodayCounts {
  /** The branch's local day the numbers are for ('YYYY-MM-DD'); the month is its month. */
  day: string;
  at: number;
  timelinessRate: number | null;
  repeatRate: number | null;
  /** Timeliness (≥ 90 %) and repeat (< 5 %) for the month so far, as the report checks them. */
  targets: TargetCheck[];
}

export function todayNumbers(ctx: ServiceContext): TodayNumbers {
  const at = ctx.now();
  const zone = branchSettings(ctx).zone;
  const key = localDayKey(at, zone);
  const day = `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`;
  const today = rangeInstants({ from: day, to: day }, zone);
  const month = rangeInstants({ from: `${day.slice(0, 8)}01`, to: day }, zone);
  const counts = todayCounts(ctx.db, { monthFrom: month.fromMs, dayFrom: today.fromMs, to: today.toMs, now: at });
  const timelinessRate = rate(counts.onTime, counts.dueCount);
  const repeatRate = rate(counts.repeat, counts.total);
  const check = (kpi: 'timelinessRate' | 'repeatRate', value: number | null): TargetCheck => ({
    kpi,
    ...KPI_DEFINITIONS[kpi].target,
    met: meetsTarget(kpi, value),
  });
  return {
    ...counts,
    day,
    at,
    timelinessRate,
    repeatRate,
    targets: [check('timelinessRate', timelinessRate), check('repeatRate', repeatRate)],
  };
}
