/**
 * `sla --at T` answers for T: every ticket received before T and not settled
 * at T, read from the recorded times — including tickets closed or reopened
 * since, whose clocks today are not the ones that ran at T.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';
import { slaAt } from '../../../src-main/services/deadlines';
import { importFile } from '../../../src-main/services/import/run';
import type { UserInfo } from '../../../src-main/core/model';
import { writeCsv } from '../import/files';

const H = 3_600_000;
let t: TestDb;
let sup: UserInfo;
let T0: number;
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
  T0 = t.clock.now;
});
afterEach(() => t.close());

const register = (phone: string) =>
  createTicket(t.ctx, sup, {
    channel: '10086', receivedAt: t.clock.now, phone, categoryId: categoryId(t.ctx, '宽带'), level: 'normal', description: '断网',
  }).ticket;
const act = (id: number, action: Parameters<typeof actOnTicket>[4]) => actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action);
const at = (hours: number) => T0 + hours * H;
const advanceTo = (hours: number) => (t.clock.now = at(hours));

describe('sla --at a past instant', () => {
  it('lists a ticket that was late at T though it is closed now; leaves out what had not arrived or was settled', () => {
    // 10086 normal: first response 4 h, resolution 48 h, follow-up 24 h.
    const late = register('13800000001');
    advanceTo(1);
    act(late.id, { type: 'accept' });
    advanceTo(2);
    const early = register('13800000002');
    advanceTo(3);
    act(early.id, { type: 'accept' });
    advanceTo(10);
    act(early.id, { type: 'resolve', note: '已修复', breachCause: 'backlog' });
    act(early.id, { type: 'close', satisfaction: 'satisfied' });
    advanceTo(60);
    const later = register('13800000003');
    act(late.id, { type: 'resolve', note: '已修复', breachCause: 'backlog' });
    advanceTo(61);
    act(late.id, { type: 'close', satisfaction: 'satisfied' });
    act(later.id, { type: 'accept' });
    advanceTo(100);

    // At 50 h: `late`'s resolution (due 48 h) ran 50 h: 104.2 %. `early` was settled; `later` had not arrived.
    expect(slaAt(t.ctx, at(50))).toEqual({
      approaching: [],
      breached: [{ ticket_no: late.ticketNo, clock: 'resolution', due_at: at(48), elapsed_pct: 104.2 }],
    });
    // At 40 h the same clock was approaching (83.3 %).
    expect(slaAt(t.ctx, at(40)).approaching).toEqual([{ ticket_no: late.ticketNo, clock: 'resolution', due_at: at(48), elapsed_pct: 83.3 }]);
    // Now (100 h) only `later` runs: its resolution, from 60 h, is at 40 h of 48.
    expect(slaAt(t.ctx, t.clock.now)).toEqual({
      approaching: [{ ticket_no: later.ticketNo, clock: 'resolution', due_at: at(108), elapsed_pct: 83.3 }],
      breached: [],
    });
  });

  it('a ticket reopened since T is read with the cycle that ran at T', () => {
    const tk = register('13800000001');
    advanceTo(1);
    act(tk.id, { type: 'accept' });
    advanceTo(10);
    act(tk.id, { type: 'resolve', note: '已修复', breachCause: 'backlog' });
    advanceTo(33);
    act(tk.id, { type: 'reopen', reason: '又断网' });
    advanceTo(40);
    act(tk.id, { type: 'resolve', note: '已修复', breachCause: 'backlog' });
    act(tk.id, { type: 'close', satisfaction: 'satisfied' });
    advanceTo(100);
    // At 32 h the follow-up of the first resolution had run 22 h of 24: 91.7 %.
    expect(slaAt(t.ctx, at(32))).toEqual({
      approaching: [{ ticket_no: tk.ticketNo, clock: 'follow_up', due_at: at(34), elapsed_pct: 91.7 }],
      breached: [],
    });
  });

  it('an imported ticket closed without a close time is never listed; one open at T by its recorded times is', async () => {
    advanceTo(100);
    const head = ['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容', '处理状态', '首次响应时间', '办结时间'];
    const iso = (hours: number) => new Date(at(hours)).toISOString();
    const file = writeCsv(t.dir, 'crm.csv', [
      head,
      ['I1', '10086', iso(0), '13800000011', '宽带', '断网', '已回访关闭', iso(1), iso(20)],
      ['I2', '10086', iso(0), '13800000012', '宽带', '断网', '已办结', iso(1), iso(70)],
    ]);
    await importFile(t.ctx, sup, file);
    // At 60 h: I1's follow-up (from 20 h) is settled untimed; I2 was still unresolved at 60 h (48 h limit).
    expect(slaAt(t.ctx, at(60))).toEqual({
      approaching: [],
      breached: [{ ticket_no: 'I2', clock: 'resolution', due_at: at(48), elapsed_pct: 125 }],
    });
  });
});
