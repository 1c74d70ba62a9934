/**
 * What an improvement project (QC 课题) is made of and the rules its input
 * must keep: the dates in order, a target in the KPI's own unit, causes in
 * the five groups of a fishbone (人 / 机 / 料 / 法 / 环), a cause's verdict
 * (要因确认) always with its evidence, countermeasures with who and by when.
 * Pure: the service hands in `today` (the branch's local day).
 */
import type { DayRange, ReportFilters } from '../reports/model';
import { dayCount, parseDay } from '../reports/period';
import { projectKpi, type ProjectKpiId } from './kpis';
import { allPeriods, MAX_PERIODS, type Grain } from './series';

/** The fishbone's groups: 人 (people), 机 (machines, systems), 料 (material, information), 法 (method, process), 环 (environment). */
export const CAUSE_GROUPS = ['man', 'machine', 'material', 'method', 'environment'] as const;
export type CauseGroup = (typeof CAUSE_GROUPS)[number];
export const CAUSE_GROUP_LABELS: Record<CauseGroup, { zh: string; en: string }> = {
  man: { zh: '人', en: 'People' },
  machine: { zh: '机', en: 'Machines' },
  material: { zh: '料', en: 'Material' },
  method: { zh: '法', en: 'Method' },
  environment: { zh: '环', en: 'Environment' },
};

/** 要因确认: not yet checked, confirmed as a main cause (是要因), or ruled out (非要因). */
export const CAUSE_VERDICTS = ['unchecked', 'confirmed', 'ruled_out'] as const;
export type CauseVerdict = (typeof CAUSE_VERDICTS)[number];

export interface ProjectPlan {
  title: string;
  kpi: ProjectKpiId;
  grain: Grain;
  baseline: DayRange;
  startDay: string;
  deadline: string;
  /** In the KPI's unit: a fraction 0–1 for a rate, milliseconds for a duration. */
  target: number;
  /** A project about one district and/or one department measures their tickets only; absent or null is the whole branch. */
  district?: string | null;
  department?: string | null;
}

/** A baseline longer than a year is refused: a QC study measures its 现状 over months, not years. */
export const MAX_BASELINE_DAYS = 366;
/** A mean handling or response target above 30 days is surely a slip of the unit. */
export const MAX_DURATION_TARGET_MS = 30 * 86_400_000;

export class PlanProblem {
  constructor(
    readonly field: string,
    readonly why: string,
  ) {}
}

/** Why a project's plan cannot stand, or null when it can. */
export function planProblem(p: ProjectPlan, today: string): PlanProblem | null {
  for (const [field, day] of [
    ['baselineFrom', p.baseline.from],
    ['baselineTo', p.baseline.to],
    ['startDay', p.startDay],
    ['deadline', p.deadline],
  ] as const) {
    if (!parseDay(day)) return new PlanProblem(field, 'bad_day');
  }
  if (p.baseline.to < p.baseline.from) return new PlanProblem('baselineTo', 'baseline_reversed');
  if (dayCount(p.baseline) > MAX_BASELINE_DAYS) return new PlanProblem('baselineTo', 'baseline_too_long');
  if (p.baseline.from > today) return new PlanProblem('baselineFrom', 'baseline_future');
  if (p.startDay <= p.baseline.to) return new PlanProblem('startDay', 'start_in_baseline');
  if (p.deadline < p.startDay) return new PlanProblem('deadline', 'deadline_before_start');
  const kpi = projectKpi(p.kpi);
  if (!Number.isFinite(p.target)) return new PlanProblem('target', 'target_rate');
  if (kpi.unit === 'rate' && (p.target < 0 || p.target > 1)) return new PlanProblem('target', 'target_rate');
  if (kpi.unit === 'duration' && (p.target <= 0 || p.target > MAX_DURATION_TARGET_MS)) return new PlanProblem('target', 'target_duration');
  // The span in days first, so a deadline in year 2999 is refused without listing its weeks.
  const tooLong = dayCount({ from: p.baseline.from, to: p.deadline }) > MAX_PERIODS.month * 31;
  if (tooLong || allPeriods(p, p.grain, today).length > MAX_PERIODS[p.grain]) return new PlanProblem('deadline', p.grain === 'month' ? 'too_many_months' : 'too_many_weeks');
  return null;
}

/** A day that is not a real YYYY-MM-DD (2026-02-30). */
export function dayProblem(field: string, day: string): PlanProblem | null {
  return parseDay(day) ? null : new PlanProblem(field, 'bad_day');
}

/** The report's filters a project's KPI is measured with: its district and department, if it names them. */
export function projectFilters(p: Pick<ProjectPlan, 'district' | 'department'>): ReportFilters {
  return { ...(p.district ? { district: [p.district] } : {}), ...(p.department ? { department: [p.department] } : {}) };
}

/** Deleting a project whose causes carry verdicts (要因确认 done) needs a reason. */
export function deleteProblem(verdicts: number, reason: string): PlanProblem | null {
  return verdicts > 0 && reason.trim() === '' ? new PlanProblem('reason', 'reason_required') : null;
}

/** A verdict other than "not yet checked" needs its evidence (确认情况). */
export function verdictProblem(verdict: CauseVerdict, evidence: string): PlanProblem | null {
  return verdict !== 'unchecked' && evidence.trim() === '' ? new PlanProblem('evidence', 'evidence_required') : null;
}
