/**
 * The KPIs an improvement project (QC 课题) can be opened on. None is defined
 * here: each is a rate or a mean of the report (core/reports/definitions.ts)
 * or a measure of the QC studies (core/reports/qc-measures.ts), and this file
 * only says where to read its numerator and denominator, which way is better
 * and the standard its definition already sets. A project compares periods of
 * different lengths, so counts (投诉总量, 超时工单) and medians (which cannot be
 * rebuilt from parts) are not offered.
 */
import { KPI_DEFINITIONS, type KpiDefinition } from '../reports/definitions';
import type { KpiCounts } from '../reports/model';
import { QC_TARGETS, type QcMeasures, type RateCount } from '../reports/qc-measures';
import { mean, rate } from '../reports/rates';

/** Report KPIs a project can take: the rates and the means. */
export const REPORT_PROJECT_KPIS = [
  'timelinessRate',
  'resolutionRate',
  'repeatRate',
  'overlevelRate',
  'satisfactionRate',
  'responseMeanMs',
  'handlingMeanMs',
] as const;

/** QC-study measures a project can take (handling per category is a list, not one number, so it is not one of them). */
export const QC_PROJECT_KPIS = ['spReply1h', 'spReply4h', 'refundFromComplaint', 'refundDelayRepeat', 'backlog'] as const;

export type ReportProjectKpi = (typeof REPORT_PROJECT_KPIS)[number];
export type QcProjectKpi = (typeof QC_PROJECT_KPIS)[number];
export type ProjectKpiId = ReportProjectKpi | QcProjectKpi;
export const PROJECT_KPI_IDS: readonly ProjectKpiId[] = [...REPORT_PROJECT_KPIS, ...QC_PROJECT_KPIS];

export interface ProjectKpi {
  id: ProjectKpiId;
  /** Where its numbers come from: the report's fold or the QC measures. */
  source: 'report' | 'qc';
  /** A fraction 0–1, or a duration in milliseconds. */
  unit: 'rate' | 'duration';
  better: 'higher' | 'lower';
  /** The standard its own definition sets (timeliness ≥ 90 %), if any: a hint for the project's target. */
  standard: { op: '>=' | '<' | '<='; value: number } | null;
}

/** The QC targets keyed by the measure they belong to. */
const QC_STANDARD: Record<QcProjectKpi, (typeof QC_TARGETS)[keyof typeof QC_TARGETS]> = {
  spReply1h: QC_TARGETS.spReply1hRate,
  spReply4h: QC_TARGETS.spReply4hRate,
  refundFromComplaint: QC_TARGETS.refundFromComplaintRate,
  refundDelayRepeat: QC_TARGETS.refundDelayRepeatRate,
  backlog: QC_TARGETS.backlogRate,
};

export function isQcKpi(id: ProjectKpiId): id is QcProjectKpi {
  return (QC_PROJECT_KPIS as readonly string[]).includes(id);
}

export function projectKpi(id: ProjectKpiId): ProjectKpi {
  if (isQcKpi(id)) {
    const std = QC_STANDARD[id];
    return { id, source: 'qc', unit: 'rate', better: std.op === '>=' ? 'higher' : 'lower', standard: { op: std.op, value: std.value } };
  }
  const d: KpiDefinition = KPI_DEFINITIONS[id];
  if (d.kind === 'rate') return { id, source: 'report', unit: 'rate', better: d.better, standard: d.target ? { ...d.target } : null };
  if (d.kind === 'mean') return { id, source: 'report', unit: 'duration', better: d.better, standard: null };
  throw new RangeError(`${id} is neither a rate nor a mean`);
}

/**
 * A KPI's value over a period as the two numbers it is made of, so a chart
 * can say "37 / 40" and a value can be checked by hand. For a mean, `num` is
 * the summed milliseconds and `den` the tickets.
 */
export interface Tally {
  num: number;
  den: number;
}

/** A report KPI's tally from a period's counts, by its definition's numerator and denominator. */
export function reportTally(id: ReportProjectKpi, c: KpiCounts): Tally {
  const d: KpiDefinition = KPI_DEFINITIONS[id];
  if (d.kind === 'rate') return { num: c[d.numerator], den: c[d.denominator] };
  if (d.kind === 'mean') return { num: c[d.sum], den: c[d.count] };
  throw new RangeError(`${id} is neither a rate nor a mean`);
}

/** A QC measure's tally from a period's measures (the backlog: its days summed, as `overall`). */
export function qcTally(id: QcProjectKpi, m: Pick<QcMeasures, QcProjectKpi>): Tally {
  const rc: RateCount = id === 'backlog' ? m.backlog.overall : m[id];
  return { num: rc.count, den: rc.of };
}

/** The value a tally stands for (null when nothing was counted), with the report's own arithmetic. */
export function tallyValue(kpi: ProjectKpi, t: Tally): number | null {
  return kpi.unit === 'rate' ? rate(t.num, t.den) : mean(t.num, t.den);
}
