import { describe, expect, it } from 'vitest';
import { diffTicket, fieldsSetBy, newTicketDefaults, type StoredTicket } from '../../../src-main/core/import/diff';
import { mapHeaders } from '../../../src-main/core/import/headers';
import type { ImportedTicket } from '../../../src-main/core/import/types';

const stored: StoredTicket = {
  id: 1, version: 3, receivedAt: 1000, phone: '13800138000', customerName: null, city: null, district: '城关区', categoryId: 5,
  description: '上网慢', level: 'major', status: 'in_progress', assigneeId: 7, assigneeName: '张三', firstResponseAt: 2000,
  resolvedAt: null, closedAt: null, satisfaction: null,
};
const row: ImportedTicket = {
  ticketNo: 'A1', channel: '10086', receivedAt: 1000, phone: '13800138000', customerName: null, city: null, district: '城关区',
  categoryId: 5, description: '上网慢', level: null, status: 'in_progress', assigneeId: 7, assigneeName: '张三',
  firstResponseAt: 2000, resolvedAt: null, closedAt: null, satisfaction: null,
};
const all = fieldsSetBy(mapHeaders(['工单编号', '受理渠道', '受理时间', '客户号码', '客户姓名', '地市', '区县', '投诉类别', '投诉内容', '工单级别', '处理状态', '处理人', '首次响应时间', '办结时间', '关闭时间', '满意度']));

describe('diffTicket', () => {
  it('finds nothing to change in an identical row, and keeps the level when the file leaves it blank', () => {
    expect(diffTicket(stored, row, all)).toEqual({ patch: {}, changes: {} });
  });

  it('records each changed field from → to', () => {
    const r = diffTicket(stored, { ...row, status: 'resolved', resolvedAt: 5000, assigneeId: null, assigneeName: '王工' }, all);
    expect(r.changes).toEqual({ status: ['in_progress', 'resolved'], resolvedAt: [null, 5000], assigneeId: [7, null], assigneeName: ['张三', '王工'] });
    expect(r.patch).toEqual({ status: 'resolved', resolvedAt: 5000, assigneeId: null, assigneeName: '王工' });
  });

  it('leaves fields alone whose column the file does not have', () => {
    const few = fieldsSetBy(mapHeaders(['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容']));
    expect(diffTicket(stored, { ...row, assigneeId: null, assigneeName: null, district: null, firstResponseAt: null }, few).changes).toEqual({});
  });

  it('gives a new ticket the default level and status', () => {
    expect(newTicketDefaults({ ...row, channel: '12300' })).toEqual({ level: 'overlevel', status: 'in_progress' });
    expect(newTicketDefaults({ ...row, status: null })).toEqual({ level: 'normal', status: 'new' });
  });
});
