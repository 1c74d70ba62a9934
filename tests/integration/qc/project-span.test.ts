/**
 * A project on a QC measure reads its rows once for the whole chart and cuts
 * each range from them (core/qc-projects/qc-span.ts). Each value must be the
 * one the QC measures give for that range on their own (reports/qc): checked
 * on the demo's six months — repeat callers, refunds, a backlog every day —
 * for every QC measure a project takes, by month and by week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { seedDemo } from '../../../src-main/services/seed';
import { projectChart } from '../../../src-main/services/qc-projects/chart';
import { qcReport } from '../../../src-main/services/reports/qc';
import { QC_PROJECT_KPIS, qcTally } from '../../../src-main/core/qc-projects/kpis';
import type { ProjectPlan } from '../../../src-main/core/qc-projects/rules';

let t: TestDb;
beforeAll(() => {
  t = tempDb();
  seedDemo(t.ctx, addUser(t.ctx, 'admin', 'admin'));
}, 60_000);
afterAll(() => t.close());

const plan = (kpi: ProjectPlan['kpi'], grain: ProjectPlan['grain']): ProjectPlan => ({
  title: kpi,
  kpi,
  grain,
  // The clock is pinned at Monday 2 November 2026; the demo's six months end there.
  baseline: { from: '2026-06-10', to: '2026-08-20' },
  startDay: '2026-08-21',
  deadline: '2026-12-31',
  target: 0.5,
});

describe('a QC-measure project’s values, read once', () => {
  for (const grain of ['month', 'week'] as const) {
    it(`are the QC measures’ own for every period, the baseline and the time since the start (${grain})`, () => {
      for (const kpi of QC_PROJECT_KPIS) {
        const chart = projectChart(t.ctx, plan(kpi, grain));
        const own = (range: { from: string; to: string }) => qcTally(kpi, qcReport(t.ctx, { range }));
        const begun = chart.series.filter((p) => p.begun);
        expect(begun.length).toBeGreaterThan(grain === 'month' ? 5 : 20);
        for (const p of begun) expect([kpi, p.label, p.tally]).toEqual([kpi, p.label, own(p.range)]);
        expect([kpi, chart.effect.baseline.tally]).toEqual([kpi, own(plan(kpi, grain).baseline)]);
        expect([kpi, chart.effect.current!.tally]).toEqual([kpi, own(chart.checkRange!)]);
        // Something was counted, or the comparison would prove little.
        expect(chart.effect.baseline.tally.den, kpi).toBeGreaterThan(0);
      }
    }, 120_000);
  }
});
