import { describe, expect, it } from 'vitest';
import { collectiveRuns, findCollective, findRepeatOf } from '../../../src-main/core/detection';

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

describe('collective runs (an import’s new tickets at once)', () => {
  const c = (id: number, phone: string, h: number, isNew = true) => ({ id, phone, receivedAt: h * H, isNew });
  const ids = (runs: Array<Array<{ id: number }>>) => runs.map((r) => r.map((t) => t.id));

  it('three customers within 24 h make a run; a fourth a day later does not join it', () => {
    expect(ids(collectiveRuns([c(1, 'a', 0), c(2, 'b', 5), c(3, 'c', 23), c(4, 'd', 48)]))).toEqual([[1, 2, 3]]);
  });

  it('one customer complaining many times is not a collective complaint', () => {
    expect(collectiveRuns(Array.from({ length: 500 }, (_, i) => c(i, 'a', i / 100)))).toEqual([]);
  });

  it('a group of stored tickets only counts when a new one is in it', () => {
    expect(collectiveRuns([c(1, 'a', 0, false), c(2, 'b', 1, false), c(3, 'c', 2, false)])).toEqual([]);
    expect(ids(collectiveRuns([c(1, 'a', 0, false), c(2, 'b', 1, false), c(3, 'c', 2)]))).toEqual([[1, 2, 3]]);
  });

  it('overlapping windows make one run; separate ones, two', () => {
    const list = [c(1, 'a', 0), c(2, 'b', 10), c(3, 'c', 20), c(4, 'd', 30), c(5, 'e', 100), c(6, 'f', 101), c(7, 'g', 102)];
    expect(ids(collectiveRuns(list))).toEqual([[1, 2, 3, 4], [5, 6, 7]]);
  });
});
