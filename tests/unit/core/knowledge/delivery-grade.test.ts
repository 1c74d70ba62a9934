/**
 * The 12580 grade at each boundary of the compensation rules, with times in
 * China time worked out by hand: promised delivery 2026-11-02 18:00 (+08:00),
 * so seriously late after 2026-11-03 12:00 and lost after 2026-11-09 18:00.
 */
import { describe, expect, it } from 'vitest';
import { gradeDelivery, noonOfNextDay, type DeliveryFacts } from '../../../../src-main/core/knowledge/delivery-grade';

const Z = 'Asia/Shanghai';
const at = (s: string) => Date.parse(s);
const MIN = 60_000;
const none: DeliveryFacts = { pickupRequestedAt: null, pickupAgreedAt: null, pickedUpAt: null, promisedAt: null, deliveredAt: null, issues: [] };
const promised = at('2026-11-02T18:00:00+08:00');
const delivered = (when: string) => gradeDelivery({ ...none, promisedAt: promised, deliveredAt: at(when) }, at('2026-12-01T00:00:00+08:00'), Z);
const waiting = (now: string) => gradeDelivery({ ...none, promisedAt: promised }, at(now), Z);

describe('pick-up', () => {
  const asked = at('2026-11-02T09:00:00+08:00');
  it('is on time at exactly 60 minutes and late one minute after', () => {
    expect(gradeDelivery({ ...none, pickupRequestedAt: asked, pickedUpAt: asked + 60 * MIN }, asked + 2 * 60 * MIN, Z).grade).toBeNull();
    const late = gradeDelivery({ ...none, pickupRequestedAt: asked, pickedUpAt: asked + 61 * MIN }, asked + 2 * 60 * MIN, Z);
    expect(late).toMatchObject({ grade: 1, findings: ['late_pickup'], suggestedCategory: '一般晚点', proposal: null });
  });
  it('follows an agreed time instead of the 60 minutes', () => {
    const agreed = at('2026-11-02T14:00:00+08:00');
    expect(gradeDelivery({ ...none, pickupRequestedAt: asked, pickupAgreedAt: agreed, pickedUpAt: agreed }, agreed, Z).grade).toBeNull();
    expect(gradeDelivery({ ...none, pickupRequestedAt: asked, pickupAgreedAt: agreed, pickedUpAt: agreed + MIN }, agreed, Z).grade).toBe(1);
  });
  it('grows late while nobody has come', () => {
    expect(gradeDelivery({ ...none, pickupRequestedAt: asked }, asked + 60 * MIN, Z).grade).toBeNull();
    expect(gradeDelivery({ ...none, pickupRequestedAt: asked }, asked + 60 * MIN + 1, Z).findings).toEqual(['late_pickup']);
  });
});

describe('delivery', () => {
  it('is on time at the promised minute', () => {
    expect(delivered('2026-11-02T18:00:00+08:00').grade).toBeNull();
  });
  it('is slightly late (一级) after the promise up to noon of the next day', () => {
    expect(delivered('2026-11-02T18:01:00+08:00')).toMatchObject({ grade: 1, findings: ['late_delivery'] });
    expect(delivered('2026-11-03T12:00:00+08:00')).toMatchObject({ grade: 1, findings: ['late_delivery'] });
  });
  it('is seriously late (二级) after 12:00 of the next day, and proposes a 赔付 entry', () => {
    const g = delivered('2026-11-03T12:01:00+08:00');
    expect(g).toMatchObject({
      grade: 2,
      findings: ['seriously_late'],
      suggestedCategory: '严重晚点',
      proposal: { refundType: 'compensation', finding: 'seriously_late' },
    });
  });
  it('counts a parcel lost only after 7 whole days past the promise', () => {
    expect(waiting('2026-11-09T18:00:00+08:00').findings).toEqual(['seriously_late']);
    expect(waiting('2026-11-09T18:00:01+08:00')).toMatchObject({ grade: 2, findings: ['lost'], suggestedCategory: '丢失' });
  });
  it('is late while undelivered, then seriously late, on the same boundaries', () => {
    expect(waiting('2026-11-02T18:00:00+08:00').grade).toBeNull();
    expect(waiting('2026-11-03T12:00:00+08:00').findings).toEqual(['late_delivery']);
    expect(waiting('2026-11-03T12:00:01+08:00').findings).toEqual(['seriously_late']);
  });
  it('takes noon of the next calendar day in the branch zone, across a month end', () => {
    expect(noonOfNextDay(at('2026-11-30T23:30:00+08:00'), Z)).toBe(at('2026-12-01T12:00:00+08:00'));
    // 2026-11-30 17:00 UTC is already 1 December in China.
    expect(noonOfNextDay(at('2026-11-30T17:00:00Z'), Z)).toBe(at('2026-12-02T12:00:00+08:00'));
  });
});

describe('reported problems', () => {
  it('keeps attitude and packaging at 一级, with no compensation', () => {
    expect(gradeDelivery({ ...none, issues: ['attitude', 'packaging'] }, 0, Z)).toMatchObject({ grade: 1, proposal: null, suggestedCategory: '包装污染/受损' });
  });
  it('makes damaged goods, loss and overcharging a claim (二级)', () => {
    for (const issue of ['damaged', 'lost', 'overcharged', 'other_loss'] as const) {
      expect(gradeDelivery({ ...none, issues: [issue] }, 0, Z)).toMatchObject({ grade: 2, proposal: { refundType: 'compensation', finding: issue } });
    }
  });
  it('files the ticket under its most serious finding', () => {
    const g = gradeDelivery({ ...none, promisedAt: promised, deliveredAt: promised + MIN, issues: ['damaged', 'attitude'] }, promised + MIN, Z);
    expect(g.findings).toEqual(['damaged', 'late_delivery', 'attitude']);
    expect(g.suggestedCategory).toBe('物品受损');
  });
  it('has no grade when nothing is recorded', () => {
    expect(gradeDelivery(none, 0, Z)).toMatchObject({ grade: null, findings: [], proposal: null });
  });
});
