import { describe, expect, it } from 'vitest';
import { warningWindows } from '../../../../src-main/core/warnings';

const iso = (ms: number) => new Date(ms).toISOString();

describe('warningWindows', () => {
  it('in January the baseline is July–December of the year before, cut at China-time midnights', () => {
    // 2027-01-03 08:00 China time.
    const w = warningWindows(Date.parse('2027-01-03T00:00:00Z'), 'Asia/Shanghai');
    expect(w.monthLabel).toBe('2027-01');
    expect(w.baselineMonths.map((m) => iso(m.start))).toEqual([
      '2026-06-30T16:00:00.000Z',
      '2026-07-31T16:00:00.000Z',
      '2026-08-31T16:00:00.000Z',
      '2026-09-30T16:00:00.000Z',
      '2026-10-31T16:00:00.000Z',
      '2026-11-30T16:00:00.000Z',
    ]);
    expect(iso(w.baselineMonths[5]!.end)).toBe('2026-12-31T16:00:00.000Z');
    // July–December: 31+31+30+31+30+31.
    expect(w.baselineDays).toBe(184);
    expect(iso(w.month.start)).toBe('2026-12-31T16:00:00.000Z');
    // Today (3 January) and the 6 days before: from 28 December 00:00 China time.
    expect(iso(w.rolling.start)).toBe('2026-12-27T16:00:00.000Z');
    expect(w.rolling.end).toBe(Date.parse('2027-01-03T00:00:00Z') + 1);
  });

  it('the baseline days follow the calendar: March 2028 counts September–February with a leap day', () => {
    const w = warningWindows(Date.parse('2028-03-15T04:00:00Z'), 'Asia/Shanghai');
    // 30+31+30+31+31+29.
    expect(w.baselineDays).toBe(182);
  });
});
