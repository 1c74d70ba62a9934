/**
 * Instants are UTC epoch milliseconds everywhere; these turn them into the
 * branch's wall-clock (Asia/Shanghai unless the branch sets another zone).
 */
import { TZDate } from '@date-fns/tz';
import { format, formatISO } from 'date-fns';

export const DEFAULT_ZONE = 'Asia/Shanghai';

/** 2026-11-28T19:03:00+08:00 */
export function isoInZone(ms: number, zone: string = DEFAULT_ZONE): string {
  return formatISO(new TZDate(ms, zone));
}

/** 20261128 — the local calendar day, for numbering and bucketing. */
export function localDayKey(ms: number, zone: string = DEFAULT_ZONE): string {
  return format(new TZDate(ms, zone), 'yyyyMMdd');
}

/** The instant of a local wall-clock time in the zone. Month is 1-12. */
export function zonedInstant(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return new TZDate(year, month - 1, day, hour, minute, second, zone).getTime();
}

/** 20261128-190300 — for file names. */
export function localStamp(ms: number, zone: string = DEFAULT_ZONE): string {
  return format(new TZDate(ms, zone), 'yyyyMMdd-HHmmss');
}
