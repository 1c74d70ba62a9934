/**
 * The report says when a period it shows or compares with is partial: the
 * branch's first ticket came on 28 November 2025, so November 2025 (同比 of
 * November 2026) has 3 days of data, October 2026 (环比) all 31, and
 * November 2026 itself is under way on the 2nd.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createTicket } from '../../../src-main/services/tickets';
import { buildReport } from '../../../src-main/services/reports/report';

let t: TestDb;
beforeEach(() => {
  t = tempDb(); // 2026-11-02 10:00 China time
  const sup = addUser(t.ctx, 'sup1', 'supervisor');
  const base = { channel: '10086' as const, categoryId: categoryId(t.ctx, '网络质量>信号覆盖'), level: 'normal' as const, description: '信号差', phone: '13812345678' };
  createTicket(t.ctx, sup, { ...base, ticketNo: 'GD1', receivedAt: Date.parse('2025-11-28T02:00:00Z') });
  createTicket(t.ctx, sup, { ...base, ticketNo: 'GD2', receivedAt: Date.parse('2026-10-15T02:00:00Z'), phone: '13812345679' });
});
afterEach(() => t.close());

describe('report coverage', () => {
  it('marks 同比 as 3 of 30 days, 环比 as whole and the month under way as 2 of 30', () => {
    const r = buildReport(t.ctx, { range: { from: '2026-11-01', to: '2026-11-30' }, filters: {} });
    expect(r.lastYear.coverage).toEqual({ days: 3, ofDays: 30, from: '2025-11-28', to: '2025-11-30', partial: true });
    expect(r.previous.coverage).toEqual({ days: 31, ofDays: 31, from: '2026-10-01', to: '2026-10-31', partial: false });
    expect(r.coverage).toEqual({ days: 2, ofDays: 30, from: '2026-11-01', to: '2026-11-02', partial: true });
  });

  it('a filter does not move where the data begins', () => {
    const r = buildReport(t.ctx, { range: { from: '2026-10-01', to: '2026-10-31' }, filters: { channel: ['store'] } });
    expect(r.coverage.partial).toBe(false);
    expect(r.lastYear.coverage).toEqual({ days: 0, ofDays: 31, from: null, to: null, partial: true });
  });
});
