/** The foresight rule on numbers small enough to check on paper. Peers are shares of their own limit. */
import { describe, expect, it } from 'vitest';
import { FORESIGHT_RULE, foresee, foreseeInGroup, foresightReason, lateNeeded, median, peerGroup } from '../../../src-main/core/sla/foresight';

const H = 3_600_000;
/** Peers that took 1, 4, 6, 8, 10 and 12 h of an 8 h limit. */
const EIGHTHS = [0.125, 0.5, 0.75, 1, 1.25, 1.5];

describe('foresight rule', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('as chosen on the replay: no queue term, likely to miss from a 40 % risk', () => {
    expect(FORESIGHT_RULE).toEqual({ queueWeight: 0, riskThreshold: 0.4 });
  });

  it('flags on the risk, and the finish shown is the one the risk implies: 2 of 5 like tickets over is likely to miss, finishing past the due time', () => {
    // Limit 8 h, elapsed 2 h → e = 0.25. Comparable (share above 0.25): 0.5, 0.75, 1, 1.25, 1.5;
    // what they had left: 0.25, 0.5, 0.75, 1, 1.25. Over the limit ((s − 0.25) > 0.75): 1.25 and 1.5 → 2 / 5 = 0.4 ≥ 0.4.
    // The one at exactly 1 is on time. k = 2 (2 / 5 reaches 40 %): the 2nd largest left, 1 × 8 h = 8 h → finish at 10 h, past the due 8 h.
    // (The median left, 0.75 × 8 h = 6 h, would have said 8 h: on the due time while flagged.)
    // The whole group's median (0.75 + 1) / 2 = 0.875 × 8 h = 7 h; the queue counts for nothing.
    const f = foresee({ now: 2 * H, startedAt: 0, dueAt: 8 * H, peerShares: EIGHTHS, queueAhead: 3 });
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 7 * H, finishAt: 10 * H, missRisk: 0.4, likelyToMiss: true });
  });

  it('with a queue weight the remainder is stretched, and so is each peer against the time left', () => {
    // As above with 10 % per other open ticket and 3 others: stretch 1.3.
    // Over: (s − 0.25) × 1.3 > 0.75 ⇔ s > 0.827 → 1, 1.25, 1.5 → 3 / 5 = 0.6 ≥ 0.5.
    // k = 3 (3 / 5 reaches 50 %): the 3rd largest left, 0.75 × 1.3 × 8 h = 7.8 h → finish 9.8 h.
    const f = foresee({ now: 2 * H, startedAt: 0, dueAt: 8 * H, peerShares: EIGHTHS, queueAhead: 3 }, { queueWeight: 0.1, riskThreshold: 0.5 });
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 7 * H, finishAt: 9.8 * H, missRisk: 0.6, likelyToMiss: true });
  });

  it('below the threshold is not flagged: a 20 % risk against 40 %', () => {
    // Limit 10 h, elapsed 2 h → e = 0.2. Peers 0.3, 0.5, 0.6, 0.9, 1.2 all comparable;
    // left 0.1, 0.3, 0.4, 0.7, 1.0; over (s > 1): 1.2 → 1 / 5. k = 2: the 2nd largest left, 0.7 × 10 h = 7 h → finish 9 h, before the due 10 h.
    const f = foresee({ now: 2 * H, startedAt: 0, dueAt: 10 * H, peerShares: [0.3, 0.5, 0.6, 0.9, 1.2], queueAhead: 0 });
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 6 * H, finishAt: 9 * H, missRisk: 0.2, likelyToMiss: false });
  });

  it('compares tickets of different limits by the share they used: a 24 h ticket half gone', () => {
    // Limit 24 h, elapsed 12 h → e = 0.5. Peers 0.6, 0.7, 0.8, 1.2, 1.4 (whatever their own limits were);
    // left 0.1, 0.2, 0.3, 0.7, 0.9; over: 1.2, 1.4 → 0.4. k = 2: 0.7 × 24 h = 16.8 h → finish 28.8 h, past the due 24 h.
    // The group's median 0.8 × 24 h = 19.2 h.
    const f = foresee({ now: 12 * H, startedAt: 0, dueAt: 24 * H, peerShares: [1.4, 0.6, 1.2, 0.7, 0.8], queueAhead: 0 });
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 19.2 * H, finishAt: 28.8 * H, missRisk: 0.4, likelyToMiss: true });
  });

  it('says nothing with fewer than five comparable peers', () => {
    // Elapsed 5 h of 8 → e = 0.625: comparable 0.75, 1, 1.25, 1.5 → four.
    expect(foresee({ now: 5 * H, startedAt: 0, dueAt: 8 * H, peerShares: EIGHTHS, queueAhead: 0 })).toEqual({ kind: 'unknown', peers: 4 });
  });

  it('says nothing for a clock without a positive limit', () => {
    expect(foresee({ now: 5 * H, startedAt: 2 * H, dueAt: 2 * H, peerShares: EIGHTHS, queueAhead: 0 })).toEqual({ kind: 'unknown', peers: 0 });
  });

  it('the reason says what decided the flag: the share of comparable peers that went on to miss, and the hours left', () => {
    expect(foresightReason(0.45, 20, 6 * H, 'zh-CN')).toBe('同类工单在此进度时 45%（9/20）最终超时，剩 6 小时');
    expect(foresightReason(3 / 7, 7, 1.25 * H, 'zh-CN')).toBe('同类工单在此进度时 43%（3/7）最终超时，剩 1.3 小时');
    expect(foresightReason(3 / 7, 7, -H, 'en')).toBe('43% of like tickets at this stage went on to miss (3 of 7); 0 h left');
  });

  it('lateNeeded: the fewest late peers whose share reaches the threshold, as the flag compares it', () => {
    expect(lateNeeded(5, 0.4)).toBe(2);
    expect(lateNeeded(6, 0.4)).toBe(3); // 2 / 6 = 33 %, 3 / 6 = 50 %
    expect(lateNeeded(7, 0.4)).toBe(3); // 3 / 7 = 42.9 %
    expect(lateNeeded(10, 0.4)).toBe(4);
    expect(lateNeeded(15, 0.4)).toBe(6); // 0.4 × 15 is 6.000000000000001 in floating point; 6 / 15 ≥ 0.4 holds
    expect(lateNeeded(5, 0)).toBe(1);
    expect(lateNeeded(5, 1)).toBe(5);
    expect(lateNeeded(5, 1.2)).toBe(5);
  });

  it('the finish lies past the due time exactly when the ticket is flagged, on 2,000 pseudo-random cases and two rules', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const rules = [FORESIGHT_RULE, { queueWeight: 0.1, riskThreshold: 0.55 }];
    let flagged = 0;
    for (let i = 0; i < 2000; i++) {
      const limit = (1 + Math.floor(rnd() * 72)) * H;
      const peers = Array.from({ length: 5 + Math.floor(rnd() * 30) }, () => rnd() * 2);
      const now = Math.floor(rnd() * limit * 0.9);
      const f = foresee({ now, startedAt: 0, dueAt: limit, peerShares: peers, queueAhead: Math.floor(rnd() * 4) }, rules[i % 2]);
      if (f.kind !== 'estimate') continue;
      if (f.likelyToMiss) flagged++;
      expect(f.finishAt > limit, `case ${i}`).toBe(f.likelyToMiss);
    }
    expect(flagged).toBeGreaterThan(100);
  });
});

