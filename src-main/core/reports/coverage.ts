/**
 * How much of a period the data covers. A branch's records begin on the day
 * of its first ticket (the day it started using the console, or the oldest
 * ticket it imported) and end today, so a period that starts before that day
 * or ends after today is only partly covered: its counts are not comparable
 * with a whole period's, and the report says so instead of showing a change
 * against 3 days of data as if it were a month.
 */
import type { DayRange } from './model';
import { dayCount } from './period';

export interface PeriodCoverage {
  /** Days of the period that have data: from the later of its start and the first data day, to the earlier of its end and today. */
  days: number;
  /** Days in the period. */
  ofDays: number;
  /** The covered days, or null when none are. */
  from: string | null;
  to: string | null;
  partial: boolean;
}

/** `firstDataDay`: the local day of the branch's first ticket (null: no ticket at all); `today`: the local day now. */
export function periodCoverage(range: DayRange, firstDataDay: string | null, today: string): PeriodCoverage {
  const ofDays = dayCount(range);
  const from = firstDataDay === null ? null : firstDataDay > range.from ? firstDataDay : range.from;
  const to = today < range.to ? today : range.to;
  if (from === null || from > to) return { days: 0, ofDays, from: null, to: null, partial: true };
  const days = dayCount({ from, to });
  return { days, ofDays, from, to, partial: days < ofDays };
}
