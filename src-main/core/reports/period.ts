/**
 * Report periods as local calendar days in the branch's zone. A month report
 * compares with the previous whole month(s) and the same month(s) a year
 * before; any other range with the equally long run of days just before it
 * and the same dates a year before (29 February falls back to the 28th).
 */
import { zonedInstant } from '../time';
import type { DayRange } from './model';

/** Ranges longer than this are refused: about three years of days. */
export const MAX_RANGE_DAYS = 1100;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** [year, month 1-12, day] of a valid 'YYYY-MM-DD', or null. */
export function parseDay(s: string): [number, number, number] | null {
  const m = DAY_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return [y, mo, d];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const fmt = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function toUtcDay(s: string): number {
  const p = parseDay(s);
  if (!p) throw new RangeError(`not a day: ${s}`);
  return Date.UTC(p[0], p[1] - 1, p[2]);
}
function fromUtcDay(ms: number): string {
  const d = new Date(ms);
  return fmt(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(day: string, n: number): string {
  return fromUtcDay(toUtcDay(day) + n * DAY_MS);
}

/** 'YYYY-MM' → its first and last day; null when not a month. */
export function monthRange(month: string): DayRange | null {
  const m = MONTH_RE.exec(month);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return null;
  return { from: fmt(y, mo, 1), to: fmt(y, mo, daysInMonth(y, mo)) };
}

/** Number of days in the range, both ends counted. */
export function dayCount(r: DayRange): number {
  return Math.round((toUtcDay(r.to) - toUtcDay(r.from)) / DAY_MS) + 1;
}

export function daysOf(r: DayRange): string[] {
  const n = dayCount(r);
  return Array.from({ length: n }, (_, i) => addDays(r.from, i));
}

/** Why a range cannot be reported on, or null when it can. */
export function rangeProblem(r: DayRange): 'bad_day' | 'reversed' | 'too_long' | null {
  if (!parseDay(r.from) || !parseDay(r.to)) return 'bad_day';
  if (r.to < r.from) return 'reversed';
  return dayCount(r) > MAX_RANGE_DAYS ? 'too_long' : null;
}

/** Whole calendar months: from the 1st of one month to the last day of the same or a later month. */
export function wholeMonths(r: DayRange): number | null {
  const a = parseDay(r.from);
  const b = parseDay(r.to);
  if (!a || !b || a[2] !== 1 || b[2] !== daysInMonth(b[0], b[1])) return null;
  const n = (b[0] - a[0]) * 12 + (b[1] - a[1]) + 1;
  return n > 0 ? n : null;
}

function shiftMonths(r: DayRange, months: number, count: number): DayRange {
  const [y, m] = parseDay(r.from)!;
  const start = (y * 12 + (m - 1)) + months;
  const end = start + count - 1;
  const ey = Math.floor(end / 12);
  const em = (end % 12) + 1;
  return { from: fmt(Math.floor(start / 12), (start % 12) + 1, 1), to: fmt(ey, em, daysInMonth(ey, em)) };
}

/** The period just before: the previous month(s) for whole months, else as many days just before. */
export function previousPeriod(r: DayRange): DayRange {
  const months = wholeMonths(r);
  if (months !== null) return shiftMonths(r, -months, months);
  const n = dayCount(r);
  return { from: addDays(r.from, -n), to: addDays(r.from, -1) };
}

function lastYearDay(day: string): string {
  const [y, m, d] = parseDay(day)!;
  return fmt(y - 1, m, Math.min(d, daysInMonth(y - 1, m)));
}

/** The same period a year before (同期). */
export function sameTimeLastYear(r: DayRange): DayRange {
  const months = wholeMonths(r);
  if (months !== null) return shiftMonths(r, -12, months);
  return { from: lastYearDay(r.from), to: lastYearDay(r.to) };
}

/** The instants [fromMs, toMs) the range covers in the zone: local midnight to the midnight after `to`. */
export function rangeInstants(r: DayRange, zone: string): { fromMs: number; toMs: number } {
  const [fy, fm, fd] = parseDay(r.from)!;
  const [ty, tm, td] = parseDay(addDays(r.to, 1))!;
  return { fromMs: zonedInstant(zone, fy, fm, fd), toMs: zonedInstant(zone, ty, tm, td) };
}
