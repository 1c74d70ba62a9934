import { describe, expect, it } from 'vitest';
import {
  dayCount,
  monthRange,
  previousPeriod,
  rangeInstants,
  rangeProblem,
  sameTimeLastYear,
  wholeMonths,
} from '../../../../src-main/core/reports/period';

describe('report periods', () => {
  it('a month is its first to its last day', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('2026-1')).toBeNull();
  });

  it('whole months compare with the months before and the same months a year before', () => {
    const march = { from: '2026-03-01', to: '2026-03-31' };
    expect(wholeMonths(march)).toBe(1);
    expect(previousPeriod(march)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(sameTimeLastYear(march)).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    const q1 = { from: '2026-01-01', to: '2026-03-31' };
    expect(wholeMonths(q1)).toBe(3);
    expect(previousPeriod(q1)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('other ranges compare with as many days just before, and the same dates a year before', () => {
    const week = { from: '2026-10-05', to: '2026-10-11' };
    expect(wholeMonths(week)).toBeNull();
    expect(previousPeriod(week)).toEqual({ from: '2026-09-28', to: '2026-10-04' });
    expect(sameTimeLastYear(week)).toEqual({ from: '2025-10-05', to: '2025-10-11' });
    expect(sameTimeLastYear({ from: '2028-02-29', to: '2028-03-02' })).toEqual({ from: '2027-02-28', to: '2027-03-02' });
    expect(dayCount(week)).toBe(7);
  });

  it('refuses bad, reversed and overlong ranges', () => {
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-01' })).toBe('bad_day');
    expect(rangeProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('reversed');
    expect(rangeProblem({ from: '2020-01-01', to: '2026-01-01' })).toBe('too_long');
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
  });

  it('local days become instants in the branch zone, `to` included', () => {
    const r = rangeInstants({ from: '2026-10-01', to: '2026-10-31' }, 'Asia/Shanghai');
    expect(new Date(r.fromMs).toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(new Date(r.toMs).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    // A zone with daylight saving: the October day it ends is 25 hours long.
    const berlin = rangeInstants({ from: '2026-10-25', to: '2026-10-25' }, 'Europe/Berlin');
    expect(berlin.toMs - berlin.fromMs).toBe(25 * 3_600_000);
  });
});
