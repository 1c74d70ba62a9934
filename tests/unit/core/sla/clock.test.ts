import { describe, expect, it } from 'vitest';
import { instantAtUsed, readClock, usedMs, type ClockInput } from '../../../../src-main/core/sla/clock';
import { DEFAULT_CALENDAR, workingIntervals, type BusinessCalendar } from '../../../../src-main/core/sla/calendar';
import { planAlerts } from '../../../../src-main/core/sla/alerts';
import { zonedInstant } from '../../../../src-main/core/time';

const Z = 'Asia/Shanghai';
const at = (d: string, h = 0, m = 0) => {
  const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
  return zonedInstant(Z, y, mo, da, h, m);
};
const H = 3_600_000;

const calendarClock = (over: Partial<ClockInput> = {}): ClockInput => ({
  startedAt: at('2026-11-02', 10),
  limitMs: 48 * H,
  pauses: [],
  stoppedAt: null,
  calendar: null,
  ...over,
});

describe('calendar-time clock', () => {
  it('is due limit after start, 80 % at 38.4 h', () => {
    const c = calendarClock();
    expect(instantAtUsed(c, c.limitMs)).toBe(at('2026-11-04', 10));
    expect(planAlerts(c).map((p) => [p.kind, p.step, p.at])).toEqual([
      ['approaching', 0, at('2026-11-02', 10) + 38.4 * H],
      ['breached', 0, at('2026-11-04', 10)],
      ['escalated', 1, at('2026-11-04', 12)],
      ['escalated', 2, at('2026-11-04', 14)],
    ]);
  });

  it('a pause on pending_customer moves the due time by its length and is not counted', () => {
    const c = calendarClock({ pauses: [[at('2026-11-02', 12), at('2026-11-03', 12)]] });
    expect(instantAtUsed(c, c.limitMs)).toBe(at('2026-11-05', 10));
    expect(usedMs(c, at('2026-11-03', 12))).toBe(2 * H);
    expect(readClock(c, at('2026-11-02', 18)).state).toBe('paused');
  });

  it('while a pause is open the due time is unknown and nothing is planned past it', () => {
    const c = calendarClock({ pauses: [[at('2026-11-02', 12), null]] });
    expect(instantAtUsed(c, c.limitMs)).toBeNull();
    expect(planAlerts(c)).toEqual([]);
    expect(readClock(c, at('2026-11-09', 0))).toMatchObject({ state: 'paused', usedMs: 2 * H, dueAt: null });
  });

  it('reads met, breached and running', () => {
    expect(readClock(calendarClock({ stoppedAt: at('2026-11-03', 10) }), at('2026-11-10')).state).toBe('met');
    expect(readClock(calendarClock({ stoppedAt: at('2026-11-05', 10) }), at('2026-11-10')).state).toBe('breached');
    expect(readClock(calendarClock(), at('2026-11-03', 10))).toMatchObject({ state: 'running', elapsedPct: 50 });
    expect(readClock(calendarClock(), at('2026-11-05', 10))).toMatchObject({ state: 'breached', elapsedPct: 150 });
  });

  it('a stopped clock plans no alerts', () => {
    expect(planAlerts(calendarClock({ stoppedAt: at('2026-11-02', 11) }))).toEqual([]);
  });
});

describe('business calendar', () => {
  // 2026-10-01..07 is the National Day holiday; Sunday 2026-09-27 and Saturday 2026-10-10 are make-up working days.
  const cal: BusinessCalendar = {
    ...DEFAULT_CALENDAR,
    zone: Z,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-09-27', '2026-10-10'],
  };

  it('counts only working hours: 8:30-12:00 and 13:30-17:30 on weekdays', () => {
    const c: ClockInput = { startedAt: at('2026-11-02', 16), limitMs: 4 * H, pauses: [], stoppedAt: null, calendar: cal };
    // Monday 16:00 → 1.5 h today, then 2.5 h from Tuesday 8:30 → 11:00.
    expect(instantAtUsed(c, c.limitMs)).toBe(at('2026-11-03', 11));
  });

  it('skips the weekend', () => {
    const c: ClockInput = { startedAt: at('2026-11-06', 17), limitMs: 1 * H, pauses: [], stoppedAt: null, calendar: cal };
    // Friday 17:00 → 0.5 h, then Monday 8:30 + 0.5 h.
    expect(instantAtUsed(c, c.limitMs)).toBe(at('2026-11-09', 9));
  });

  it('skips a holiday and works a make-up day', () => {
    // Wednesday 2026-09-30 17:00 with 1 h: 0.5 h that day; Oct 1-2 holidays, Oct 3-4 weekend,
    // Oct 5-7 holidays, Oct 8 (Thursday) 8:30 + 0.5 h.
    const c: ClockInput = { startedAt: at('2026-09-30', 17), limitMs: 1 * H, pauses: [], stoppedAt: null, calendar: cal };
    expect(instantAtUsed(c, c.limitMs)).toBe(at('2026-10-08', 9));
    // Friday 2026-09-25 17:00 with 1 h: Sunday 09-27 is a make-up working day.
    const d: ClockInput = { ...c, startedAt: at('2026-09-25', 17) };
    expect(instantAtUsed(d, d.limitMs)).toBe(at('2026-09-27', 9));
  });

  it('a pause inside working hours is not counted, one outside costs nothing', () => {
    const base: ClockInput = { startedAt: at('2026-11-02', 9), limitMs: 2 * H, pauses: [], stoppedAt: null, calendar: cal };
    expect(instantAtUsed({ ...base, pauses: [[at('2026-11-02', 9, 30), at('2026-11-02', 10, 30)]] }, 2 * H)).toBe(at('2026-11-02', 12));
    expect(instantAtUsed({ ...base, pauses: [[at('2026-11-02', 18), at('2026-11-03', 8)]] }, 2 * H)).toBe(at('2026-11-02', 11));
  });

  it('lists the working intervals from inside one', () => {
    const it = workingIntervals(cal, at('2026-11-02', 10));
    expect(it.next().value).toEqual([at('2026-11-02', 10), at('2026-11-02', 12)]);
    expect(it.next().value).toEqual([at('2026-11-02', 13, 30), at('2026-11-02', 17, 30)]);
    expect(it.next().value).toEqual([at('2026-11-03', 8, 30), at('2026-11-03', 12)]);
  });
});

describe('calendar time, computed directly', () => {
  // A business calendar that works around the clock counts exactly calendar time, through the
  // general span walk: the direct calendar-time arithmetic must agree with it.
  const always: BusinessCalendar = { zone: 'UTC', week: Array.from({ length: 7 }, () => [[0, 1440]]), holidays: [], workdays: [] };
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it('agrees with the span walk for random pauses, open or closed, before, across and after the start', () => {
    for (let i = 0; i < 300; i++) {
      const start = Date.UTC(2026, 10, 2) + rand(48) * H;
      const pauses: Array<[number, number | null]> = [];
      let t = start - 24 * H;
      for (let k = rand(4); k > 0; k--) {
        t += rand(30) * H + 1;
        const end = t + rand(20) * H + 1;
        pauses.push([t, k === 1 && rand(3) === 0 ? null : end]);
        t = end;
      }
      const base: ClockInput = { startedAt: start, limitMs: (1 + rand(72)) * H, pauses, stoppedAt: null, calendar: null };
      for (const target of [0.8 * base.limitMs, base.limitMs]) {
        expect(instantAtUsed(base, target), JSON.stringify({ base, target })).toBe(instantAtUsed({ ...base, calendar: always }, target));
      }
    }
  });
});
