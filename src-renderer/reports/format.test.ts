import { describe, expect, it } from 'vitest';
import { showsAsZero } from './format';

describe('a tile’s change that rounds away', () => {
  it('is a rate moving less than 0.05 points, either way', () => {
    expect(showsAsZero(-0.0004, null, true)).toBe(true); // would print "▼ 下降 0.0 个百分点"
    expect(showsAsZero(0.0004, null, true)).toBe(true);
    expect(showsAsZero(0.0006, null, true)).toBe(false); // 0.1 point
  });

  it('is a count or duration changing by less than 0.05 %, or a count by less than one without a base to divide by', () => {
    expect(showsAsZero(3, 0.0002, false)).toBe(true);
    expect(showsAsZero(-30, -0.0006, false)).toBe(false);
    expect(showsAsZero(0.4, null, false)).toBe(true);
    expect(showsAsZero(2, null, false)).toBe(false);
  });
});
