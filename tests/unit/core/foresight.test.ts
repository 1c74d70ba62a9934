/** The foresight rule on numbers small enough to check on paper. */
import { describe, expect, it } from 'vitest';
import { foresee, foreseeInGroup, foresightReason, median, peerGroup } from '../../../src-main/core/sla/foresight';

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

describe('foresight on a prepared peer group (what the service uses)', () => {
  const peers = [12, 1, 8, 4, 10, 6].map((h) => h * H);

  it('sorts the group once and takes its median once', () => {
    expect(peerGroup(peers)).toEqual({ sorted: [1, 4, 6, 8, 10, 12].map((h) => h * H), medianMs: 7 * H });
    expect(peerGroup([]).sorted).toEqual([]);
  });

  it('gives the paper example the same answer as the rule', () => {
    // The example above: elapsed 2 h, due 8 h after start, 3 others in the queue.
    const input = { now: 2 * H, startedAt: 0, dueAt: 8 * H, queueAhead: 3 };
    expect(foreseeInGroup({ ...input, peers: peerGroup(peers) })).toEqual({
      kind: 'estimate',
      peers: 5,
      peerMedianMs: 7 * H,
      finishAt: 2 * H + 7.8 * H,
      missRisk: 0.4,
      likelyToMiss: true,
    });
  });

  it('counts a peer that took exactly the elapsed time as done, and one that took exactly the limit as on time', () => {
    // Elapsed 4 h: the 4 h peer is not comparable; left 2, 4, 6, 8 h of 6, 8, 10, 12 → 4 peers: no estimate.
    expect(foreseeInGroup({ now: 4 * H, startedAt: 0, dueAt: 10 * H, queueAhead: 0, peers: peerGroup(peers) })).toEqual({ kind: 'unknown', peers: 4 });
    // Elapsed 3 h, limit 10 h: comparable 4, 6, 8, 10, 12 (left 1, 3, 5, 7, 9 → 5 h); only 12 is over the limit → 0.2.
    expect(foreseeInGroup({ now: 3 * H, startedAt: 0, dueAt: 10 * H, queueAhead: 0, peers: peerGroup(peers) })).toEqual({
      kind: 'estimate',
      peers: 5,
      peerMedianMs: 7 * H,
      finishAt: 8 * H,
      missRisk: 0.2,
      likelyToMiss: false,
    });
  });

  it('a limit already behind the elapsed time puts every comparable peer over it', () => {
    // Elapsed 5 h, limit 3 h (overdue): comparable 6, 8, 10, 12 and … only four → add a 20 h peer to have five.
    const f = foreseeInGroup({ now: 5 * H, startedAt: 0, dueAt: 3 * H, queueAhead: 0, peers: peerGroup([...peers, 20 * H]) });
    // Left 1, 3, 5, 7, 15 → median 5 h; all five took longer than 3 h.
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 8 * H, finishAt: 10 * H, missRisk: 1, likelyToMiss: true });
  });
});
