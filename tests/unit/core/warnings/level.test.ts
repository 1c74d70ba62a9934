import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_SETTINGS, warningLevel } from '../../../../src-main/core/warnings';

const s = DEFAULT_WARNING_SETTINGS;

describe('warningLevel', () => {
  it('needs both the threshold and the protection value', () => {
    expect(warningLevel(12, 10, s)).toBeNull(); // 1.2× < 1.3
    expect(warningLevel(13, 10, s)).toBe('yellow');
    expect(warningLevel(9, 3, s)).toBeNull(); // 3× but below 10
    expect(warningLevel(10, 0, s)).toBe('red'); // nothing for 6 months, then 10
    expect(warningLevel(500, null, s)).toBeNull(); // no baseline
  });

  it('a coefficient below the yellow multiple still warns yellow between them', () => {
    const low = { ...s, coefficient: 1.1 };
    expect(warningLevel(22, 20, low)).toBe('yellow'); // 1.1×
    expect(warningLevel(21, 20, low)).toBeNull();
  });
});
