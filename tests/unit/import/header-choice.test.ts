import { describe, expect, it } from 'vitest';
import { headerKey, headerSetKey, mapHeaders } from '../../../src-main/core/import/headers';

const HEADER = ['工单编号', '受理渠道', '受理时间', '主叫号码', '投诉类别', '投诉内容', '备注'];

describe('headers a user mapped', () => {
  it('keys a header list as a person reads it: width, case, spaces and markers do not matter, order does', () => {
    expect(headerSetKey([' *工单编号', 'ＰＨＯＮＥ'])).toBe(headerSetKey(['工单编号', 'phone']));
    expect(headerSetKey(['工单编号', 'phone'])).not.toBe(headerSetKey(['phone', '工单编号']));
  });

  it('takes the user\'s field for an unknown header, marked as chosen; a known header keeps its own', () => {
    const m = mapHeaders(HEADER, { [headerKey('主叫号码')]: 'phone', [headerKey('受理渠道')]: 'description' });
    expect(m.missing).toEqual([]);
    expect(m.columns[3]).toEqual({ index: 3, header: '主叫号码', field: 'phone', chosen: true });
    expect(m.columns[1]).toEqual({ index: 1, header: '受理渠道', field: 'channel' });
    expect(m.columns[6]).toEqual({ index: 6, header: '备注', field: null });
  });

  it('without a choice the phone column is missing', () => {
    expect(mapHeaders(HEADER).missing).toEqual(['phone']);
  });
});
