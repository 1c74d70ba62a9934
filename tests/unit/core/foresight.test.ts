/** The foresight rule on numbers small enough to check on paper. */
import { describe, expect, it } from 'vitest';
import { foresee, foresightReason, median } from '../../../src-main/core/sla/foresight';

const H = 3_600_000;

describe('foresight rule', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('estimates from the peers still running at this age, stretched by the queue', () => {
    // Elapsed 2 h; peers 1 h (done sooner: not comparable), 4, 6, 8, 10, 12 h → left 2, 4, 6, 8, 10 → median 6 h;
    // 3 other open tickets → × 1.3 = 7.8 h; due 8 h after start, i.e. 6 h from now → likely to miss.
    // Over the 8 h limit: 10 and 12 of 5 comparable peers → 0.4.
    const f = foresee({ now: 2 * H, startedAt: 0, dueAt: 8 * H, peerDurationsMs: [1, 4, 6, 8, 10, 12].map((h) => h * H), queueAhead: 3 });
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 7 * H, finishAt: 2 * H + 7.8 * H, missRisk: 0.4, likelyToMiss: true });
  });

  it('says nothing with fewer than five comparable peers', () => {
    expect(foresee({ now: 5 * H, startedAt: 0, dueAt: 8 * H, peerDurationsMs: [1, 4, 6, 8, 10, 12].map((h) => h * H), queueAhead: 0 })).toEqual({ kind: 'unknown', peers: 4 });
  });

  it('words the reason in hours', () => {
    expect(foresightReason(31 * H, 6 * H, 'zh-CN')).toBe('此类工单中位处理 31 小时，剩 6 小时');
    expect(foresightReason(1.25 * H, -H, 'en')).toBe('Tickets like this take 1.3 h (median); 0 h left');
  });
});
