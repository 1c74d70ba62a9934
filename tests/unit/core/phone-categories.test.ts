import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../../src-main/core/phone';
import { matchCategory, type CategoryNode } from '../../../src-main/core/categories';

describe('phone numbers', () => {
  it('accepts mainland mobiles as people write them', () => {
    expect(normalizePhone('13812345678')).toBe('13812345678');
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('8613812345678')).toBe('13812345678');
  });
  it('refuses what is not one', () => {
    for (const bad of ['1381234567', '23812345678', '12812345678', '138123456789', 'abc', '']) expect(normalizePhone(bad)).toBeNull();
  });
  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('category matching', () => {
  const nodes: CategoryNode[] = [
    { id: 1, parentId: null, name: '网络质量' },
    { id: 2, parentId: 1, name: '上网慢/断网' },
    { id: 3, parentId: 1, name: '信号覆盖' },
    { id: 4, parentId: null, name: '速递' },
    { id: 5, parentId: 4, name: '丢失' },
    { id: 6, parentId: null, name: '终端' },
    { id: 7, parentId: 6, name: '丢失' },
  ];
  it('matches a name with a slash in it before splitting', () => {
    expect(matchCategory('上网慢/断网', nodes)?.id).toBe(2);
    expect(matchCategory('网络质量/上网慢/断网', nodes)?.id).toBe(2);
  });
  it('matches one level or two', () => {
    expect(matchCategory('网络质量', nodes)?.id).toBe(1);
    expect(matchCategory('信号覆盖', nodes)?.id).toBe(3);
    expect(matchCategory('网络质量/信号覆盖', nodes)?.id).toBe(3);
  });
  it('refuses an ambiguous second-level name and an unknown one', () => {
    expect(matchCategory('丢失', nodes)).toBeNull();
    expect(matchCategory('速递/丢失', nodes)?.id).toBe(5);
    expect(matchCategory('不存在', nodes)).toBeNull();
  });
});