describe('foresight on a prepared peer group (what the service uses)', () => {
  const shuffled = [1.5, 0.125, 1, 0.5, 1.25, 0.75];

  it('sorts the group once and takes its median once', () => {
    expect(peerGroup(shuffled)).toEqual({ sorted: EIGHTHS, median: 0.875 });
    expect(peerGroup([]).sorted).toEqual([]);
  });

  it('gives the paper example the same answer as the rule', () => {
    const input = { now: 2 * H, startedAt: 0, dueAt: 8 * H, queueAhead: 3 };
    expect(foreseeInGroup({ ...input, peers: peerGroup(shuffled) })).toEqual(foresee({ ...input, peerShares: EIGHTHS }));
  });

  it('counts a peer that used exactly the elapsed share as done', () => {
    // Elapsed 4 h of 8 → e = 0.5: the 0.5 peer is not comparable; 0.75, 1, 1.25, 1.5 → four: no estimate.
    expect(foreseeInGroup({ now: 4 * H, startedAt: 0, dueAt: 8 * H, queueAhead: 0, peers: peerGroup(shuffled) })).toEqual({ kind: 'unknown', peers: 4 });
  });

  it('a limit already behind the elapsed time puts every comparable peer over it', () => {
    // Elapsed 10 h of 8 → e = 1.25; peers 0.5, 1.5, 2, 2.5, 3, 3.5: comparable 1.5 … 3.5 (five);
    // left 0.25, 0.75, 1.25, 1.75, 2.25; all five over → 1. k = 2: the 2nd largest left, 1.75 × 8 h = 14 h → finish 24 h.
    // The group's median (2 + 2.5) / 2 = 2.25 × 8 h = 18 h.
    const f = foreseeInGroup({ now: 10 * H, startedAt: 0, dueAt: 8 * H, queueAhead: 0, peers: peerGroup([0.5, 1.5, 2, 2.5, 3, 3.5]) });
    expect(f).toEqual({ kind: 'estimate', peers: 5, peerMedianMs: 18 * H, finishAt: 24 * H, missRisk: 1, likelyToMiss: true });
  });
});
