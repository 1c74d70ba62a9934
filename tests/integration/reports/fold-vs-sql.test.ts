/**
 * The report folds each ticket in JavaScript (core/reports/fold.ts); the same
 * numbers written as one SQL query by hand (tests/helpers/kpi-sql.ts) must
 * agree with it, on a year of seeded tickets of every kind, month by month and
 * at several instants (clocks that are running at one are missed at a later one).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { monthKpis } from '../../helpers/kpi-sql';
import { seedTickets } from '../../../src-main/services/seed';
import { buildReport } from '../../../src-main/services/reports/report';
import { monthRange } from '../../../src-main/core/reports/period';

let t: TestDb;
beforeEach(() => {
  t = tempDb(Date.parse('2026-11-20T02:00:00Z'));
  seedTickets(t.ctx, null, { tickets: 6000, months: 6, seed: 7 });
  // Seeding 6,000 tickets takes 7–10 s of wall time on a loaded 2-core machine: past the default 10 s.
}, 60_000);
afterEach(() => t.close());

describe('the fold and the hand-written SQL', () => {
  it('give the same KPI block for every month, now and a week later', () => {
    const checked: number[] = [];
    for (const advance of [0, 7 * 86_400_000]) {
      t.clock.advance(advance);
      for (const month of ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
        const r = buildReport(t.ctx, { range: monthRange(month)! });
        const sql = monthKpis(t.db, r.fromMs, r.toMs, r.at);
        const fold = {
          ...Object.fromEntries(Object.keys(sql).map((k) => [k, (r as unknown as Record<string, unknown>)[k]])),
          ...r.breaches,
        };
        expect(fold, month).toEqual(sql);
        checked.push(r.total);
      }
    }
    // The seed spreads its tickets over the months: every month had some to compare.
    expect(checked.every((n) => n > 100)).toBe(true);
  });

  it('agree for the previous period too (its medians are left out)', () => {
    const r = buildReport(t.ctx, { range: monthRange('2026-10')! });
    const prev = buildReport(t.ctx, { range: monthRange('2026-09')! });
    const { responseMedianMs, handlingMedianMs, ...counts } = prev;
    expect({ responseMedianMs, handlingMedianMs }).not.toEqual({ responseMedianMs: null, handlingMedianMs: null });
    for (const k of ['total', 'resolved', 'dueCount', 'onTime', 'repeat', 'overlevel', 'rated', 'satisfied', 'responded', 'responseSumMs', 'handled', 'handlingSumMs', 'breached'] as const)
      expect(r.previous.kpis[k], k).toBe(counts[k]);
    expect(r.previous.kpis.responseMedianMs).toBeNull();
  });
});
