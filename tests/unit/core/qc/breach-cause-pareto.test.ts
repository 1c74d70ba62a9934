/**
 * The breach causes' Pareto worked by hand: ten late tickets, 堆积 5,
 * 派单不准 2, and 故障定位不准, 系统故障, 联系不上客户 one each.
 *   cumulative: 5/10 = 50 %, 7/10 = 70 %, 8/10 = 80 %, 90 %, 100 %
 *   vital few: a cause is vital while the share before it is under 80 %:
 *     堆积 (0 %), 派单不准 (50 %), the first of the ones (70 %) — the next starts at 80 %: not vital.
 * Ties are ordered by their Chinese names (故障定位不准 < 联系不上客户 < 系统故障 in pinyin).
 */
import { describe, expect, it } from 'vitest';
import { pareto, PARETO_CUT } from '../../../../src-main/core/reports/pareto';

describe('breach cause Pareto', () => {
  it('cumulative shares and the 80 % cut', () => {
    const bars = pareto([
      { key: 'system_fault', label: '系统故障', count: 1 },
      { key: 'backlog', label: '工单堆积', count: 5 },
      { key: 'customer_unreachable', label: '联系不上客户', count: 1 },
      { key: 'wrong_dispatch', label: '派单不准', count: 2 },
      { key: 'fault_location', label: '故障定位不准', count: 1 },
      { key: 'other', label: '其他', count: 0 },
    ]);
    expect(PARETO_CUT).toBe(0.8);
    expect(bars.map((b) => [b.key, b.count, b.share, b.cumulative, b.vital])).toEqual([
      ['backlog', 5, 0.5, 0.5, true],
      ['wrong_dispatch', 2, 0.2, 0.7, true],
      ['fault_location', 1, 0.1, 0.8, true],
      ['customer_unreachable', 1, 0.1, 0.9, false],
      ['system_fault', 1, 0.1, 1, false],
    ]);
  });

  it('one cause alone is the whole 100 %, and vital', () => {
    expect(pareto([{ key: 'backlog', label: '工单堆积', count: 3 }])).toEqual([
      { key: 'backlog', label: '工单堆积', count: 3, share: 1, cumulative: 1, vital: true },
    ]);
  });

  it('nothing recorded: no bars', () => {
    expect(pareto([{ key: 'backlog', label: '工单堆积', count: 0 }])).toEqual([]);
  });
});
