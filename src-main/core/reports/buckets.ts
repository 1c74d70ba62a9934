/**
 * From arrival counts in 15-minute buckets (UTC epoch ÷ 15 min, so every
 * zone's offset falls on a bucket edge) to the pictures of docs/REQUIREMENTS.md §5 in the
 * branch's zone: the daily trend, the day-of-month pattern, the hour × weekday
 * heat map, and the daily breaches of the tickets received each day.
 */
import { tzOffset } from '@date-fns/tz';
import type { BreachClock, DayRange } from './model';
import { daysInMonth, daysOf, parseDay } from './period';

export const BUCKET_MS = 15 * 60_000;

export interface BucketRow {
  /** floor(received_at / BUCKET_MS) */
  q: number;
  n: number;
  first_response: number;
  resolution: number;
  follow_up: number;
}

export interface DailyPoint {
  day: string;
  count: number;
  breaches: Record<BreachClock, number>;
}

export interface DayOfMonthPoint {
  dayOfMonth: number;
  /** Mean complaints on this day of the month over the range's days that have it. */
  mean: number;
  days: number;
}

export interface ArrivalCharts {
  daily: DailyPoint[];
  dayOfMonth: DayOfMonthPoint[];
  /** Mean per day on the first 3 and last 3 days of a month ÷ mean per day on the others; null if either is missing. */
  monthEdgeRatio: number | null;
  /** heat[weekday][hour]: weekday 0 = Monday … 6 = Sunday, hour 0–23, local time. */
  heat: number[][];
}

const CLOCKS: readonly BreachClock[] = ['first_response', 'resolution', 'follow_up'];
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Local wall-clock fields of an instant in the zone. The zone's offset is
 * looked up once per UTC day (a month has 31 days and ~3,000 buckets; each
 * lookup goes through Intl and costs microseconds), and per bucket only on a
 * day whose offset changes (a daylight-saving switch).
 */
function localFields(zone: string) {
  const byDay = new Map<number, number | null>();
  const offsetMs = (ms: number) => tzOffset(zone, new Date(ms)) * 60_000;
  return (ms: number) => {
    const day = Math.floor(ms / DAY);
    let offset = byDay.get(day);
    if (offset === undefined) {
      const start = offsetMs(day * DAY);
      offset = start === offsetMs(day * DAY + DAY - 1) ? start : null;
      byDay.set(day, offset);
    }
    const local = new Date(ms + (offset ?? offsetMs(ms)));
    return {
      day: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
      hour: local.getUTCHours(),
      weekday: (local.getUTCDay() + 6) % 7, // 0 = Monday
    };
  };
}

export function arrivalCharts(rows: readonly BucketRow[], range: DayRange, zone: string): ArrivalCharts {
  const days = daysOf(range);
  const byDay = new Map<string, DailyPoint>(
    days.map((day) => [day, { day, count: 0, breaches: { first_response: 0, resolution: 0, follow_up: 0 } }]),
  );
  const heat = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const fields = localFields(zone);
  for (const r of rows) {
    const local = fields(r.q * BUCKET_MS);
    const point = byDay.get(local.day);
    if (!point) continue; // outside the range (cannot happen with the range's own bounds)
    point.count += r.n;
    for (const c of CLOCKS) point.breaches[c] += r[c];
    heat[local.weekday]![local.hour]! += r.n;
  }
  const daily = [...byDay.values()];
  return { daily, ...dayOfMonthPattern(daily), heat };
}

function dayOfMonthPattern(daily: readonly DailyPoint[]): Pick<ArrivalCharts, 'dayOfMonth' | 'monthEdgeRatio'> {
  const sums = new Array<number>(32).fill(0);
  const counts = new Array<number>(32).fill(0);
  const edge = { sum: 0, days: 0 };
  const middle = { sum: 0, days: 0 };
  for (const p of daily) {
    const [y, m, d] = parseDay(p.day)!;
    sums[d]! += p.count;
    counts[d]! += 1;
    const side = d <= 3 || d > daysInMonth(y, m) - 3 ? edge : middle;
    side.sum += p.count;
    side.days += 1;
  }
  const dayOfMonth: DayOfMonthPoint[] = [];
  for (let d = 1; d <= 31; d++) if (counts[d]! > 0) dayOfMonth.push({ dayOfMonth: d, mean: sums[d]! / counts[d]!, days: counts[d]! });
  const edgeMean = edge.days ? edge.sum / edge.days : null;
  const middleMean = middle.days ? middle.sum / middle.days : null;
  const monthEdgeRatio = edgeMean !== null && middleMean ? edgeMean / middleMean : null;
  return { dayOfMonth, monthEdgeRatio };
}
