/**
 * Times as CRM exports write them (docs/REQUIREMENTS.md §6): `YYYY-MM-DD HH:mm[:ss]` or
 * `YYYY/MM/DD HH:mm[:ss]` in the branch's zone, or ISO-8601 with an offset
 * (`2026-11-02T10:00:00+08:00`, `…Z`). Month, day and hour may have one digit
 * (what Excel writes after a re-save); fractions of a second are kept to the
 * millisecond. All arithmetic is on integer milliseconds.
 */
import { zonedInstant } from '../time';

const PATTERN =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Sane bounds for a complaint's time: catches 0201 typed for 2021 and Excel's 1900 zero date. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMs(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * HOUR + minutes * MINUTE);
}

/**
 * Parses times of one zone. Resolving a zone's offset is the slow part, so it
 * is done once per local day and reused for every time on a day whose offset
 * does not change (a day with a daylight-saving switch is resolved exactly,
 * time by time).
 */
export class LocalTimeParser {
  private readonly dayOffsets = new Map<number, number | null>();

  constructor(readonly zone: string) {}

  /** The instant, or null when the text is not a time in one of the accepted forms. */
  parse(text: string): number | null {
    const m = PATTERN.exec(text.trim());
    if (!m) return null;
    const [, y, , mo, d, h, mi, s, frac, offset] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
    if (day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
    if (offset !== undefined) {
      const off = offsetMs(offset);
      if (Math.abs(off) > 14 * HOUR) return null;
      return Date.UTC(year, month - 1, day, hour, minute, second, millis) - off;
    }
    return this.local(year, month, day, hour, minute, second) + millis;
  }

  private local(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const dayKey = Date.UTC(year, month - 1, day);
    let offset = this.dayOffsets.get(dayKey);
    if (offset === undefined) {
      const start = dayKey - zonedInstant(this.zone, year, month, day, 0, 0, 0);
      const end = Date.UTC(year, month - 1, day, 23, 59, 59) - zonedInstant(this.zone, year, month, day, 23, 59, 59);
      offset = start === end ? start : null;
      if (this.dayOffsets.size > 20_000) this.dayOffsets.clear();
      this.dayOffsets.set(dayKey, offset);
    }
    return offset === null ? zonedInstant(this.zone, year, month, day, hour, minute, second) : wall - offset;
  }
}
