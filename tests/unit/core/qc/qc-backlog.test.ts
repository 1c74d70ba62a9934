/**
 * 工单堆积率's days (core/reports/qc-backlog.ts), counted in one pass with a
 * difference array: worked by hand on four days at their edges, and checked
 * against the definition written out day by day on pseudo-random tickets —
 * including arrivals after resolution, due times before arrival and instants
 * exactly on a day's end.
 */
import { describe, expect, it } from 'vitest';
import { backlogDays, type BacklogSpan } from '../../../../src-main/core/reports/qc-backlog';
import { seededRandom } from '../../../../src-main/core/random';

const D = 100; // a "day" of 100 ms: days end at 100, 200, 300, 400
const days = [1, 2, 3, 4].map((k) => ({ day: `d${k}`, endMs: k * D }));
const span = (id: number, receivedAt: number, resolvedAt: number | null, resolutionDueAt: number | null): BacklogSpan => ({ id, receivedAt, resolvedAt, resolutionDueAt });

/** The definition, one day at a time (what qcMeasures did before). */
function byDefinition(spans: readonly BacklogSpan[], at: number, fromMs: number, ds: typeof days) {
  const out: Array<{ day: string; open: number; overdue: number }> = [];
  let dayStart = fromMs;
  for (const { day, endMs } of ds) {
    if (dayStart >= at) break;
    const instant = Math.min(endMs, at);
    dayStart = endMs;
    let open = 0;
    let overdue = 0;
    for (const s of spans) {
      if (s.receivedAt >= instant || (s.resolvedAt !== null && s.resolvedAt < instant)) continue;
      open++;
      if (s.resolutionDueAt !== null && s.resolutionDueAt < instant) overdue++;
    }
    out.push({ day, open, overdue });
  }
  return out;
}

describe('the daily backlog in one pass', () => {
  it('counts by hand at each day end, today at `at`', () => {
    const spans = [
      span(1, 50, 100, 80), // open at 100 (resolved exactly then), overdue (due 80)
      span(2, 100, 250, 150), // received at 100: not open at 100; open at 200 overdue; resolved before 300
      span(3, 120, null, 310), // open from 200 on; overdue at 350 (today, at = 350)? due 310 < 350: yes
      span(4, 10, 5, 1), // resolved before it arrived: never open
      span(5, 0, null, null), // open throughout, no due time: never overdue
      span(6, 300, null, 0), // received exactly at a day end: open only from the next
    ];
    const r = backlogDays({ at: 350, fromMs: 0, days, spans });
    expect(r.days).toEqual([
      { day: 'd1', open: 2, overdue: 1, rate: 0.5 }, // 1 5
      { day: 'd2', open: 3, overdue: 1, rate: 1 / 3 }, // 2 3 5; 2 late
      { day: 'd3', open: 2, overdue: 0, rate: 0 }, // 3 5 (2 resolved at 250; 6 arrives at 300)
      { day: 'd4', open: 3, overdue: 2, rate: 2 / 3 }, // at 350: 3 5 6; 3 (due 310) and 6 (due 0, received 300) late
    ]);
    expect(r.open).toBe(10);
    expect(r.overdue).toBe(4);
  });

  it('measures no day from `at` on, and nothing before the first', () => {
    expect(backlogDays({ at: 200, fromMs: 0, days, spans: [span(1, 0, null, null)] }).days.map((d) => d.day)).toEqual(['d1', 'd2']);
    expect(backlogDays({ at: 0, fromMs: 0, days, spans: [span(1, 0, null, null)] }).days).toEqual([]);
    expect(backlogDays({ at: 1000, fromMs: 0, days: [], spans: [span(1, 0, null, null)] })).toEqual({ days: [], open: 0, overdue: 0 });
  });

  it('equals the definition day by day on 3,000 pseudo-random tickets', () => {
    const rnd = seededRandom(27);
    const pick = (n: number) => Math.floor(rnd() * n);
    const long = Array.from({ length: 40 }, (_, k) => ({ day: `d${k + 1}`, endMs: (k + 1) * D }));
    const spans = Array.from({ length: 3000 }, (_, i) => {
      const received = pick(4200) - 100;
      const resolved = rnd() < 0.2 ? null : rnd() < 0.05 ? received - pick(50) : received + pick(900);
      const due = rnd() < 0.1 ? null : rnd() < 0.3 ? pick(4000) : received + pick(400);
      // Every tenth instant lands on a day's end.
      const snap = (x: number | null) => (x !== null && i % 10 === 0 ? Math.round(x / D) * D : x);
      return span(i, snap(received)!, snap(resolved), snap(due));
    });
    for (const at of [4000, 2550, 1700, 100]) {
      const got = backlogDays({ at, fromMs: 0, days: long, spans });
      const want = byDefinition(spans, at, 0, long);
      expect(got.days.map(({ day, open, overdue }) => ({ day, open, overdue }))).toEqual(want);
      expect(got.open).toBe(want.reduce((n, d) => n + d.open, 0));
      expect(got.overdue).toBe(want.reduce((n, d) => n + d.overdue, 0));
    }
  });
});
