/**
 * The report of docs/REQUIREMENTS.md §5 for any range of local days and any filters: every
 * KPI for the range, for the previous period and for the same period last year
 * (with the change against each), the breakdowns, refunds, and for the
 * dashboard the arrival charts. Read in one transaction: every number is of
 * the same moment.
 */
import type { ServiceContext } from '../context';
import { DomainError } from '../../core/errors';
import { CategoryStore } from '../../db/categories';
import type { BreachCounts, DayRange, KpiSet, ReportFilters } from '../../core/reports/model';
import { deriveKpis, targetChecks, type TargetCheck } from '../../core/reports/definitions';
import { compareKpis, type KpiChanges } from '../../core/reports/compare';
import { previousPeriod, rangeInstants, rangeProblem, sameTimeLastYear } from '../../core/reports/period';
import { arrivalCharts, type ArrivalCharts } from '../../core/reports/buckets';
import { categoryPareto, channelMix, type CategoryShare, type ChannelShare } from '../../core/reports/rollup';
import { branchSettings } from '../settings';
import { branchSubscribers } from './settings';
import type { DepartmentRow, TicketFold } from '../../core/reports/fold';
import { PeriodQueries, type Period } from './queries';
import { refundSummary, type RefundSummary } from './refunds';
import { periodCoverage, type PeriodCoverage } from '../../core/reports/coverage';
import { isoInZone } from '../../core/time';

const localDay = (ms: number, zone: string) => isoInZone(ms, zone).slice(0, 10);

export interface ReportQuery {
  range: DayRange;
  filters?: ReportFilters | undefined;
}

export interface ComparedPeriod {
  range: DayRange;
  /** How much of the period the branch's data covers (partial: fewer days than the period has). */
  coverage: PeriodCoverage;
  kpis: KpiSet;
  /** The range's KPIs against this period's. */
  change: KpiChanges;
}

/** The report: the range's KPIs at the top level (docs/REQUIREMENTS.md §9's `report --json`), then the rest. */
export interface Report extends KpiSet {
  range: DayRange;
  /** How much of the range the data covers: a month still under way, or before the branch's first ticket. */
  coverage: PeriodCoverage;
  zone: string;
  /** The instants covered: [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /** The instant the report was taken at: what "already due" and "missed" are measured against. */
  at: number;
  filters: ReportFilters;
  /** The KPIs with a target (timeliness ≥ 90 %, repeat < 5 %) and whether the range meets each. */
  targets: TargetCheck[];
  previous: ComparedPeriod;
  lastYear: ComparedPeriod;
  byCategory: CategoryShare[];
  byChannel: ChannelShare[];
  byDepartment: DepartmentRow[];
  /** Tickets of the range that missed each of their clocks. */
  breaches: BreachCounts;
  refunds: RefundSummary;
}

export interface Dashboard {
  report: Report;
  charts: ArrivalCharts;
}

function compute(ctx: ServiceContext, query: ReportQuery, withCharts: boolean): Dashboard {
  const range = query.range;
  if (rangeProblem(range)) throw new DomainError('validation', { field: 'range', rule: 'invalid', value: `${range.from} – ${range.to}` });
  const zone = branchSettings(ctx).zone;
  const filters = query.filters ?? {};
  const at = ctx.now();
  const subscribers = branchSubscribers(ctx);
  const prevRange = previousPeriod(range);
  const yearRange = sameTimeLastYear(range);
  const [cur, prev, year] = [range, prevRange, yearRange].map((r) => rangeInstants(r, zone)) as [Period, Period, Period];
  const db = ctx.db;
  const q = new PeriodQueries(db, filters, at);
  return db.transaction((): Dashboard => {
    const kpis = (f: TicketFold) => deriveKpis(f.counts, f.medians(), subscribers);
    const detail = q.detailed(cur);
    const current = kpis(detail);
    const previous = kpis(q.counts(prev));
    const lastYear = kpis(q.counts(year));
    const mix = detail.byChannelCategory();
    // Every category, retired ones too: old tickets still count under their names.
    const nodes = new CategoryStore(db).all();
    // The branch's records begin with its first ticket, whatever the filters.
    const first = ctx.read.tickets.firstReceivedAt();
    const firstDay = first === null ? null : localDay(first, zone);
    const today = localDay(at, zone);
    const cover = (r: DayRange) => periodCoverage(r, firstDay, today);
    const report: Report = {
      ...current,
      range,
      coverage: cover(range),
      zone,
      fromMs: cur.fromMs,
      toMs: cur.toMs,
      at,
      filters,
      targets: targetChecks(current),
      previous: { range: prevRange, coverage: cover(prevRange), kpis: previous, change: compareKpis(current, previous) },
      lastYear: { range: yearRange, coverage: cover(yearRange), kpis: lastYear, change: compareKpis(current, lastYear) },
      byCategory: categoryPareto(mix, nodes),
      byChannel: channelMix(mix),
      byDepartment: detail.byDepartment(),
      breaches: detail.missed,
      refunds: refundSummary(db, at, cur.fromMs, cur.toMs, filters),
    };
    const charts = withCharts ? arrivalCharts(detail.buckets(), range, zone) : { daily: [], dayOfMonth: [], monthEdgeRatio: null, heat: [] };
    return { report, charts };
  })();
}

export function buildReport(ctx: ServiceContext, q: ReportQuery): Report {
  return compute(ctx, q, false).report;
}

/** The report and its charts, read together: what the Reports page shows. */
export function buildDashboard(ctx: ServiceContext, q: ReportQuery): Dashboard {
  return compute(ctx, q, true);
}
