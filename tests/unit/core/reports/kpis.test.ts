import { describe, expect, it } from 'vitest';
import { rate, mean, per10k } from '../../../../src-main/core/reports/rates';
import { deriveKpis, EMPTY_COUNTS, meetsTarget } from '../../../../src-main/core/reports/definitions';
import { changeOf } from '../../../../src-main/core/reports/compare';
import { pareto } from '../../../../src-main/core/reports/pareto';
import { arrivalCharts, BUCKET_MS } from '../../../../src-main/core/reports/buckets';

describe('KPI arithmetic', () => {
  it('a rate over nothing is null, not NaN or 0', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(0, 4)).toBe(0);
    expect(rate(3, 4)).toBe(0.75);
    expect(mean(10, 0)).toBeNull();
    expect(per10k(6, null)).toBeNull();
    expect(per10k(6, 30_000)).toBe(2);
  });

  it('derives every KPI from its numerator and denominator', () => {
    const k = deriveKpis(
      { ...EMPTY_COUNTS, total: 20, resolved: 15, dueCount: 10, onTime: 9, repeat: 1, overlevel: 2, rated: 8, satisfied: 6, responded: 4, responseSumMs: 400 },
      { responseMedianMs: 90, handlingMedianMs: null },
      null,
    );
    expect(k).toMatchObject({
      resolutionRate: 0.75,
      timelinessRate: 0.9,
      repeatRate: 0.05,
      overlevelRate: 0.1,
      satisfactionRate: 0.75,
      responseMeanMs: 100,
      responseMedianMs: 90,
      handlingMeanMs: null,
      complaintsPer10k: null,
    });
    expect(meetsTarget('timelinessRate', 0.9)).toBe(true); // ≥ 90 %
    expect(meetsTarget('timelinessRate', 0.899)).toBe(false);
    expect(meetsTarget('repeatRate', 0.05)).toBe(false); // < 5 %
    expect(meetsTarget('repeatRate', 0.049)).toBe(true);
    expect(meetsTarget('total', 3)).toBeNull();
  });

  it('change: rates in points, counts and durations also relative; improvement follows the better direction', () => {
    expect(changeOf('timelinessRate', 0.92, 0.88)).toEqual({ base: 0.88, delta: expect.closeTo(0.04, 10), relative: null, improved: true });
    expect(changeOf('repeatRate', 0.06, 0.04).improved).toBe(false);
    expect(changeOf('handlingMeanMs', 30, 40)).toEqual({ base: 40, delta: -10, relative: -0.25, improved: true });
    expect(changeOf('total', 12, 10)).toEqual({ base: 10, delta: 2, relative: 0.2, improved: null });
    expect(changeOf('total', 3, 0).relative).toBeNull();
    expect(changeOf('timelinessRate', 0.9, null)).toEqual({ base: null, delta: null, relative: null, improved: null });
  });
});

describe('Pareto', () => {
  it('largest first with cumulative shares; the vital few reach 80 %', () => {
    const p = pareto([
      { key: 'b', label: 'B', count: 20 },
      { key: 'a', label: 'A', count: 50 },
      { key: 'c', label: 'C', count: 15 },
      { key: 'd', label: 'D', count: 15 },
      { key: 'e', label: 'E', count: 0 },
    ]);
    expect(p.map((i) => [i.key, i.cumulative, i.vital])).toEqual([
      ['a', 0.5, true],
      ['b', 0.7, true],
      ['c', 0.85, true],
      ['d', 1, false],
    ]);
    expect(pareto([])).toEqual([]);
  });
});

describe('arrival charts', () => {
  it('buckets land on local days and hours; a range with no arrivals is all zeros', () => {
    // 2026-10-31 23:30 China = 15:30 UTC
    const q = Date.UTC(2026, 9, 31, 15, 30) / BUCKET_MS;
    const c = arrivalCharts([{ q, n: 2, first_response: 0, resolution: 1, follow_up: 0 }], { from: '2026-10-31', to: '2026-11-01' }, 'Asia/Shanghai');
    expect(c.daily.map((d) => [d.day, d.count])).toEqual([
      ['2026-10-31', 2],
      ['2026-11-01', 0],
    ]);
    expect(c.heat[5]![23]).toBe(2); // Saturday 23:00
    // Berlin leaves summer time at 03:00 on 25 October 2026: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET, 23:45 UTC is 00:45 on the 26th.
    const at = (h: number, m: number, d = 25) => ({ q: Date.UTC(2026, 9, d, h, m) / BUCKET_MS, n: 1, first_response: 0, resolution: 0, follow_up: 0 });
    const berlin = arrivalCharts([at(0, 30), at(1, 30), at(23, 45)], { from: '2026-10-25', to: '2026-10-26' }, 'Europe/Berlin');
    expect(berlin.heat[6]![2]).toBe(2); // Sunday 02:00–03:00, twice over
    expect(berlin.heat[0]![0]).toBe(1); // Monday 00:45
    expect(berlin.daily.map((d) => d.count)).toEqual([2, 1]);
    const empty = arrivalCharts([], { from: '2026-10-01', to: '2026-10-31' }, 'Asia/Shanghai');
    expect(empty.daily.every((d) => d.count === 0)).toBe(true);
    expect(empty.monthEdgeRatio).toBeNull();
  });
});
