/**
 * 工单堆积率, the daily backlog rate (docs/KPIS.md, `backlog`): at the end of
 * each local day of a range (today: at `at`), of the tickets open then —
 * received before that instant and not resolved before it — those past their
 * resolution clock's due time. Days from `at` on are not measured.
 *
 * Counted in one pass over the tickets rather than once per day: a ticket is
 * open at exactly the days' instants I with receivedAt < I ≤ resolvedAt, and
 * overdue at those with max(receivedAt, due) < I as well — each a run of
 * consecutive days, found by two binary searches and added to a difference
 * array. Six months of a million tickets is 250,000 tickets by 180 days; one
 * loop per day over all of them cost seconds.
 */
import { rate } from './rates';

/** What the backlog reads of a ticket open at some moment of the range. */
export interface BacklogSpan {
  id: number;
  receivedAt: number;
  resolvedAt: number | null;
  /** The resolution clock's due time; null without one or while an open pause leaves it unknown. */
  resolutionDueAt: number | null;
}

export interface BacklogDay {
  day: string;
  open: number;
  overdue: number;
  rate: number | null;
}

export interface BacklogInput {
  at: number;
  /** The instant the range starts (its first day's start). */
  fromMs: number;
  /** Each local day of the range, in order, with the instant it ends. */
  days: readonly { day: string; endMs: number }[];
  /** Every ticket open at some moment of the range (others may be there too: they count on no day). */
  spans: readonly BacklogSpan[];
}

/** The days measured and the instant each is measured at (ascending). */
function measuredDays(input: BacklogInput): { day: string; instant: number }[] {
  const out: { day: string; instant: number }[] = [];
  let dayStart = input.fromMs;
  for (const { day, endMs } of input.days) {
    if (dayStart >= input.at) break;
    const instant = Math.min(endMs, input.at);
    if (out.length > 0 && instant <= out[out.length - 1]!.instant) throw new RangeError('the days must be in order');
    out.push({ day, instant });
    dayStart = endMs;
  }
  return out;
}

/** The index of the first instant after t (instants.length when none is). */
function firstAfter(instants: Float64Array, t: number): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instants[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Each measured day's open and overdue tickets, and both summed over the days. */
export function backlogDays(input: BacklogInput): { days: BacklogDay[]; open: number; overdue: number } {
  const measured = measuredDays(input);
  const n = measured.length;
  const instants = Float64Array.from(measured, (d) => d.instant);
  // +1 where a run of days starts, −1 just after it ends.
  const open = new Int32Array(n + 1);
  const late = new Int32Array(n + 1);
  for (const s of input.spans) {
    const last = s.resolvedAt === null ? n - 1 : firstAfter(instants, s.resolvedAt) - 1;
    const first = firstAfter(instants, s.receivedAt);
    if (first > last) continue;
    open[first]!++;
    open[last + 1]!--;
    if (s.resolutionDueAt === null) continue;
    const firstLate = Math.max(first, firstAfter(instants, s.resolutionDueAt));
    if (firstLate > last) continue;
    late[firstLate]!++;
    late[last + 1]!--;
  }
  const days: BacklogDay[] = [];
  let o = 0;
  let l = 0;
  let openSum = 0;
  let overdueSum = 0;
  for (let k = 0; k < n; k++) {
    o += open[k]!;
    l += late[k]!;
    days.push({ day: measured[k]!.day, open: o, overdue: l, rate: rate(l, o) });
    openSum += o;
    overdueSum += l;
  }
  return { days, open: openSum, overdue: overdueSum };
}
