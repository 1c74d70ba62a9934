/**
 * The stored warnings' lifecycle on hand-made histories: raised once per
 * category, scope and period, raised in level as the count climbs, recovered
 * when it falls back, reviewed, published to the recipients, closed by hand;
 * each step in the history with who and when. Baselines are May–October 2026.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { WARNING_SETTINGS_KEY } from '../../../src-main/services/warnings';
import {
  closeWarning,
  publishByHand,
  publishWarning,
  reviewWarning,
  runWarningCheck,
} from '../../../src-main/services/warning-lifecycle';
import { WarningStore } from '../../../src-main/db/warning-store';
import { zonedInstant } from '../../../src-main/core/time';
import type { WarningNotices } from '../../../src-main/core/warnings';
import { addTickets, sixMonths } from './history';

const NOV_20 = zonedInstant('Asia/Shanghai', 2026, 11, 20, 12);
const HOUR = 3_600_000;


let t: TestDb;
let store: WarningStore;
let heard: WarningNotices[];
beforeEach(() => {
  t = tempDb(NOV_20);
  store = new WarningStore(t.db);
  heard = [];
  t.ctx.bus.on('warnings', (n) => heard.push(n));
  t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories: ['资费计费'], recipients: [{ name: '王经理', role: '区县经理' }] }, t.clock.now, null);
});
afterEach(() => t.close());

const monthWarnings = () => store.raisedBetween(0, Number.MAX_SAFE_INTEGER).filter((w) => w.period === 'month');

describe('warning lifecycle: the check', () => {
  it('raises a warning once per category, scope and period, and not again on the next checks', () => {
    // 20 a month → threshold 26; 27 this month (5 November, outside the rolling 7 days).
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 27, [2026, 11, 5]);
    const first = runWarningCheck(t.ctx, 'daily');
    expect(first.raised).toHaveLength(1);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.notices[0]).toMatchObject({ kind: 'raised', category: '资费计费', scope: 'branch', period: 'month', level: 'yellow', count: 27 });
    t.clock.advance(HOUR);
    const second = runWarningCheck(t.ctx, 'import');
    const third = runWarningCheck(t.ctx, 'on_demand');
    expect([second.raised, third.raised, second.levelRaised]).toEqual([[], [], []]);
    expect(heard).toHaveLength(1);
    const [w] = monthWarnings();
    expect(w).toMatchObject({ source: 'auto', level: 'yellow', count: 27, baseline: 20, threshold: 26, periodKey: '2026-11', ended: null, raisedBy: null });
    expect(store.events(w!.id).map((e) => e.kind)).toEqual(['raised']);
  });

  it('raises the level as the count climbs (yellow → orange → red), one history step each, never lowering it', () => {
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 26, [2026, 11, 5]);
    runWarningCheck(t.ctx, 'daily');
    addTickets(t.ctx, '资费计费', 6, [2026, 11, 6]); // 32 = 1.6×
    const orange = runWarningCheck(t.ctx, 'import');
    expect(orange.levelRaised).toHaveLength(1);
    addTickets(t.ctx, '资费计费', 3, [2026, 11, 6]); // 35: still orange
    expect(runWarningCheck(t.ctx, 'import').levelRaised).toEqual([]);
    addTickets(t.ctx, '资费计费', 5, [2026, 11, 6]); // 40 = 2×
    runWarningCheck(t.ctx, 'import');
    const [w] = monthWarnings();
    expect(w).toMatchObject({ level: 'red', count: 40, peakCount: 40, lastCount: 40 });
    expect(monthWarnings()).toHaveLength(1);
    const steps = store.events(w!.id).map((e) => [e.kind, e.detail.from ?? null, e.detail.to ?? null, e.detail.count]);
    expect(steps).toEqual([
      ['raised', null, null, 26],
      ['level_raised', 'yellow', 'orange', 32],
      ['level_raised', 'orange', 'red', 40],
    ]);
    expect(heard.map((h) => h.notices.map((n) => `${n.kind}:${n.level}`))).toEqual([['raised:yellow'], ['level_raised:orange'], ['level_raised:red']]);
  });

  it('recovers automatically when the count falls back under the threshold, and is not raised again that month', () => {
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 27, [2026, 11, 5]);
    runWarningCheck(t.ctx, 'daily');
    // Two tickets voided as duplicates: 25 < 26.
    t.db.prepare(`UPDATE tickets SET status = 'voided' WHERE id IN (SELECT id FROM tickets WHERE received_at >= ? ORDER BY id DESC LIMIT 2)`).run(
      zonedInstant('Asia/Shanghai', 2026, 11, 1),
    );
    t.clock.advance(HOUR);
    const back = runWarningCheck(t.ctx, 'on_demand');
    expect(back.recovered).toHaveLength(1);
    const [w] = monthWarnings();
    expect(w).toMatchObject({ ended: 'recovered', endedAt: NOV_20 + HOUR, endedBy: null, endReason: 'below_threshold' });
    expect(store.events(w!.id).at(-1)).toMatchObject({ kind: 'recovered', actor: null, detail: { count: 25, threshold: 26 } });
    // Back over the threshold the same month: the month's warning was raised once already.
    addTickets(t.ctx, '资费计费', 5, [2026, 11, 6]);
    expect(runWarningCheck(t.ctx, 'import').raised).toEqual([]);
    expect(monthWarnings()).toHaveLength(1);
  });

  it("ends a month's warning when its month is over, and the new month decides afresh", () => {
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 30, [2026, 11, 5]);
    runWarningCheck(t.ctx, 'daily');
    t.clock.now = zonedInstant('Asia/Shanghai', 2026, 12, 1, 0, 30);
    const december = runWarningCheck(t.ctx, 'daily');
    expect(december.recovered).toHaveLength(1);
    expect(monthWarnings()[0]).toMatchObject({ periodKey: '2026-11', ended: 'recovered', endReason: 'period_over' });
  });

  it('a district-scope surge is raised at its district only', () => {
    // 鼓楼 10 a month of 20 → threshold 13; 14 in 鼓楼 this month, 24 branch-wide (< 26).
    sixMonths(t.ctx, '资费计费', 10, '鼓楼');
    sixMonths(t.ctx, '资费计费', 10, '台江');
    addTickets(t.ctx, '资费计费', 14, [2026, 11, 5], { district: '鼓楼' });
    addTickets(t.ctx, '资费计费', 10, [2026, 11, 5], { district: '台江' });
    runWarningCheck(t.ctx, 'daily');
    expect(monthWarnings().map((w) => [w.scope, w.district, w.count, w.baseline])).toEqual([['district:鼓楼', '鼓楼', 14, 10]]);
  });

  it('the rolling 7 days across a month boundary: raised once on a day, recovered when the surge leaves the window', () => {
    // 31 + 30 + 31 + 31 + 30 + 31 = 184 days and 184 tickets, plus the 12 of 31 October (a baseline month too):
    // 196 × 7 ÷ 184 = 7.4565 → threshold 9.69, orange from 11.93, red from 14.91. 12 in the 7 days: orange.
    for (let m = 5; m <= 10; m++) addTickets(t.ctx, '资费计费', [31, 30, 31, 31, 30, 31][m - 5]!, [2026, m, 10]);
    addTickets(t.ctx, '资费计费', 12, [2026, 10, 31, 20]); // 31 October, in the window of a check on 3 November
    t.clock.now = zonedInstant('Asia/Shanghai', 2026, 11, 3, 12);
    const raised = runWarningCheck(t.ctx, 'daily');
    const rolling = store.byIds(raised.raised).filter((w) => w.period === 'rolling7');
    expect(rolling.map((w) => [w.count, w.periodKey, w.level])).toEqual([[12, '20261103', 'orange']]);
    // 7 November: the window starts on 1 November and the surge has left it.
    t.clock.now = zonedInstant('Asia/Shanghai', 2026, 11, 7, 12);
    const after = runWarningCheck(t.ctx, 'daily');
    expect(after.recovered).toEqual([rolling[0]!.id]);
  });
});

describe('warning lifecycle: people', () => {
  function raised(): number {
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 27, [2026, 11, 5]);
    return runWarningCheck(t.ctx, 'daily').raised[0]!;
  }

  it('reviewed (通过), published to the recipients in the settings, each step with who and when', () => {
    const boss = addUser(t.ctx, 'boss', 'supervisor');
    const id = raised();
    t.clock.advance(HOUR);
    reviewWarning(t.ctx, boss, id, 'approved', '属实，资费调整引起');
    t.clock.advance(HOUR);
    const w = publishWarning(t.ctx, boss, id);
    expect(w).toMatchObject({ review: 'approved', reviewComment: '属实，资费调整引起', reviewedBy: 'BOSS', reviewedAt: NOV_20 + HOUR });
    expect(w).toMatchObject({ publishedAt: NOV_20 + 2 * HOUR, publishedBy: 'BOSS', publishedTo: [{ name: '王经理', role: '区县经理' }] });
    expect(store.events(id).map((e) => [e.kind, e.actor, e.at])).toEqual([
      ['raised', null, NOV_20],
      ['reviewed', 'BOSS', NOV_20 + HOUR],
      ['published', 'BOSS', NOV_20 + 2 * HOUR],
    ]);
    expect(() => publishWarning(t.ctx, boss, id)).toThrow(/warning_state.*published/);
  });

  it('未通过 needs a comment; an unapproved warning cannot be published; a rejection is reopened when the level climbs', () => {
    const boss = addUser(t.ctx, 'boss', 'supervisor');
    const id = raised();
    expect(() => publishWarning(t.ctx, boss, id)).toThrow(/warning_state.*not_approved/);
    expect(() => reviewWarning(t.ctx, boss, id, 'rejected', '  ')).toThrow(/reason_required/);
    reviewWarning(t.ctx, boss, id, 'rejected', '重复工单导入所致');
    expect(() => reviewWarning(t.ctx, boss, id, 'approved', '')).toThrow(/warning_state.*reviewed/);
    addTickets(t.ctx, '资费计费', 13, [2026, 11, 6]); // 40: red
    runWarningCheck(t.ctx, 'import');
    expect(store.byId(id)).toMatchObject({ level: 'red', review: null });
  });

  it('publishing needs a recipient list', () => {
    const boss = addUser(t.ctx, 'boss', 'supervisor');
    t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories: ['资费计费'] }, t.clock.now, null);
    const id = raised();
    reviewWarning(t.ctx, boss, id, 'approved', '');
    expect(() => publishWarning(t.ctx, boss, id)).toThrow(/warning_state.*no_recipients/);
  });

  it('closed by hand with a reason, after which nothing more can be done to it', () => {
    const boss = addUser(t.ctx, 'boss', 'supervisor');
    const id = raised();
    expect(() => closeWarning(t.ctx, boss, id, '')).toThrow(/reason_required/);
    const w = closeWarning(t.ctx, boss, id, '已专项处理');
    expect(w).toMatchObject({ ended: 'closed', endedBy: 'BOSS', endReason: '已专项处理' });
    expect(() => reviewWarning(t.ctx, boss, id, 'approved', '')).toThrow(/warning_state.*ended/);
    // Closed this month: the check does not raise the month's warning again.
    expect(runWarningCheck(t.ctx, 'daily').raised.filter((r) => store.byId(r)!.period === 'month')).toEqual([]);
  });

  it('人工发布: a supervisor raises one by hand with the check’s own figures; it does not recover by itself', () => {
    const boss = addUser(t.ctx, 'boss', 'supervisor');
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 22, [2026, 11, 5]); // under the threshold: the check raises nothing
    const w = publishByHand(t.ctx, boss, { category: '资费计费', district: null, period: 'month', level: 'orange', note: '集中反映套餐变更' });
    expect(w).toMatchObject({ source: 'manual', level: 'orange', count: 22, baseline: 20, threshold: 26, raisedBy: 'BOSS', note: '集中反映套餐变更' });
    expect(heard).toHaveLength(1);
    expect(runWarningCheck(t.ctx, 'daily').recovered).toEqual([]);
    expect(() => publishByHand(t.ctx, boss, { category: '资费计费', district: null, period: 'month', level: 'red', note: '' })).toThrow(/open_exists/);
  });

  it('a category without 6 months of history cannot be warned about by hand either', () => {
    const boss = addUser(t.ctx, 'boss', 'supervisor');
    addTickets(t.ctx, '资费计费', 30, [2026, 11, 5]);
    expect(runWarningCheck(t.ctx, 'daily').raised).toEqual([]);
    expect(() => publishByHand(t.ctx, boss, { category: '资费计费', district: null, period: 'month', level: 'red', note: '' })).toThrow(/no_baseline/);
  });
});


