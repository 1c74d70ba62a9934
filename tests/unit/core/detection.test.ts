import { describe, expect, it } from 'vitest';
import { findCollective, findRepeatOf } from '../../../src-main/core/detection';

const H = 3_600_000;
const D = 24 * H;
const T = Date.parse('2026-11-02T02:00:00Z');

describe('repeat complaint (30 days by default)', () => {
  it('counts an earlier complaint exactly 30 days back, not 30 days and a minute', () => {
    expect(findRepeatOf(T, [{ id: 1, receivedAt: T - 30 * D }])).toHaveLength(1);
    expect(findRepeatOf(T, [{ id: 1, receivedAt: T - 30 * D - 60_000 }])).toHaveLength(0);
  });
  it('honours a changed window', () => {
    const s = { repeatWindowDays: 7, collectiveMinCustomers: 3, collectiveWindowHours: 24 };
    expect(findRepeatOf(T, [{ id: 1, receivedAt: T - 8 * D }], s)).toHaveLength(0);
  });
});

describe('collective complaint (3 customers, 24 h by default)', () => {
  it('needs three different customers', () => {
    const nearby = [
      { id: 1, phone: '13800000001', receivedAt: T - 2 * H },
      { id: 2, phone: '13800000001', receivedAt: T - 1 * H },
    ];
    expect(findCollective(T, '13800000003', nearby)).toBeNull();
    const three = [...nearby, { id: 3, phone: '13800000002', receivedAt: T - 3 * H }];
    expect(findCollective(T, '13800000003', three)?.map((t) => t.id).sort()).toEqual([1, 2, 3]);
  });
  it('the three must fall within one 24-hour span', () => {
    const spread = [
      { id: 1, phone: '13800000001', receivedAt: T - 23 * H },
      { id: 2, phone: '13800000002', receivedAt: T + 23 * H },
    ];
    // 46 hours apart: no single day holds all three.
    expect(findCollective(T, '13800000003', spread)).toBeNull();
    const close = [
      { id: 1, phone: '13800000001', receivedAt: T - 12 * H },
      { id: 2, phone: '13800000002', receivedAt: T + 12 * H },
    ];
    expect(findCollective(T, '13800000003', close)).toHaveLength(2);
  });
});
