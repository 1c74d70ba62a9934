/**
 * The periods a project's chart is drawn over: whole calendar months (or
 * Monday–Sunday weeks) from the one holding the baseline's first day to the
 * one holding the deadline or today, whichever is later. Each period is marked
 * before / during / after the project (the project runs from its start day to
 * its deadline, both included) and whether it lies inside the baseline.
 * Periods that have not begun at `today` get no value.
 */
import type { DayRange } from '../reports/model';
import { addDays, daysInMonth, parseDay } from '../reports/period';
import type { Tally } from './kpis';

export type Grain = 'month' | 'week';
export const GRAINS: readonly Grain[] = ['month', 'week'];
export type Phase = 'before' | 'during' | 'after';

/** At most this many periods on a chart (three years of months, two of weeks). */
export const MAX_PERIODS: Record<Grain, number> = { month: 36, week: 104 };

export interface ProjectDates {
  baseline: DayRange;
  startDay: string;
  deadline: string;
}

export interface SeriesPeriod {
  /** 2026-07 for a month; the Monday (2026-07-06) for a week. */
  label: string;
  range: DayRange;
  phase: Phase;
  /** Every day of the period is inside the baseline. */
  inBaseline: boolean;
  /** The period has begun at `today` (a value is computed for it). */
  begun: boolean;
}

export interface SeriesPoint extends SeriesPeriod {
  tally: Tally | null;
  value: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(day: string): DayRange {
  const [y, m] = parseDay(day)!;
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
}

function weekOf(day: string): DayRange {
  const [y, m, d] = parseDay(day)!;
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // 0 = Monday
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
}

const periodOf = (grain: Grain, day: string) => (grain === 'month' ? monthOf(day) : weekOf(day));

/** The phase of a period: during when it shares any day with the project's run. */
export function phaseOf(range: DayRange, dates: ProjectDates): Phase {
  if (range.to < dates.startDay) return 'before';
  if (range.from > dates.deadline) return 'after';
  return 'during';
}

/** Every period from the baseline's to the later of the deadline's and today's, oldest first. */
export function allPeriods(dates: ProjectDates, grain: Grain, today: string): SeriesPeriod[] {
  const last = dates.deadline > today ? dates.deadline : today;
  const out: SeriesPeriod[] = [];
  let range = periodOf(grain, dates.baseline.from);
  while (range.from <= last) {
    out.push({
      label: grain === 'month' ? range.from.slice(0, 7) : range.from,
      range,
      phase: phaseOf(range, dates),
      inBaseline: range.from >= dates.baseline.from && range.to <= dates.baseline.to,
      begun: range.from <= today,
    });
    range = periodOf(grain, addDays(range.to, 1));
  }
  return out;
}

/**
 * The chart's periods: all of them, or the newest MAX_PERIODS when a project
 * planned within the limit has since run on past it (a new plan is refused
 * before that, see rules.ts).
 */
export function chartPeriods(dates: ProjectDates, grain: Grain, today: string): SeriesPeriod[] {
  return allPeriods(dates, grain, today).slice(-MAX_PERIODS[grain]);
}

/**
 * The period the effect is checked over: from the project's start to today
 * (the deadline passed or not: after it the effect should hold). Null before
 * the project has started.
 */
export function checkRange(dates: ProjectDates, today: string): DayRange | null {
  return today < dates.startDay ? null : { from: dates.startDay, to: today };
}
