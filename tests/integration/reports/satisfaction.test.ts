/**
 * A reopened ticket keeps every rating in its history, and a month's
 * satisfaction counts each ticket's latest rating (docs/KPIS.md): reopening a
 * ticket closed as 不满意 does not make the answer disappear from the figures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';
import { buildReport } from '../../../src-main/services/reports/report';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let sup: UserInfo;
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
});
afterEach(() => t.close());

const act = (id: number, action: Parameters<typeof actOnTicket>[4]) => actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action);
const october = () => buildReport(t.ctx, { range: { from: '2026-10-01', to: '2026-10-31' } });

describe('satisfaction of a reopened ticket', () => {
  it('keeps counting the latest rating: 不满意 until the customer answers again, then the new answer', () => {
    const tk = createTicket(t.ctx, sup, {
      channel: '10086', receivedAt: Date.parse('2026-10-20T02:00:00Z'), phone: '13800000001',
      categoryId: categoryId(t.ctx, '宽带'), level: 'normal', description: '断网',
    }).ticket;
    act(tk.id, { type: 'accept' });
    act(tk.id, { type: 'resolve', note: '已修复', breachCause: 'backlog' });
    act(tk.id, { type: 'close', satisfaction: 'dissatisfied' });
    expect(october()).toMatchObject({ rated: 1, satisfied: 0, satisfactionRate: 0 });

    const reopened = act(tk.id, { type: 'reopen', reason: '又断网' });
    expect(reopened.satisfaction).toBe('dissatisfied');
    expect(october()).toMatchObject({ rated: 1, satisfied: 0, satisfactionRate: 0 });

    act(tk.id, { type: 'resolve', note: '更换光猫', breachCause: 'backlog' });
    act(tk.id, { type: 'close', satisfaction: 'satisfied' });
    expect(october()).toMatchObject({ rated: 1, satisfied: 1, satisfactionRate: 1 });

    // Both answers are in the history (newest first), each on its close.
    const ratings = t.ctx.read.tickets.history(tk.id).filter((e) => e.action === 'close').map((e) => e.changes.satisfaction);
    expect(ratings).toEqual([['dissatisfied', 'satisfied'], [null, 'dissatisfied']]);
    expect(t.ctx.read.tickets.history(tk.id).find((e) => e.action === 'reopen')!.changes.satisfaction).toBeUndefined();
  });
});
