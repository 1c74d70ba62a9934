/**
 * Today's tiles and lists count tickets, each with its worst clock, and each
 * tile is the total of the ticket list's filter of the same name; "due within
 * 2 h" lists the clocks that can still be saved, apart from the breached ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket, listTickets, type NewTicketInput } from '../../../src-main/services/tickets';
import { deadlineCounts } from '../../../src-main/services/deadlines';
import { ticketsAtRisk } from '../../../src-main/services/deadline-tickets';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
let t: TestDb;
let sup: UserInfo;
let agent: UserInfo;
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor');
  agent = addUser(t.ctx, 'agent', 'agent');
});
afterEach(() => t.close());

let phones = 0;
function ticket(receivedAt: number, over: Partial<NewTicketInput> = {}): number {
  return createTicket(t.ctx, sup, {
    channel: '10086',
    receivedAt,
    phone: `1380000${String(++phones).padStart(4, '0')}`,
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    district: `D${phones}`,
    ...over,
  }).ticket.id;
}

describe("Today's deadline tiles and lists", () => {
  // Limits: 12300 first response 1 h, resolution 12 h; 10086 first response 4 h (warns at 3.2 h), resolution 48 h.
  const T0 = Date.parse('2026-11-02T02:00:00Z');
  let ids: Record<string, number>;
  beforeEach(() => {
    t.clock.now = T0;
    ids = {
      // Both clocks missed by now (T0 + 11 h): first response due T0 − 1 h, resolution T0 + 10 h.
      twiceMissed: ticket(T0 - 2 * H, { channel: '12300' }),
      // First response missed (due T0 + 1 h); resolution due T0 + 12 h: still savable.
      missedAndSavable: ticket(T0, { channel: '12300' }),
      // Responded in time: resolution due T0 + 48 h, nothing at risk.
      calm: ticket(T0),
    };
    t.clock.now = T0 + 0.5 * H;
    actOnTicket(t.ctx, sup, ids.calm!, getTicket(t.ctx, sup, ids.calm!).version, { type: 'accept' });
    // First response due T0 + 11.5 h, past its warning (T0 + 10.7 h) by now.
    t.clock.now = T0 + 7.5 * H;
    ids.warned = ticket(t.clock.now);
    // First response due T0 + 12 h, not yet warned (T0 + 11.2 h).
    t.clock.now = T0 + 8 * H;
    ids.fresh = ticket(t.clock.now);
    t.clock.now = T0 + 11 * H;
  });
  const listTotal = (deadline: 'breached' | 'within2h' | 'approaching') =>
    listTickets(t.ctx, sup, { offset: 0, limit: 1, filter: { deadline } }).total;
  const name = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];

  it('counts tickets, not clocks: two missed clocks of one ticket are one breached ticket', () => {
    expect(deadlineCounts(t.ctx)).toEqual({ breached: 2, approaching: 1, dueWithin2h: 3 });
  });

  it("each tile is the total of the ticket list's filter of the same name", () => {
    expect([listTotal('breached'), listTotal('approaching'), listTotal('within2h')]).toEqual([2, 1, 3]);
  });

  it('the breached list shows each ticket once with its worst clock, the latest breach first', () => {
    const breached = ticketsAtRisk(t.ctx, sup, 'breached', 20);
    expect(breached.total).toBe(2);
    expect(breached.rows.map((r) => [name(r.ticketId), r.clock, r.dueAt, r.state])).toEqual([
      ['missedAndSavable', 'first_response', T0 + 1 * H, 'breached'],
      ['twiceMissed', 'first_response', T0 - 1 * H, 'breached'],
    ]);
  });

  it('"save these first" lists the clocks due within 2 h, soonest first, apart from the breached ones', () => {
    const save = ticketsAtRisk(t.ctx, agent, 'within2h', 20);
    expect(save.total).toBe(3);
    expect(save.rows.map((r) => [name(r.ticketId), r.clock, r.dueAt])).toEqual([
      ['warned', 'first_response', T0 + 11.5 * H],
      ['missedAndSavable', 'resolution', T0 + 12 * H],
      ['fresh', 'first_response', T0 + 12 * H],
    ]);
    // Agents see customers masked.
    expect(save.rows[0]!.customer).toMatch(/^138\*{4}\d{4}$/);
  });

  it('a short list still says how many there are in all', () => {
    expect(ticketsAtRisk(t.ctx, sup, 'within2h', 1)).toMatchObject({ total: 3, rows: [{ ticketId: ids.warned }] });
  });
});
