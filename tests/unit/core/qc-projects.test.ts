/**
 * Improvement projects' pure rules, every expectation worked out by hand: the
 * KPIs a project can take (read from the report's and the QC measures' own
 * definitions), the chart's periods and phases, the effect (baseline →
 * current, change, target met, progress) and the plan's rules.
 */
import { describe, expect, it } from 'vitest';
import { projectKpi, qcTally, reportTally, tallyValue } from '../../../src-main/core/qc-projects/kpis';
import { allPeriods, chartPeriods, checkRange, type ProjectDates } from '../../../src-main/core/qc-projects/series';
import { projectEffect } from '../../../src-main/core/qc-projects/effect';
import { planProblem, verdictProblem, type ProjectPlan } from '../../../src-main/core/qc-projects/rules';
import { EMPTY_COUNTS } from '../../../src-main/core/reports/definitions';
import { QC_ROWS_NEEDED, qcSliceInput, REPEAT_LOOKBACK_MS, type QcSpanRows } from '../../../src-main/core/qc-projects/qc-span';

const H = 3_600_000;

describe('project KPIs come from the existing definitions', () => {
  it('gives each its unit, better way and standard', () => {
    expect(projectKpi('timelinessRate')).toEqual({ id: 'timelinessRate', source: 'report', unit: 'rate', better: 'higher', standard: { op: '>=', value: 0.9 } });
    expect(projectKpi('repeatRate')).toEqual({ id: 'repeatRate', source: 'report', unit: 'rate', better: 'lower', standard: { op: '<', value: 0.05 } });
    expect(projectKpi('satisfactionRate').standard).toBeNull();
    expect(projectKpi('handlingMeanMs')).toEqual({ id: 'handlingMeanMs', source: 'report', unit: 'duration', better: 'lower', standard: null });
    expect(projectKpi('spReply1h')).toEqual({ id: 'spReply1h', source: 'qc', unit: 'rate', better: 'higher', standard: { op: '>=', value: 0.7 } });
    expect(projectKpi('backlog')).toEqual({ id: 'backlog', source: 'qc', unit: 'rate', better: 'lower', standard: { op: '<=', value: 0.03 } });
  });

  it('reads a tally from the counts by the definition’s numerator and denominator', () => {
    const c = { ...EMPTY_COUNTS, total: 50, onTime: 37, dueCount: 40, handled: 4, handlingSumMs: 10 * H, repeat: 3 };
    expect(reportTally('timelinessRate', c)).toEqual({ num: 37, den: 40 });
    expect(reportTally('repeatRate', c)).toEqual({ num: 3, den: 50 });
    expect(reportTally('handlingMeanMs', c)).toEqual({ num: 10 * H, den: 4 });
    expect(tallyValue(projectKpi('timelinessRate'), { num: 37, den: 40 })).toBe(0.925);
    expect(tallyValue(projectKpi('handlingMeanMs'), { num: 10 * H, den: 4 })).toBe(2.5 * H);
    expect(tallyValue(projectKpi('timelinessRate'), { num: 0, den: 0 })).toBeNull();
  });

  it('reads the backlog as its days summed, and the other QC measures as they are', () => {
    const rc = (count: number, of: number) => ({ count, of, rate: of ? count / of : null });
    const m = {
      spReply1h: rc(7, 10),
      spReply4h: rc(9, 10),
      refundFromComplaint: rc(1, 2),
      refundDelayRepeat: rc(1, 40),
      backlog: { days: [], overall: rc(3, 120) },
    };
    expect(qcTally('spReply1h', m)).toEqual({ num: 7, den: 10 });
    expect(qcTally('backlog', m)).toEqual({ num: 3, den: 120 });
  });
});

