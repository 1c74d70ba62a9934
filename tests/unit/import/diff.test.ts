import { describe, expect, it } from 'vitest';
import { diffImported, diffTicket, fieldsSetBy, newTicketFields, type StoredTicket } from '../../../src-main/core/import/diff';
import { mapHeaders } from '../../../src-main/core/import/headers';
import type { ImportedTicket } from '../../../src-main/core/import/types';

const stored: StoredTicket = {
  id: 1, version: 3, receivedAt: 1000, phone: '13800138000', customerName: null, city: null, district: '城关区', categoryId: 5,
  description: '上网慢', level: 'major', status: 'in_progress', assigneeId: 7, assigneeName: '张三', firstResponderId: 7, firstResponderName: null, firstResponseAt: 2000,
  resolvedAt: null, closedAt: null, satisfaction: null,
};
const row: ImportedTicket = {
  ticketNo: 'A1', channel: '10086', receivedAt: 1000, phone: '13800138000', customerName: null, city: null, district: '城关区',
  categoryId: 5, description: '上网慢', level: null, status: 'in_progress', assigneeId: 7, assigneeName: '张三',
  firstResponderId: null, firstResponderName: null, firstResponseAt: 2000, resolvedAt: null, closedAt: null, satisfaction: null, heldCity: null, heldDistrict: null,
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
    expect(newTicketFields({ ...row, channel: '12300' })).toMatchObject({ level: 'overlevel', status: 'in_progress' });
    expect(newTicketFields({ ...row, status: null })).toMatchObject({ level: 'normal', status: 'new' });
  });
});

describe('the console’s arrival rules on imported rows', () => {
  it('a 10080 row marked 重大 and a 12300 row marked 普通 are over-level, and the first event says so', () => {
    expect(newTicketFields({ ...row, channel: '10080', level: 'major' })).toMatchObject({ level: 'overlevel', changes: { level: ['major', 'overlevel'] } });
    expect(newTicketFields({ ...row, channel: '12300', level: 'normal' })).toMatchObject({ level: 'overlevel', changes: { level: ['normal', 'overlevel'] } });
    expect(newTicketFields({ ...row, channel: '10086', level: 'major' })).toMatchObject({ level: 'major', changes: {} });
  });

  it('first responder: the file’s 首问负责人, else the 处理人 of an accepted ticket, else none while 新建', () => {
    expect(newTicketFields({ ...row, firstResponderId: 9 })).toMatchObject({ firstResponderId: 9, firstResponderName: null, changes: {} });
    expect(newTicketFields({ ...row, firstResponderName: '外包李工' })).toMatchObject({ firstResponderId: null, firstResponderName: '外包李工' });
    expect(newTicketFields(row)).toMatchObject({ firstResponderId: 7, firstResponderName: null, changes: { firstResponderId: [null, 7] } });
    expect(newTicketFields({ ...row, assigneeId: null, assigneeName: '王工' })).toMatchObject({ firstResponderId: null, firstResponderName: '王工', changes: { firstResponderName: [null, '王工'] } });
    expect(newTicketFields({ ...row, status: 'new' })).toMatchObject({ firstResponderId: null, firstResponderName: null, changes: {} });
  });

  it('an update cannot take a 10080 ticket below over-level, nor a blank 首问负责人 cell remove the first responder', () => {
    const withResponder = fieldsSetBy(mapHeaders(['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容', '工单级别', '首问负责人']));
    const r = diffImported({ ...stored, level: 'major' }, { ...row, channel: '10080', level: 'major' }, withResponder);
    expect(r.changes).toEqual({ level: ['major', 'overlevel'] });
    expect(diffImported({ ...stored, level: 'overlevel' }, { ...row, channel: '10080', level: 'normal' }, withResponder).changes).toEqual({});
  });

  it('an accepted ticket stored with no first responder gets its 处理人 from a file without that column', () => {
    const r = diffImported({ ...stored, firstResponderId: null }, row, all);
    expect(r).toEqual({ patch: { firstResponderId: 7 }, changes: { firstResponderId: [null, 7] } });
  });
});
