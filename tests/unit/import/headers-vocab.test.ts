import { describe, expect, it } from 'vitest';
import { looksLikeHeader, mapHeaders } from '../../../src-main/core/import/headers';
import { defaultLevel, parseChannel, parseLevel, parseSatisfaction, parseStatus } from '../../../src-main/core/import/vocab';

describe('header mapping', () => {
  it('maps Chinese and English headers in any order and ignores extra columns', () => {
    const m = mapHeaders(['备注', 'phone', '工单编号', '受理渠道', 'Received_At', '投诉类别', '投诉内容', '处理人']);
    expect(m.missing).toEqual([]);
    expect(m.index).toMatchObject({ phone: 1, ticketNo: 2, channel: 3, receivedAt: 4, category: 5, description: 6, assignee: 7 });
    expect(m.columns[0]).toEqual({ index: 0, header: '备注', field: null });
  });

  it('reads headers with markers, full-width characters and spaces', () => {
    const m = mapHeaders(['*工单编号', ' 受理渠道 ', 'ＴＩＣＫＥＴ', 'received at', '客户号码', '投诉类别', '投诉内容']);
    expect(m.index.ticketNo).toBe(0);
    expect(m.index.channel).toBe(1);
    expect(m.index.receivedAt).toBe(3);
    // A second column for the same field is shown as unused, never silently merged.
    expect(m.columns[2]!.field).toBeNull();
  });

  it('lists the required columns a file lacks', () => {
    expect(mapHeaders(['工单编号', '受理渠道', '客户号码']).missing).toEqual(['receivedAt', 'category', 'description']);
  });

  it('recognises a header row among title rows', () => {
    expect(looksLikeHeader(['工单导出 2026-11', '', ''])).toBe(false);
    expect(looksLikeHeader(['工单编号', '受理渠道', '受理时间', '其他'])).toBe(true);
  });
});

describe('coded values', () => {
  it('accepts codes, Chinese and English labels and common variants', () => {
    expect(parseChannel('10086')).toBe('10086');
    expect(parseChannel('10086热线')).toBe('10086');
    expect(parseChannel('工信部')).toBe('12300');
    expect(parseChannel('营业厅')).toBe('store');
    expect(parseChannel(' Online ')).toBe('online');
    expect(parseChannel('微信群')).toBeNull();
    expect(parseLevel('重大')).toBe('major');
    expect(parseLevel('越级')).toBe('overlevel');
    expect(parseLevel('OVERLEVEL')).toBe('overlevel');
    expect(parseStatus('待客户（挂起）')).toBe('pending_customer');
    expect(parseStatus('待客户(挂起)')).toBe('pending_customer');
    expect(parseStatus('in_progress')).toBe('in_progress');
    expect(parseStatus('In progress')).toBe('in_progress');
    expect(parseStatus('已回访关闭')).toBe('closed');
    expect(parseStatus('lost')).toBeNull();
    expect(parseSatisfaction('基本满意')).toBe('basically_satisfied');
    expect(parseSatisfaction('dissatisfied')).toBe('dissatisfied');
    expect(parseSatisfaction('还行')).toBeNull();
  });

  it('defaults 10080 and 12300 to over-level', () => {
    expect(defaultLevel('12300')).toBe('overlevel');
    expect(defaultLevel('10080')).toBe('overlevel');
    expect(defaultLevel('10086')).toBe('normal');
  });
});