describe('the chart’s periods', () => {
  const dates: ProjectDates = { baseline: { from: '2026-04-01', to: '2026-06-30' }, startDay: '2026-07-01', deadline: '2026-09-30' };

  it('by month: from the baseline’s month to today’s, each before, during or after', () => {
    const p = chartPeriods(dates, 'month', '2026-11-02');
    expect(p.map((x) => [x.label, x.phase, x.inBaseline, x.begun])).toEqual([
      ['2026-04', 'before', true, true],
      ['2026-05', 'before', true, true],
      ['2026-06', 'before', true, true],
      ['2026-07', 'during', false, true],
      ['2026-08', 'during', false, true],
      ['2026-09', 'during', false, true],
      ['2026-10', 'after', false, true],
      ['2026-11', 'after', false, true],
    ]);
    expect(p[0]!.range).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(p[7]!.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('runs on to the deadline when it is later than today, those periods not yet begun', () => {
    const p = chartPeriods(dates, 'month', '2026-08-15');
    expect(p.map((x) => x.label)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(p.map((x) => x.begun)).toEqual([true, true, true, true, true, false]);
  });

  it('by week: Monday to Sunday, a week sharing a day with the project is during it', () => {
    // 2026-11-02 is a Monday. Baseline Wed 4 – Tue 10 Nov, start Thu 12, deadline Fri 20, today Sun 15.
    const w: ProjectDates = { baseline: { from: '2026-11-04', to: '2026-11-10' }, startDay: '2026-11-12', deadline: '2026-11-20' };
    const p = chartPeriods(w, 'week', '2026-11-15');
    expect(p.map((x) => [x.label, x.range.to, x.phase, x.inBaseline, x.begun])).toEqual([
      ['2026-11-02', '2026-11-08', 'before', false, true],
      ['2026-11-09', '2026-11-15', 'during', false, true],
      ['2026-11-16', '2026-11-22', 'during', false, false],
    ]);
  });

  it('keeps the newest 36 months of a project that has run on past them', () => {
    const old: ProjectDates = { baseline: { from: '2023-01-01', to: '2023-03-31' }, startDay: '2023-04-01', deadline: '2023-06-30' };
    expect(allPeriods(old, 'month', '2026-11-02')).toHaveLength(47); // Jan 2023 … Nov 2026
    const p = chartPeriods(old, 'month', '2026-11-02');
    expect(p).toHaveLength(36);
    expect(p[0]!.label).toBe('2023-12');
    expect(p[35]!.label).toBe('2026-11');
  });

  it('checks the effect from the start to today, and not before the start', () => {
    expect(checkRange(dates, '2026-11-02')).toEqual({ from: '2026-07-01', to: '2026-11-02' });
    expect(checkRange(dates, '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-07-01' });
    expect(checkRange(dates, '2026-06-30')).toBeNull();
  });
});

describe('the effect', () => {
  it('timeliness 90 % → 92.5 % against a 92.5 % target: met, the whole way covered', () => {
    const e = projectEffect(projectKpi('timelinessRate'), 0.925, { num: 171, den: 190 }, { num: 185, den: 200 });
    expect(e.baseline.value).toBe(0.9);
    expect(e.current!.value).toBe(0.925);
    expect(e.change).toBeCloseTo(0.025, 12);
    expect(e.improved).toBe(true);
    expect(e.targetMet).toBe(true);
    expect(e.progress).toBeCloseTo(1, 12);
  });

  it('handling 4 h → 2.5 h against 3 h (lower is better): met, 150 % of the way', () => {
    const e = projectEffect(projectKpi('handlingMeanMs'), 3 * H, { num: 40 * H, den: 10 }, { num: 10 * H, den: 4 });
    expect(e.baseline.value).toBe(4 * H);
    expect(e.current!.value).toBe(2.5 * H);
    expect(e.change).toBe(-1.5 * H);
    expect(e.improved).toBe(true);
    expect(e.targetMet).toBe(true);
    expect(e.progress).toBe(1.5);
  });

  it('repeat 6 % → 8 % against 5 %: worse, not met, progress −2', () => {
    const e = projectEffect(projectKpi('repeatRate'), 0.05, { num: 6, den: 100 }, { num: 8, den: 100 });
    expect(e.change).toBeCloseTo(0.02, 12);
    expect(e.improved).toBe(false);
    expect(e.targetMet).toBe(false);
    expect(e.progress).toBeCloseTo(-2, 12);
  });

  it('a 92.5 % target short of the baseline’s 95 %: no progress figure, met or not by the current value', () => {
    const e = projectEffect(projectKpi('timelinessRate'), 0.925, { num: 95, den: 100 }, { num: 92, den: 100 });
    expect(e.progress).toBeNull();
    expect(e.targetMet).toBe(false);
    expect(e.improved).toBe(false);
  });

  it('before the start, or with nothing counted, says nothing rather than 0', () => {
    const before = projectEffect(projectKpi('timelinessRate'), 0.925, { num: 9, den: 10 }, null);
    expect([before.current, before.change, before.improved, before.targetMet, before.progress]).toEqual([null, null, null, null, null]);
    const empty = projectEffect(projectKpi('timelinessRate'), 0.925, { num: 9, den: 10 }, { num: 0, den: 0 });
    expect(empty.current).toEqual({ tally: { num: 0, den: 0 }, value: null });
    expect(empty.targetMet).toBeNull();
  });
});

describe('a plan’s rules', () => {
  const plan: ProjectPlan = {
    title: '提高工单处理及时率',
    kpi: 'timelinessRate',
    grain: 'month',
    baseline: { from: '2026-04-01', to: '2026-07-31' },
    startDay: '2026-08-01',
    deadline: '2026-12-31',
    target: 0.925,
  };
  const why = (p: Partial<ProjectPlan>, today = '2026-11-02') => planProblem({ ...plan, ...p }, today);

  it('takes a plan whose dates are in order', () => {
    expect(why({})).toBeNull();
    expect(why({ kpi: 'handlingMeanMs', target: 3 * H })).toBeNull();
  });

  it('refuses each broken rule, naming the field', () => {
    expect(why({ baseline: { from: '2026-02-30', to: '2026-07-31' } })).toEqual({ field: 'baselineFrom', why: 'bad_day' });
    expect(why({ baseline: { from: '2026-07-31', to: '2026-04-01' } })).toEqual({ field: 'baselineTo', why: 'baseline_reversed' });
    expect(why({ baseline: { from: '2025-04-01', to: '2026-07-31' } })).toEqual({ field: 'baselineTo', why: 'baseline_too_long' });
    expect(why({}, '2026-03-31')).toEqual({ field: 'baselineFrom', why: 'baseline_future' });
    expect(why({ startDay: '2026-07-31' })).toEqual({ field: 'startDay', why: 'start_in_baseline' });
    expect(why({ deadline: '2026-07-31' })).toEqual({ field: 'deadline', why: 'deadline_before_start' });
    expect(why({ target: 92.5 })).toEqual({ field: 'target', why: 'target_rate' });
    expect(why({ kpi: 'handlingMeanMs', target: 0 })).toEqual({ field: 'target', why: 'target_duration' });
    expect(why({ deadline: '2999-12-31' })).toEqual({ field: 'deadline', why: 'too_many_months' });
    // 2026-04-01 … 2028-03-31 is 105 weeks by Monday.
    expect(why({ grain: 'week', deadline: '2028-03-31' })).toEqual({ field: 'deadline', why: 'too_many_weeks' });
    expect(why({ grain: 'week', deadline: '2028-03-19' })).toBeNull();
  });

  it('wants evidence for a verdict, none for an unchecked cause', () => {
    expect(verdictProblem('unchecked', '')).toBeNull();
    expect(verdictProblem('confirmed', '  ')).toEqual({ field: 'evidence', why: 'evidence_required' });
    expect(verdictProblem('ruled_out', '')).toEqual({ field: 'evidence', why: 'evidence_required' });
    expect(verdictProblem('confirmed', '轮巡导致延迟处理的占 40%')).toBeNull();
  });
});

describe('a range cut from the rows read once for the whole chart', () => {
  // Day = 100 ms here; the hull is [0, 1000), the range [300, 600).
  const tk = (id: number, receivedAt: number, resolvedAt: number | null) => ({
    id,
    phone: `p${id}`,
    receivedAt,
    firstResponseAt: null,
    resolvedAt,
    topCategory: '宽带',
    sp: false,
    repeat: false,
    resolutionDueAt: null,
  });
  const refund = (ticketId: number, ticketReceivedAt: number, approvedAt: number | null) => ({
    ticketId,
    ticketReceivedAt,
    createdAt: ticketReceivedAt,
    approvedAt,
    executedAt: null,
    rejected: false,
  });
  const span: QcSpanRows = {
    fromMs: 0,
    toMs: 1000,
    tickets: [tk(1, 250, 400), tk(2, 300, null), tk(3, 599, 700), tk(4, 600, null)],
    backlogTickets: [tk(5, 100, 299), tk(6, 100, 300), tk(7, 550, null), tk(8, 650, null)],
    history: [tk(9, 300 - REPEAT_LOOKBACK_MS - 1, 10), tk(10, 300 - REPEAT_LOOKBACK_MS, 10), tk(2, 300, null)],
    refunds: [refund(10, 300 - REPEAT_LOOKBACK_MS, null), refund(2, 300, null), refund(1, 250, null), refund(4, 600, null)],
    approvedRefunds: [refund(1, 250, 299), refund(2, 300, 300), refund(3, 599, 599), refund(4, 600, 600)],
  };
  it('keeps exactly the rows the reader would give for the range', () => {
    const input = qcSliceInput(span, { fromMs: 300, toMs: 600, days: [] }, 900);
    expect(input.tickets.map((t) => t.id)).toEqual([2, 3]); // received in [300, 600)
    expect(input.backlogTickets.map((t) => t.id)).toEqual([6, 7]); // received before 600, not resolved before 300
    expect(input.history.map((t) => t.id)).toEqual([10, 2]); // received from 30 days before 300
    expect(input.refunds.map((r) => r.ticketId)).toEqual([10, 2]); // of those tickets (1 is outside, 4 too late)
    expect(input.approvedRefunds.map((r) => r.ticketId)).toEqual([2, 3]); // approved in [300, 600)
    expect([input.fromMs, input.toMs, input.at]).toEqual([300, 600, 900]);
  });
  it('refuses a range outside the rows read', () => {
    expect(() => qcSliceInput(span, { fromMs: 300, toMs: 1001, days: [] }, 900)).toThrow(RangeError);
  });
  it('reads only what a measure needs', () => {
    expect(QC_ROWS_NEEDED.backlog).toEqual(['backlogTickets']);
    expect(QC_ROWS_NEEDED.refundDelayRepeat).toEqual(['tickets', 'history', 'refunds']);
  });
});
