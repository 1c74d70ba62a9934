/**
 * One deadline clock: how much of its limit a ticket has used at an instant,
 * and when it will have used a given share. Time counted is calendar time, or
 * only the working time of a business calendar; paused spans (a ticket waiting
 * on the customer) are never counted.
 */
import { workingIntervals, type BusinessCalendar } from './calendar';

/** A pause [start, end); end null while it lasts. */
export type Pause = [number, number | null];

export interface ClockInput {
  startedAt: number;
  limitMs: number;
  pauses: readonly Pause[];
  /** When the clock stopped (the response, resolution or close happened); null while it runs. */
  stoppedAt: number | null;
  calendar: BusinessCalendar | null;
}

export type ClockState = 'running' | 'paused' | 'met' | 'breached';

/** Active (counted) spans of [from, to): working time minus pauses. */
function* activeSpans(c: ClockInput, from: number, to: number): Generator<[number, number]> {
  const base: Iterable<[number, number]> = c.calendar ? workingIntervals(c.calendar, from) : [[from, Number.POSITIVE_INFINITY]];
  const pauses = [...c.pauses].sort((a, b) => a[0] - b[0]);
  for (const [ws, we0] of base) {
    if (ws >= to) return;
    const we = Math.min(we0, to);
    let cursor = ws;
    for (const [ps, pe0] of pauses) {
      const pe = pe0 ?? Number.POSITIVE_INFINITY;
      if (pe <= cursor || ps >= we) continue;
      if (ps > cursor) yield [cursor, ps];
      cursor = Math.max(cursor, pe);
      if (cursor >= we) break;
    }
    if (cursor < we) yield [cursor, we];
  }
}

/** Counted time between the clock's start and `at` (or its stop, if earlier). */
export function usedMs(c: ClockInput, at: number): number {
  const end = Math.min(at, c.stoppedAt ?? at);
  if (end <= c.startedAt) return 0;
  let used = 0;
  for (const [s, e] of activeSpans(c, c.startedAt, end)) used += e - s;
  return used;
}

/**
 * The instant at which the clock will have counted `targetMs`, given the pauses
 * known so far; null when an open pause means nobody can say yet.
 */
export function instantAtUsed(c: ClockInput, targetMs: number): number | null {
  let remaining = targetMs;
  if (remaining <= 0) return c.startedAt;
  if (c.calendar === null) return calendarInstantAtUsed(c, targetMs);
  for (const [s, e] of activeSpans(c, c.startedAt, Number.POSITIVE_INFINITY)) {
    if (e === Number.POSITIVE_INFINITY || e - s >= remaining) {
      return s + remaining;
    }
    remaining -= e - s;
  }
  // Ran into an open pause (or off the end of the calendar).
  return null;
}

/**
 * instantAtUsed for calendar time, without walking spans: the target instant
 * moves later by each pause that begins before it. Most clocks are calendar
 * time, and every ticket write computes several of these.
 */
function calendarInstantAtUsed(c: ClockInput, targetMs: number): number | null {
  let at = c.startedAt + targetMs;
  const pauses = c.pauses.length > 1 ? [...c.pauses].sort((a, b) => a[0] - b[0]) : c.pauses;
  let cursor = c.startedAt;
  for (const [ps, pe] of pauses) {
    const start = Math.max(ps, cursor);
    if (pe !== null && pe <= start) continue;
    if (start >= at) break;
    if (pe === null) return null;
    at += pe - start;
    cursor = pe;
  }
  return at;
}

export function isPausedAt(c: ClockInput, at: number): boolean {
  return c.pauses.some(([s, e]) => s <= at && (e === null || at < e));
}

/** Total paused time up to `at` (for display; business calendars count it in wall-clock time). */
export function pausedMs(c: ClockInput, at: number): number {
  return c.pauses.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e ?? at, at) - Math.max(s, c.startedAt)), 0);
}

export interface ClockReading {
  dueAt: number | null;
  usedMs: number;
  /** Share of the limit used, in percent (may pass 100). */
  elapsedPct: number;
  state: ClockState;
}

export function readClock(c: ClockInput, at: number): ClockReading {
  const used = usedMs(c, at);
  const dueAt = instantAtUsed(c, c.limitMs);
  const elapsedPct = Math.round((used / c.limitMs) * 1000) / 10;
  let state: ClockState;
  if (c.stoppedAt !== null && c.stoppedAt <= at) state = used <= c.limitMs ? 'met' : 'breached';
  else if (used >= c.limitMs) state = 'breached';
  else state = isPausedAt(c, at) ? 'paused' : 'running';
  return { dueAt, usedMs: used, elapsedPct, state };
}

/** The due time if an open pause ended at `at`: what a paused clock would face on resuming now. */
export function dueIfResumedAt(c: ClockInput, at: number): number {
  const closed: Pause[] = c.pauses.map(([s, e]) => [s, e ?? Math.max(s, at)]);
  return instantAtUsed({ ...c, pauses: closed }, c.limitMs) ?? at;
}
