/**
 * The volume-warning check on hand-made histories. Every baseline below is
 * May–October 2026 (184 days); the numbers in comments are worked by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { checkWarnings, WARNING_SETTINGS_KEY } from '../../../src-main/services/warnings';
import { zonedInstant } from '../../../src-main/core/time';
import type { Assessment } from '../../../src-main/core/warnings';
import { addTickets, sixMonths } from './history';

const NOV_20 = zonedInstant('Asia/Shanghai', 2026, 11, 20, 12);

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOV_20);
});
afterEach(() => t.close());

function monitor(...categories: string[]): void {
  t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories }, t.clock.now, null);
}

function find(category: string, scope: string, period: Assessment['period'], at = NOV_20): Assessment {
  const a = checkWarnings(t.ctx, at).assessments.find((x) => x.category === category && x.scope === scope && x.period === period);
  if (!a) throw new Error(`no assessment for ${category} ${scope} ${period}`);
  return a;
}

describe('warnings: the month so far', () => {
  it('a surge reaches yellow at 1.3×, orange at 1.6×, red at 2× the baseline', () => {
    monitor('资费计费');
    // 20 a month → baseline 20, threshold 26; orange from 32, red from 40.
    sixMonths(t.ctx, '资费计费', 20);
    addTickets(t.ctx, '资费计费', 25, [2026, 11, 5]);
    // Voided tickets never count.
    addTickets(t.ctx, '资费计费', 5, [2026, 11, 5], { status: 'voided' });
    let a = find('资费计费', 'branch', 'month');
    expect(a).toMatchObject({ count: 25, baseline: 20, threshold: 26, protection: 10, level: null });
    addTickets(t.ctx, '资费计费', 1, [2026, 11, 5]);
    expect(find('资费计费', 'branch', 'month')).toMatchObject({ count: 26, level: 'yellow', ratio: 1.3 });
    addTickets(t.ctx, '资费计费', 5, [2026, 11, 5]);
    expect(find('资费计费', 'branch', 'month')).toMatchObject({ count: 31, level: 'yellow' });
    addTickets(t.ctx, '资费计费', 1, [2026, 11, 5]);
    expect(find('资费计费', 'branch', 'month')).toMatchObject({ count: 32, level: 'orange' });
    addTickets(t.ctx, '资费计费', 7, [2026, 11, 5]);
    expect(find('资费计费', 'branch', 'month')).toMatchObject({ count: 39, level: 'orange' });
    addTickets(t.ctx, '资费计费', 1, [2026, 11, 5]);
    a = find('资费计费', 'branch', 'month');
    expect(a).toMatchObject({ count: 40, level: 'red', ratio: 2 });
    // The 5th of November is outside the rolling 7 days (14–20 November): nothing there.
    expect(find('资费计费', 'branch', 'rolling7')).toMatchObject({ count: 0, level: null });
  });

  it('a small category is held back by the protection value', () => {
    monitor('增值业务');
    // 4 a month → baseline 4, threshold 5.2; 9 is 2.25× but below the protection value 10.
    sixMonths(t.ctx, '增值业务>群发短信', 4);
    addTickets(t.ctx, '增值业务>群发短信', 9, [2026, 11, 5]);
    expect(find('增值业务', 'branch', 'month')).toMatchObject({ count: 9, baseline: 4, level: null });
    addTickets(t.ctx, '增值业务>群发短信', 1, [2026, 11, 5]);
    expect(find('增值业务', 'branch', 'month')).toMatchObject({ count: 10, level: 'red' });
  });

  it('a category with less than 6 months of history has no baseline and never warns', () => {
    monitor('宽带');
    for (const m of [8, 9, 10]) addTickets(t.ctx, '宽带', 5, [2026, m, 10]);
    addTickets(t.ctx, '宽带', 50, [2026, 11, 5]);
    expect(find('宽带', 'branch', 'month')).toMatchObject({ count: 50, baseline: null, threshold: null, ratio: null, level: null });
    // One ticket in May (the oldest baseline month) is history enough: baseline (1+15)/6.
    addTickets(t.ctx, '宽带', 1, [2026, 5, 31, 23, 59]);
    expect(find('宽带', 'branch', 'month')).toMatchObject({ baseline: 16 / 6, level: 'red' });
  });

  it('a surge in one district warns at district scope and not at branch scope', () => {
    monitor('服务质量');
    // 鼓楼 10 + 台江 30 a month → branch baseline 40, threshold 52.
    sixMonths(t.ctx, '服务质量>服务态度', 10, '鼓楼');
    sixMonths(t.ctx, '服务质量>服务态度', 30, '台江');
    addTickets(t.ctx, '服务质量>服务态度', 25, [2026, 11, 5], { district: '鼓楼' });
    addTickets(t.ctx, '服务质量>服务态度', 20, [2026, 11, 5], { district: '台江' });
    expect(find('服务质量', 'district:鼓楼', 'month')).toMatchObject({ district: '鼓楼', count: 25, baseline: 10, level: 'red' });
    expect(find('服务质量', 'district:台江', 'month')).toMatchObject({ count: 20, baseline: 30, level: null });
    expect(find('服务质量', 'branch', 'month')).toMatchObject({ count: 45, baseline: 40, level: null });
  });

  it('a parent category counts its children; a monitored child counts only itself', () => {
    monitor('网络质量', '网络质量/信号覆盖');
    sixMonths(t.ctx, '网络质量>信号覆盖', 10);
    sixMonths(t.ctx, '网络质量>上网慢/断网', 5);
    addTickets(t.ctx, '网络质量>信号覆盖', 17, [2026, 11, 5]);
    addTickets(t.ctx, '网络质量>上网慢/断网', 5, [2026, 11, 5]);
    // Parent: 22 against 15 (1.47×) → yellow; child: 17 against 10 (1.7×) → orange.
    expect(find('网络质量', 'branch', 'month')).toMatchObject({ count: 22, baseline: 15, level: 'yellow' });
    expect(find('网络质量/信号覆盖', 'branch', 'month')).toMatchObject({ count: 17, baseline: 10, level: 'orange' });
  });

  it('an unknown category in the settings is refused by name', () => {
    monitor('资费计费', '卫星电话');
    expect(() => checkWarnings(t.ctx, NOV_20)).toThrow(/unknown_category.*卫星电话/);
  });
});

describe('warnings: the rolling 7 days', () => {
  it('reaches back across the month boundary, by China-time days, against the baseline scaled to 7 days', () => {
    monitor('终端');
    const NOV_3 = zonedInstant('Asia/Shanghai', 2026, 11, 3, 12);
    // 30 a month May–October (180 in 184 days). In October: 19 on the 10th,
    // 3 at 23:30 on the 27th (outside), 8 at 00:30 on the 28th (inside).
    for (let m = 5; m <= 9; m++) addTickets(t.ctx, '终端', 30, [2026, m, 10]);
    addTickets(t.ctx, '终端', 19, [2026, 10, 10]);
    addTickets(t.ctx, '终端', 3, [2026, 10, 27, 23, 30]);
    addTickets(t.ctx, '终端', 8, [2026, 10, 28, 0, 30]);
    addTickets(t.ctx, '终端', 6, [2026, 11, 2]);
    // Baseline 180 × 7 / 184 = 6.848; threshold 8.902; red from 13.696. Count 8 + 6 = 14.
    const a = find('终端', 'branch', 'rolling7', NOV_3);
    expect(a.count).toBe(14);
    expect(a.baseline).toBeCloseTo(6.848, 3);
    expect(a.threshold).toBeCloseTo(8.902, 3);
    expect(a.level).toBe('red');
    // The month so far holds only the 6 of November: baseline 30, no warning.
    expect(find('终端', 'branch', 'month', NOV_3)).toMatchObject({ count: 6, baseline: 30, level: null });
  });
});
