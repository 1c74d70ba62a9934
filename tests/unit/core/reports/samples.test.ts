import { describe, expect, it } from 'vitest';
import { Samples } from '../../../../src-main/core/reports/samples';

const of = (values: number[]) => {
  const s = new Samples();
  for (const v of values) s.push(v);
  return s;
};

describe('the median of kept durations', () => {
  it('is null for none, the value for one', () => {
    expect(of([]).median()).toBeNull();
    expect(of([7]).median()).toBe(7);
  });

  it('is the middle of an odd count and the mean of the middle two of an even one', () => {
    expect(of([5, 1, 3]).median()).toBe(3);
    expect(of([24, 60, 10, 6]).median()).toBe(17); // sorted 6 10 24 60
    expect(of([2, 2, 2, 9]).median()).toBe(2);
    expect(of([1, 4]).median()).toBe(2.5);
  });

  it('holds many values, in any order, with repeats, past the first allocation', () => {
    // 0 … 4,999 each twice, shuffled by a fixed stride: the middle two are both 2,499 and 2,500 → 2,499.5
    const values: number[] = [];
    for (let i = 0; i < 10_000; i++) values.push(((i * 7_919) % 10_000) >> 1);
    const s = of(values);
    expect(s.length).toBe(10_000);
    expect(s.median()).toBe(2_499.5);
  });

  it('joins lists without changing them', () => {
    const a = of([1, 9]);
    const b = of([5]);
    expect(Samples.concat([a, b]).median()).toBe(5);
    expect(Samples.concat([]).median()).toBeNull();
    expect([a.length, b.length]).toEqual([2, 1]);
  });
});

describe('Samples.append', () => {
  it('adds the values of another list, growing past its capacity, and leaves that one as it was', () => {
    const a = new Samples();
    const b = new Samples();
    for (let i = 0; i < 1000; i++) a.push(i);
    for (let i = 1000; i < 3001; i++) b.push(i);
    a.append(b);
    expect(a.length).toBe(3001);
    expect(a.median()).toBe(1500);
    expect(b.length).toBe(2001);
    expect(b.median()).toBe(2000);
  });
});
