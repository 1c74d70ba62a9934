/**
 * What the 预警 page reads, on a hand-made history: each monitored category's
 * 12 months with the threshold each month was checked against, the analysis
 * report's counts, and the customers' numbers masked for agents only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { WARNING_SETTINGS_KEY } from '../../../src-main/services/warnings';
import { runWarningCheck, reviewWarning } from '../../../src-main/services/warning-lifecycle';
import { listWarnings, warningChart, warningDetail, warningReport } from '../../../src-main/services/warning-views';
import { zonedInstant } from '../../../src-main/core/time';
import { addTickets, sixMonths } from './history';

const NOV_20 = zonedInstant('Asia/Shanghai', 2026, 11, 20, 12);
const ALL = { from: 0, to: Number.MAX_SAFE_INTEGER };

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOV_20);
  t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories: ['资费计费'] }, t.clock.now, null);
  sixMonths(t.ctx, '资费计费', 20);
  addTickets(t.ctx, '资费计费', 27, [2026, 11, 5]);
});
afterEach(() => t.close());

describe('warning views', () => {
  it('the chart: December 2025 to November 2026, a threshold only where 6 months of history stood behind the month', () => {
    const [s] = warningChart(t.ctx);
    expect(s!.months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(s!.counts).toEqual([0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 20, 27]);
    // November's baseline is May–October (history from 10 May, before the end of May): 20 × 1.3 = 26.
    // October's would start in April, before the first ticket: no threshold.
    expect(s!.thresholds).toEqual([null, null, null, null, null, null, null, null, null, null, null, 26]);
    expect(s!.protection).toBe(10);
  });

  it('the report counts by review result, source and level; agents see the numbers masked, supervisors in full', () => {
    const sup = addUser(t.ctx, 'sup', 'supervisor');
    const agent = addUser(t.ctx, 'agent', 'agent');
    const [id] = runWarningCheck(t.ctx, 'daily').raised;
    reviewWarning(t.ctx, sup, id!, 'approved', '');
    const r = warningReport(t.ctx, sup, ALL);
    expect(r).toMatchObject({ total: 1, recovered: 0, byReview: [{ key: 'approved', count: 1 }], bySource: [{ key: 'auto', count: 1 }], byLevel: [{ key: 'yellow', count: 1 }], byMonth: [{ key: '2026-11', count: 1 }] });
    expect(r.phones[0]!.phones).toEqual(['13800000000']);
    expect(warningReport(t.ctx, agent, ALL).phones[0]!.phones).toEqual(['138****0000']);
    expect(warningDetail(t.ctx, agent, id!).phones).toEqual(['138****0000']);
    expect(listWarnings(t.ctx, { ...ALL, state: ['approved'] }).map((w) => w.id)).toEqual([id]);
    expect(listWarnings(t.ctx, { ...ALL, state: ['pending'] })).toEqual([]);
    expect(listWarnings(t.ctx, { ...ALL, level: ['red'] })).toEqual([]);
  });
});
