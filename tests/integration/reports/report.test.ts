/**
 * Every KPI of docs/REQUIREMENTS.md §5 on the hand-made October of fixture.ts. The expected
 * numbers are worked out by hand in the comments, never by calling the code
 * under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { buildDashboard, buildReport } from '../../../src-main/services/reports/report';
import { saveBranchSubscribers } from '../../../src-main/services/reports/settings';
import { H, NOW, cn, seedOctober } from './fixture';

let t: TestDb;
let assigneeId: number;
let ids: Record<string, number>;
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

beforeEach(() => {
  t = tempDb(NOW);
  ({ assigneeId, ticketIds: ids } = seedOctober(t.ctx));
});
afterEach(() => t.close());

describe('the October report, by hand', () => {
  it('counts and rates (T1 T2 T3 T4 T5 T10 received; T6 voided; T7 September; T8 November)', () => {
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.total).toBe(6);
    // resolved or closed: T1 T2 T5 T10
    expect(r.resolved).toBe(4);
    expect(r.resolutionRate).toBeCloseTo(4 / 6, 10);
    // due: resolved T1 T2 T5 T10, plus T4 (10080, 24 h, due 21 Oct) still open; T3's 48 h run to 2 Nov 23:30
    expect(r.dueCount).toBe(5);
    // in time: T1 (24 h of 48), T5 (10 of 48), T10 (6 of 12); T2 took 60 of 48
    expect(r.onTime).toBe(3);
    expect(r.timelinessRate).toBeCloseTo(0.6, 10);
    expect(r.repeat).toBe(1);
    expect(r.repeatRate).toBeCloseTo(1 / 6, 10);
    expect(r.overlevel).toBe(2); // T4 10080, T10 12300
    expect(r.overlevelRate).toBeCloseTo(2 / 6, 10);
    // rated: T1 满意, T5 不满意, T10 基本满意
    expect(r.rated).toBe(3);
    expect(r.satisfied).toBe(2);
    expect(r.satisfactionRate).toBeCloseTo(2 / 3, 10);
  });

  it('response and handling times: mean and median', () => {
    const r = buildReport(t.ctx, { range: OCTOBER });
    // first response: 1, 5, 1, 1, 2, 0.5 h → mean 10.5 / 6 = 1.75 h; sorted 0.5 1 1 1 2 5 → median 1 h
    expect(r.responded).toBe(6);
    expect(r.responseMeanMs).toBe(1.75 * H);
    expect(r.responseMedianMs).toBe(1 * H);
    // handling: T1 24, T2 60, T5 10, T10 6 h → mean 25 h; sorted 6 10 24 60 → median (10 + 24) / 2 = 17 h
    expect(r.handled).toBe(4);
    expect(r.handlingMeanMs).toBe(25 * H);
    expect(r.handlingMedianMs).toBe(17 * H);
  });

  it('breaches by clock: T2 missed all three, T4 its resolution', () => {
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.breached).toBe(2);
    expect(r.breaches).toEqual({ first_response: 1, resolution: 2, follow_up: 1 });
    // Two tickets, four missed clocks: the per-clock figures overlap, as the tile says.
    expect(r.breaches.first_response + r.breaches.resolution + r.breaches.follow_up).toBe(4);
  });

  it('categories (top level, Pareto), channels and departments', () => {
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.byCategory.map((c) => [c.name, c.count, c.vital])).toEqual([
      ['网络质量', 3, true], // 3/6 = 50 %
      ['资费计费', 2, true], // cumulative 5/6, the one that passes 80 %
      ['服务质量', 1, false],
    ]);
    expect(r.byCategory[1]!.cumulative).toBeCloseTo(5 / 6, 10);
    expect(r.byChannel.map((c) => [c.channel, c.count])).toEqual([
      ['10086', 3],
      ['10080', 1],
      ['12300', 1],
      ['store', 1],
    ]);
    expect(r.byChannel[0]!.share).toBeCloseTo(0.5, 10);
    expect(r.byDepartment).toEqual([
      // 客服中心: T1 T4 T5; handled T1 24 h, T5 10 h; T4 missed its resolution
      { department: '客服中心', count: 3, resolved: 2, handled: 2, handlingMeanMs: 17 * H, handlingMedianMs: 17 * H, breached: 1, breachedShare: 1 / 3 },
      // 网络部: T2 60 h, T10 6 h
      { department: '网络部', count: 2, resolved: 2, handled: 2, handlingMeanMs: 33 * H, handlingMedianMs: 33 * H, breached: 1, breachedShare: 0.5 },
      { department: '计费中心', count: 1, resolved: 0, handled: 0, handlingMeanMs: null, handlingMedianMs: null, breached: 0, breachedShare: 0 },
    ]);
  });

  it('complaints per 10,000 subscribers only once the branch has entered its count', () => {
    expect(buildReport(t.ctx, { range: OCTOBER }).complaintsPer10k).toBeNull();
    saveBranchSubscribers(t.ctx, 1, 30_000);
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.subscribers).toBe(30_000);
    expect(r.complaintsPer10k).toBe(2); // 6 × 10,000 / 30,000
  });

  it('compares with September (T7 alone) and October 2025 (T9 alone)', () => {
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.previous.range).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(r.previous.kpis.total).toBe(1);
    expect(r.previous.change.total).toMatchObject({ base: 1, delta: 5, relative: 5 });
    // September resolved its one ticket: 4/6 is worse by a third
    expect(r.previous.change.resolutionRate.delta).toBeCloseTo(4 / 6 - 1, 10);
    expect(r.previous.change.resolutionRate.improved).toBe(false);
    expect(r.lastYear.range).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    // T9 took 50 h of 48: timeliness 0 of 1 then, 60 % now
    expect(r.lastYear.kpis.timelinessRate).toBe(0);
    expect(r.lastYear.change.timelinessRate).toMatchObject({ base: 0, relative: null, improved: true });
    expect(r.lastYear.change.timelinessRate.delta).toBeCloseTo(0.6, 10);
    expect(r.lastYear.kpis.handlingMeanMs).toBe(50 * H);
  });

  it('an empty range has zero counts and null rates, means and medians — never NaN or 0 %', () => {
    const r = buildReport(t.ctx, { range: { from: '2026-07-01', to: '2026-07-31' } });
    expect(r.total).toBe(0);
    for (const k of ['resolutionRate', 'timelinessRate', 'repeatRate', 'overlevelRate', 'satisfactionRate'] as const) expect(r[k], k).toBeNull();
    for (const k of ['responseMeanMs', 'responseMedianMs', 'handlingMeanMs', 'handlingMedianMs', 'complaintsPer10k'] as const) expect(r[k], k).toBeNull();
    expect(r.byCategory).toEqual([]);
    expect(r.byChannel).toEqual([]);
    expect(r.previous.change.total).toEqual({ base: 0, delta: 0, relative: null, improved: null });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('time-zone edges', () => {
  it('23:30 China time on 31 October is October; 00:10 on 1 November is not; 23:30 on 30 September is September', () => {
    expect(buildReport(t.ctx, { range: { from: '2026-10-31', to: '2026-10-31' } }).total).toBe(1); // T3
    expect(buildReport(t.ctx, { range: { from: '2026-11-01', to: '2026-11-01' } }).total).toBe(1); // T8
    expect(buildReport(t.ctx, { range: { from: '2026-09-30', to: '2026-09-30' } }).total).toBe(1); // T7
  });

  it('days are the branch zone’s: in UTC, 00:10 on 1 November China time (16:10 UTC) falls in October', () => {
    t.ctx.settings.set('branch', { branchName: 'x', branchId: 'x', zone: 'UTC' }, NOW, null);
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.total).toBe(7); // the six, and T8
    expect(r.fromMs).toBe(Date.UTC(2026, 9, 1));
  });
});

describe('filters', () => {
  it('district, channel, top-level category with its children, department, assignee', () => {
    const by = (filters: Parameters<typeof buildReport>[1]['filters']) => buildReport(t.ctx, { range: OCTOBER, filters });
    expect(by({ district: ['禅城区'] })).toMatchObject({ total: 3, resolved: 2 }); // T1 T3 T5
    expect(by({ channel: ['10080', '12300'] })).toMatchObject({ total: 2, overlevel: 2 }); // T4 T10
    const network = t.ctx.categories.list().find((c) => c.name === '网络质量')!.id;
    expect(by({ categoryId: [network] }).total).toBe(3); // T1 T2 (children) and T5 (the top level itself)
    expect(by({ department: ['网络部'] })).toMatchObject({ total: 2, handlingMeanMs: 33 * H }); // T2 T10
    expect(by({ assigneeId: [assigneeId] }).total).toBe(2); // T1 T3
    expect(by({ district: ['禅城区'], channel: ['store'] }).total).toBe(1); // T3
    // The comparison periods are filtered alike: September's T7 is in 禅城区, 10086.
    expect(by({ district: ['南海区'] }).previous.kpis.total).toBe(0);
  });
});

describe('refunds', () => {
  it('by type, with the share executed within 72 h of approval, for entries approved in the range', () => {
    const add = t.ctx.db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, created_at, created_by, decided_at, executed_at, voucher_no)
      VALUES (?, ?, ?, '测试', ?, ?, 1, ?, ?, ?)`);
    const refund = (no: string, type: string, fen: number, status: string, decided: number | null, executed: number | null) =>
      add.run(ids[no], type, fen, status, decided ?? cn(2026, 10, 1), decided, executed, executed ? `V-${no}-${fen}` : null);
    refund('T1', 'sp_info_fee', 800, 'executed', cn(2026, 10, 6, 10), cn(2026, 10, 7, 10)); // 24 h: in time
    refund('T2', 'overcharge', 1500, 'executed', cn(2026, 10, 12, 10), cn(2026, 10, 16, 10)); // 96 h: late
    refund('T5', 'goodwill_credit', 500, 'approved', cn(2026, 10, 30, 10), null); // due 2 Nov 10:00 = now, not executed
    refund('T7', 'other', 300, 'executed', cn(2026, 10, 2, 10), cn(2026, 10, 3, 10)); // a September ticket, approved in October
    refund('T1', 'other', 200, 'draft', null, null); // not approved: not counted
    refund('T2', 'other', 900, 'executed', cn(2026, 9, 20), cn(2026, 9, 21)); // approved in September: not counted
    const r = buildReport(t.ctx, { range: OCTOBER });
    expect(r.refunds.byType.map((x) => [x.type, x.approved, x.amountFen, x.executed, x.due, x.executedInTime, x.inTimeShare])).toEqual([
      ['goodwill_credit', 1, 500, 0, 1, 0, 0],
      ['other', 1, 300, 1, 1, 1, 1],
      ['overcharge', 1, 1500, 1, 1, 0, 0],
      ['sp_info_fee', 1, 800, 1, 1, 1, 1],
    ]);
    expect(r.refunds.total).toMatchObject({ approved: 4, amountFen: 3100, executed: 3, due: 4, executedInTime: 2, inTimeShare: 0.5 });
  });
});

describe('the dashboard charts', () => {
  it('daily trend, day-of-month edges, hour × weekday and daily breaches in China time', () => {
    const { charts } = buildDashboard(t.ctx, { range: OCTOBER });
    expect(charts.daily).toHaveLength(31);
    const day = (d: string) => charts.daily.find((p) => p.day === d)!;
    expect(day('2026-10-05').count).toBe(1); // T1
    expect(day('2026-10-31').count).toBe(1); // T3 at 23:30
    expect(day('2026-10-08').count).toBe(0); // T6 voided
    expect(day('2026-10-10').breaches).toEqual({ first_response: 1, resolution: 1, follow_up: 1 }); // T2
    expect(day('2026-10-20').breaches).toEqual({ first_response: 0, resolution: 1, follow_up: 0 }); // T4
    // Monday 5 October 10:00 (T1) and Saturday 31 October 23:00 (T3); weekday 0 is Monday
    expect(charts.heat[0]![10]).toBe(1);
    expect(charts.heat[5]![23]).toBe(1);
    expect(charts.heat.flat().reduce((a, b) => a + b, 0)).toBe(6);
    // first and last three days: 1 ticket in 6 days; the other 25 days: 5 tickets → (1/6) / (5/25)
    expect(charts.monthEdgeRatio).toBeCloseTo(1 / 6 / 0.2, 10);
    expect(charts.dayOfMonth.find((p) => p.dayOfMonth === 31)).toEqual({ dayOfMonth: 31, mean: 1, days: 1 });
  });

  it('refuses a reversed range', () => {
    expect(() => buildReport(t.ctx, { range: { from: '2026-10-31', to: '2026-10-01' } })).toThrow(/validation/);
  });

  it('counts as at the report’s now: before T4’s resolution fell due it is not yet due nor missed', () => {
    t.clock.now = cn(2026, 10, 21, 7); // T4 due 21 Oct 08:00
    const r = buildReport(t.ctx, { range: { from: '2026-10-20', to: '2026-10-20' } });
    expect(r).toMatchObject({ total: 1, dueCount: 0, onTime: 0, timelinessRate: null, breached: 0 });
  });
});
