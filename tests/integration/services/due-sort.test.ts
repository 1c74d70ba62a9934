/**
 * The ticket list sorted by its due column: tickets without a running clock
 * (closed, voided, waiting on the customer) come last in either direction,
 * newest first, and the total never shrinks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket, listTickets, type NewTicketInput } from '../../../src-main/services/tickets';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
let t: TestDb;
let sup: UserInfo;
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
});
afterEach(() => t.close());

let phone = 0;
function ticket(over: Partial<NewTicketInput> = {}): number {
  const id = createTicket(t.ctx, sup, {
    channel: '10086',
    receivedAt: t.clock.now,
    phone: `1380000${String(++phone).padStart(4, '0')}`,
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    district: `D${phone}`,
    ...over,
  }).ticket.id;
  t.clock.advance(H);
  return id;
}
const act = (id: number, action: Parameters<typeof actOnTicket>[4]) => actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action);

describe('sorting the ticket list by due time', () => {
  let ids: Record<string, number>;
  beforeEach(() => {
    // Received an hour apart, in this order. 10086 first response: 4 h; 12300: 1 h.
    ids = {
      closed: ticket(), // received 0 h, closed below: no running clock
      first: ticket(), // received 1 h: first response due 5 h
      voided: ticket(), // received 2 h, voided: no running clock
      urgent: ticket({ channel: '12300' }), // received 3 h: first response due 4 h
      last: ticket(), // received 4 h: first response due 8 h
    };
    act(ids.closed!, { type: 'accept' });
    act(ids.closed!, { type: 'resolve', note: '已处理', breachCause: 'backlog' });
    act(ids.closed!, { type: 'close', satisfaction: 'satisfied' });
    act(ids.voided!, { type: 'void', reason: '录错' });
  });
  const order = (dir: 'asc' | 'desc', offset = 0, limit = 10) => {
    const page = listTickets(t.ctx, sup, { offset, limit, sort: { field: 'dueAt', dir } });
    const name = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];
    return { names: page.rows.map((r) => name(r.id)), total: page.total };
  };

  it('soonest due first, then the tickets with no due time, newest first; none left out', () => {
    expect(order('asc')).toEqual({ names: ['urgent', 'first', 'last', 'voided', 'closed'], total: 5 });
  });

  it('latest due first also puts the tickets with no due time last', () => {
    expect(order('desc')).toEqual({ names: ['last', 'first', 'urgent', 'voided', 'closed'], total: 5 });
  });

  it('a page that straddles the two parts joins them without a gap or a repeat', () => {
    expect(order('asc', 0, 2).names).toEqual(['urgent', 'first']);
    expect(order('asc', 2, 2).names).toEqual(['last', 'voided']);
    expect(order('asc', 4, 2).names).toEqual(['closed']);
    expect(order('asc', 6, 2)).toEqual({ names: [], total: 5 });
  });

  it('filters still apply to both parts', () => {
    const page = listTickets(t.ctx, sup, { offset: 0, limit: 10, sort: { field: 'dueAt', dir: 'asc' }, filter: { channel: ['10086'] } });
    expect(page.rows.map((r) => r.id)).toEqual([ids.first, ids.last, ids.voided, ids.closed]);
    expect(page.total).toBe(4);
  });

  it('the part with no due time is one walk of its own index (migration 0011), not a read of every ticket before the page', () => {
    const plan = t.db
      .prepare('EXPLAIN QUERY PLAN SELECT t.id FROM tickets t WHERE t.due_at IS NULL ORDER BY t.received_at DESC, t.id DESC LIMIT 100 OFFSET 500000')
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX tickets_without_due/);
    expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/TEMP B-TREE/);
  });
});
