/**
 * The time windows a warning check counts tickets in, as instants, cut at
 * midnight in the branch's zone. Pure: the instant of the check is given.
 */
import { TZDate } from '@date-fns/tz';
import { zonedInstant } from '../time';
import { BASELINE_MONTHS, ROLLING_DAYS } from './settings';

/** [start, end): start included, end excluded. */
export interface Window {
  start: number;
  end: number;
}

export interface WarningWindows {
  /** The BASELINE_MONTHS whole months before the current one, oldest first. */
  baselineMonths: Window[];
  /** Calendar days in those months, to scale the monthly baseline to 7 days. */
  baselineDays: number;
  /** The current calendar month so far: its first midnight to the instant (included). */
  month: Window;
  /** Today so far and the 6 whole days before it. */
  rolling: Window;
  /** "2026-11" — the current month, for display. */
  monthLabel: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Month m (1-12) of year y shifted by `by` months, normalised across years. */
function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function warningWindows(at: number, zone: string): WarningWindows {
  const local = new TZDate(at, zone);
  const year = local.getFullYear();
  const month = local.getMonth() + 1;
  const end = at + 1; // the instant itself is included
  const baselineMonths: Window[] = [];
  let baselineDays = 0;
  for (let back = BASELINE_MONTHS; back >= 1; back--) {
    const m = shiftMonth(year, month, -back);
    const next = shiftMonth(year, month, -back + 1);
    baselineMonths.push({ start: zonedInstant(zone, m.year, m.month, 1), end: zonedInstant(zone, next.year, next.month, 1) });
    baselineDays += daysInMonth(m.year, m.month);
  }
  // Going back across a month edge is left to the calendar: day 0 is the previous month's last day.
  const firstDay = new Date(Date.UTC(year, month - 1, local.getDate() - (ROLLING_DAYS - 1)));
  return {
    baselineMonths,
    baselineDays,
    month: { start: zonedInstant(zone, year, month, 1), end },
    rolling: { start: zonedInstant(zone, firstDay.getUTCFullYear(), firstDay.getUTCMonth() + 1, firstDay.getUTCDate()), end },
    monthLabel: `${year}-${String(month).padStart(2, '0')}`,
  };
}
