/**
 * A business calendar: working hours per weekday, public holidays and the
 * make-up working days (调休) that Chinese holidays come with. Times are local
 * to the branch's zone; intervals come out as UTC instants.
 */
import { TZDate } from '@date-fns/tz';

/** Minutes after local midnight: [start, end). */
export type Span = [number, number];

export interface BusinessCalendar {
  zone: string;
  /** Index 0 = Sunday … 6 = Saturday. */
  week: Span[][];
  /** YYYY-MM-DD dates with no working time. */
  holidays: string[];
  /** YYYY-MM-DD weekend dates worked as a normal weekday (Monday's hours). */
  workdays: string[];
}

const WORKDAY: Span[] = [
  [8 * 60 + 30, 12 * 60],
  [13 * 60 + 30, 17 * 60 + 30],
];

export const DEFAULT_CALENDAR: BusinessCalendar = {
  zone: 'Asia/Shanghai',
  week: [[], WORKDAY, WORKDAY, WORKDAY, WORKDAY, WORKDAY, []],
  holidays: [],
  workdays: [],
};

const DAY = 86_400_000;

function localDate(ms: number, zone: string): { y: number; m: number; d: number; weekday: number; key: string } {
  const t = new TZDate(ms, zone);
  const y = t.getFullYear();
  const m = t.getMonth() + 1;
  const d = t.getDate();
  return { y, m, d, weekday: t.getDay(), key: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function spansOf(cal: BusinessCalendar, weekday: number, key: string): Span[] {
  if (cal.holidays.includes(key)) return [];
  if (cal.workdays.includes(key)) return cal.week[1] ?? [];
  return cal.week[weekday] ?? [];
}

/**
 * Working intervals [start, end) as instants, in order, beginning with the one
 * that contains or follows `from`. Stops after `maxDays` calendar days so a
 * calendar with no working time can never loop for ever.
 */
export function* workingIntervals(cal: BusinessCalendar, from: number, maxDays = 800): Generator<[number, number]> {
  let cursor = from;
  for (let i = 0; i < maxDays; i++) {
    const day = localDate(cursor, cal.zone);
    const midnight = new TZDate(day.y, day.m - 1, day.d, 0, 0, 0, cal.zone).getTime();
    for (const [s, e] of spansOf(cal, day.weekday, day.key)) {
      const start = new TZDate(day.y, day.m - 1, day.d, Math.floor(s / 60), s % 60, 0, cal.zone).getTime();
      const end = new TZDate(day.y, day.m - 1, day.d, Math.floor(e / 60), e % 60, 0, cal.zone).getTime();
      if (end <= from) continue;
      yield [Math.max(start, from), end];
    }
    // Next local midnight, found from noon so a DST shift cannot skip or repeat a day.
    const next = localDate(midnight + DAY + 12 * 3_600_000, cal.zone);
    cursor = new TZDate(next.y, next.m - 1, next.d, 0, 0, 0, cal.zone).getTime();
  }
}

export type CalendarProblem = 'no_working_time' | 'bad_span' | 'bad_date';

export function validateCalendar(cal: BusinessCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (cal.week.length !== 7 || cal.week.every((d) => d.length === 0)) problems.push('no_working_time');
  for (const day of cal.week) {
    for (const [s, e] of day) if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s < e && e <= 1440)) problems.push('bad_span');
  }
  for (const d of [...cal.holidays, ...cal.workdays]) if (!/^\d{4}-\d\d-\d\d$/.test(d)) problems.push('bad_date');
  return [...new Set(problems)];
}
