import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { zonedInstant } from '../../../src-main/core/time';
import { WARNING_SETTINGS_KEY } from '../../../src-main/services/warnings';
import { addTickets, sixMonths } from './history';

let t: TestDb;
beforeEach(() => {
  t = tempDb(zonedInstant('Asia/Shanghai', 2026, 11, 20, 12));
  t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories: ['资费计费', '宽带'] }, t.clock.now, null);
  // 资费计费: 20 a month, then 33 on 5 November → 1.65× → orange. 宽带: new in November, no baseline.
  sixMonths(t.ctx, '资费计费', 20);
  addTickets(t.ctx, '资费计费', 33, [2026, 11, 5]);
  addTickets(t.ctx, '宽带', 40, [2026, 11, 5]);
});
afterEach(() => t.close());

const cli = (args: string[]) => runCaptured([...args, '--db', t.file], { lang: 'zh_CN.UTF-8', now: () => t.clock.now });

describe('complaint-desk warnings', () => {
  it('--json prints the warnings that hold at the instant, and --all the categories without a baseline too', async () => {
    const r = await cli(['warnings', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { category: '资费计费', scope: 'branch', district: null, period: 'month', count: 33, baseline: 20, threshold: 26, protection: 10, ratio: 1.65, level: 'orange' },
    ]);
    // Before the surge (4 November) nothing holds.
    expect(JSON.parse((await cli(['warnings', '--at', '2026-11-04T23:59:59+08:00', '--json'])).stdout)).toEqual([]);
    const all = JSON.parse((await cli(['warnings', '--all', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(all.filter((a) => a.category === '宽带')).toEqual([
      { category: '宽带', scope: 'branch', district: null, period: 'month', count: 40, baseline: null, threshold: null, protection: 10, ratio: null, level: null },
      { category: '宽带', scope: 'branch', district: null, period: 'rolling7', count: 0, baseline: null, threshold: null, protection: 10, ratio: null, level: null },
    ]);
  });

  it('without --json prints a table in Chinese; a bad --at is a usage error', async () => {
    const r = await cli(['warnings']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('级别\t类别\t范围\t周期\t数量\t基数值\t阈值\t保护值\n橙色\t资费计费\t全分公司\t本月\t33\t20\t26\t10\n');
    const bad = await cli(['warnings', '--at', '2026-02-30T10:00:00+08:00', '--json']);
    expect(bad.code).toBe(2);
    expect((JSON.parse(bad.stdout) as { error: { code: string } }).error.code).toBe('usage');
  });
});
