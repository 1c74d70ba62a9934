import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from '../../../src-main/core/phone';
import { phoneQuery } from '../../../src-main/core/phone-search';
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
  it('accepts fixed lines with their area code, stored as area-local', () => {
    expect(normalizePhone('020-12345678')).toBe('020-12345678');
    expect(normalizePhone('02012345678')).toBe('020-12345678');
    expect(normalizePhone('(010) 8765 4321')).toBe('010-87654321');
    expect(normalizePhone('+86 20 12345678')).toBe('020-12345678');
    expect(normalizePhone('0086-757-81234567')).toBe('0757-81234567');
    expect(normalizePhone('0757-8123456')).toBe('0757-8123456');
    expect(normalizePhone('0757 81234567')).toBe('0757-81234567');
  });
  it('refuses a fixed line without its area code, or with a wrong length', () => {
    for (const bad of ['12345678', '020-1234567', '020-123456789', '0757-123456', '0757-0123456', '00-12345678', '020-1234567x']) expect(normalizePhone(bad), bad).toBeNull();
  });
  it('masks a fixed line behind its area code, keeping the last four', () => {
    expect(maskPhone('020-12345678')).toBe('020-****5678');
    expect(maskPhone('0757-8123456')).toBe('0757-***3456');
  });
});

describe('phone search', () => {
  it('whole numbers for anyone; any run of four digits for those who see numbers; the last four for those who see them masked', () => {
    expect(phoneQuery('138 1234 5678', 'masked')).toEqual({ kind: 'exact', phone: '13812345678' });
    expect(phoneQuery('020-12345678', 'whole')).toEqual({ kind: 'exact', phone: '020-12345678' });
    expect(phoneQuery('9602789', 'whole')).toEqual({ kind: 'part', digits: '9602789' });
    expect(phoneQuery('5678', 'masked')).toEqual({ kind: 'tail', digits: '5678' });
    expect(phoneQuery('95678', 'masked')).toEqual({ kind: 'none' });
    expect(phoneQuery('1380', 'masked')).toEqual({ kind: 'tail', digits: '1380' });
    expect(phoneQuery('789', 'whole')).toEqual({ kind: 'none' });
    expect(phoneQuery('GD2026', 'whole')).toEqual({ kind: 'none' });
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
