/**
 * Breach causes: settling a ticket whose clock was missed asks for a cause
 * from the branch's list (refused without one, nothing written), and the
 * Pareto of causes by period and department. Pinned at 3 November 2026 12:00
 * China time; 10086 normal tickets resolve in 48 h.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { backfillClocks } from '../../../src-main/db/clock-backfill';
import { actOnTicket } from '../../../src-main/services/tickets';
import { breachCauseOptions, breachCausePareto } from '../../../src-main/services/breach-causes';
import { cn } from '../reports/fixture';
import { refusal } from '../../helpers/refusal';
import { breachTicket } from './breach-tickets';

let t: TestDb;
afterEach(() => t.close());

const AT = cn(2026, 11, 3, 12);

describe('breach causes', () => {
  it('the shipped list is the studies’ seven causes, 其他 needing words', () => {
    t = tempDb(AT);
    const o = breachCauseOptions(t.ctx);
    expect(o.map((x) => x.nameZh)).toEqual(['工单堆积', '派单不准', '故障定位不准', '等待其他部门', '联系不上客户', '系统故障', '其他']);
    expect(o.filter((x) => x.needsText).map((x) => x.code)).toEqual(['other']);
  });

  it('settling a missed ticket needs a cause; an on-time one does not; the Pareto counts them', () => {
    t = tempDb(AT);
    const sup = addUser(t.ctx, 'zhang', 'supervisor', '客服中心');
    const t1 = breachTicket(t, 'T1', cn(2026, 11, 1, 9), '客服中心'); // due 3 Nov 09:00: missed
    const t2 = breachTicket(t, 'T2', cn(2026, 11, 3, 9), '客服中心'); // due 5 Nov: on time
    const t3 = breachTicket(t, 'T3', cn(2026, 10, 30, 10), '网络部');
    const t4 = breachTicket(t, 'T4', cn(2026, 11, 1, 8), '网络部');
    const t5 = breachTicket(t, 'T5', cn(2026, 10, 31, 10), '客服中心');
    backfillClocks(t.ctx.db);
    const resolve = (id: number, breachCause?: string, breachCauseText?: string) =>
      actOnTicket(t.ctx, sup, id, 1, { type: 'resolve', note: '已处理', breachCause, breachCauseText });

    expect(refusal(() => resolve(t1))).toBe('请填写超时原因。');
    expect(refusal(() => resolve(t1, 'other'))).toBe('请填写超时原因说明。');
    expect(refusal(() => resolve(t1, 'nope'))).toMatch(/超时原因/);
    // Nothing was written by the refusals.
    expect(t.ctx.read.tickets.get(t1)!.status).toBe('in_progress');
    expect(t.ctx.db.prepare('SELECT count(*) AS n FROM ticket_breach_causes').get()).toEqual({ n: 0 });

    resolve(t1, 'backlog');
    expect(resolve(t2).status).toBe('resolved');
    resolve(t3, 'wrong_dispatch');
    resolve(t4, 'backlog');
    resolve(t5, 'other', '客户改约');
    expect(t.ctx.db.prepare('SELECT ticket_id AS id, cause, detail, recorded_by AS by FROM ticket_breach_causes ORDER BY ticket_id').all()).toEqual([
      { id: t1, cause: 'backlog', detail: null, by: sup.id },
      { id: t3, cause: 'wrong_dispatch', detail: null, by: sup.id },
      { id: t4, cause: 'backlog', detail: null, by: sup.id },
      { id: t5, cause: 'other', detail: '客户改约', by: sup.id },
    ]);

    // October 30 – November 3: backlog 2 of 4 (50 %), then 派单不准 and 其他 one each (75 %, 100 %).
    const all = breachCausePareto(t.ctx, { range: { from: '2026-10-30', to: '2026-11-03' } });
    expect(all.total).toBe(4);
    expect(all.causes.map((c) => [c.key, c.count, c.share, c.cumulative, c.vital, c.ticketIds])).toEqual([
      ['backlog', 2, 0.5, 0.5, true, [t4, t1]],
      ['wrong_dispatch', 1, 0.25, 0.75, true, [t3]],
      ['other', 1, 0.25, 1, true, [t5]],
    ]);
    // November alone: T1 and T4, both backlog.
    const nov = breachCausePareto(t.ctx, { range: { from: '2026-11-01', to: '2026-11-03' } });
    expect(nov.causes.map((c) => [c.key, c.count, c.cumulative])).toEqual([['backlog', 2, 1]]);
    // 网络部: T3 派单不准, T4 堆积.
    const net = breachCausePareto(t.ctx, { range: { from: '2026-10-30', to: '2026-11-03' }, filters: { department: ['网络部'] } });
    expect(net.causes.map((c) => [c.label, c.count, c.cumulative])).toEqual([
      ['工单堆积', 1, 0.5],
      ['派单不准', 1, 1],
    ]);
  });
});
