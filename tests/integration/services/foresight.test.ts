/**
 * Foresight on a small hand-made history. 10086 tickets: resolution limit
 * 48 h, warning at 80 % (38.4 h). The peer group (信号覆盖, 网络部) settled in
 * the last six months took 10, 30, 34, 40, 50, 60 and 70 h (median 40 h), i.e.
 * those hours ÷ 48 of their limit. Two more settled tickets must not count:
 * one of another department (200 h) and one settled 200 days ago (100 h).
 *
 * The rule (core/sla/foresight.ts FORESIGHT_RULE): no queue term, likely to
 * miss once 40 % of the comparable peers went past their limit. At T0:
 *   C, received 20 h ago: peers still running at 20 h are 30, 34, 40, 50, 60, 70;
 *     what they had left: 10, 14, 20, 30, 40, 50; due in 28 h;
 *     3 of those 6 took longer than 48 h → risk 0.5 → likely to miss.
 *     The finish is the 3rd largest left (3 late of 6 is the fewest reaching 40 %): 30 h, past the due time.
 *   A, received 5 h ago: left 5, 25, 29, 35, 45, 55, 65, due in 43 h;
 *     3 of the 7 (50, 60, 70 h) over 48 h → risk 3/7 ≈ 0.43 → likely to miss too; finish the 3rd largest, 45 h.
 *   B, another department with one settled peer → no estimate.
 *   D, like C but unassigned: the same estimate (the agent's queue counts for nothing).
 *   E, received 40 h ago: already warned (and with only 3 peers left, no estimate).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { signalTickets, type SignalTickets } from '../../helpers/signal-tickets';
import { forecastTicket, likelyToMiss } from '../../../src-main/services/foresight';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse('2026-11-02T02:00:00Z');
let t: TestDb;
let sup: UserInfo;
let agent: UserInfo;
let other: UserInfo;

let tickets: SignalTickets;
const ticket = (...a: Parameters<SignalTickets['open']>) => tickets.open(...a);
const act = (...a: Parameters<SignalTickets['act']>) => tickets.act(...a);
/** A ticket received at `receivedAt` and resolved `hours` later. */
const settled = (...a: Parameters<SignalTickets['settle']>) => void tickets.settle(...a);

let ids: Record<string, number>;
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor');
  tickets = signalTickets(t, sup);
  agent = addUser(t.ctx, 'agent', 'agent');
  other = addUser(t.ctx, 'other', 'agent');
  [10, 30, 34, 40, 50, 60, 70].forEach((h, i) => settled(T0 - (30 + i) * DAY, h));
  settled(T0 - 20 * DAY, 200, { department: '客服部' });
  settled(T0 - 205 * DAY, 100);
  ids = {
    C: ticket(T0 - 20 * H, { assigneeId: agent.id }),
    A: ticket(T0 - 5 * H, { assigneeId: agent.id }),
    B: ticket(T0 - 1 * H, { assigneeId: agent.id, department: '客服部' }),
    D: ticket(T0 - 20 * H),
    E: ticket(T0 - 40 * H, { assigneeId: other.id }),
  };
  t.clock.now = T0;
});
afterEach(() => t.close());

describe('likely to miss (foresight)', () => {
  // C: 20 h of its 48 h used; comparable peers (over 20 h) 30, 34, 40, 50, 60, 70 had 10, 14, 20, 30, 40, 50 h left; over the 28 h left: 30, 40, 50 → 3 / 6.
  // k = 3 (3 / 6 reaches 40 %, 2 / 6 does not): the 3rd largest left, 30 h → finish T0 + 30 h, past the due T0 + 28 h.
  const C = { dueAt: T0 + 28 * H, finishAt: T0 + 30 * H, missRisk: 0.5, peerMedianMs: 40 * H, peers: 6, reason: '同类工单在此进度时 50%（3/6）最终超时，剩 28 小时' };

  it('flags C, D and A (due first): not yet warned, at least 40 % of their comparable peers over the limit, with the reason', () => {
    expect(likelyToMiss(t.ctx, sup, 20)).toEqual({
      total: 3,
      rows: [
        { ticketId: ids.C, ticketNo: expect.any(String), ...C },
        { ticketId: ids.D, ticketNo: expect.any(String), ...C },
        {
          ticketId: ids.A,
          ticketNo: expect.any(String),
          dueAt: T0 + 43 * H,
          finishAt: T0 + 45 * H,
          missRisk: 3 / 7,
          peerMedianMs: 40 * H,
          peers: 7,
          reason: '同类工单在此进度时 43%（3/7）最终超时，剩 43 小时',
        },
      ],
    });
  });

  it('says the reason in English when asked', () => {
    expect(likelyToMiss(t.ctx, sup, 20, 'en').rows[0]!.reason).toBe('50% of like tickets at this stage went on to miss (3 of 6); 28 h left');
  });

  it('an agent sees their own tickets only', () => {
    expect(likelyToMiss(t.ctx, agent, 20).rows.map((r) => r.ticketId)).toEqual([ids.C, ids.A]);
    expect(likelyToMiss(t.ctx, other, 20)).toEqual({ total: 0, rows: [] });
  });

  it('a settled ticket that used little of its limit does not move a ticket past it: A settled after 5 h leaves C as it was', () => {
    act(ids.A!, { type: 'accept' });
    act(ids.A!, { type: 'resolve', note: '已处理', breachCause: 'backlog' });
    // An hour on, A (settled at T0, after 5 h) is a peer at 5 / 48 of its limit: below C's 21 / 48, so not comparable;
    // C's comparable peers had 9, 13, 19, 29, 39, 49 h left → the 3rd largest 29 h → T0 + H + 29 h = T0 + 30 h as before; the group's median is now (34 + 40) / 2 = 37 h.
    t.clock.now = T0 + H;
    expect(likelyToMiss(t.ctx, sup, 20).rows.map(({ ticketId, finishAt, missRisk, peerMedianMs }) => ({ ticketId, finishAt, missRisk, peerMedianMs }))).toEqual([
      { ticketId: ids.C, finishAt: T0 + 30 * H, missRisk: 0.5, peerMedianMs: 37 * H },
      { ticketId: ids.D, finishAt: T0 + 30 * H, missRisk: 0.5, peerMedianMs: 37 * H },
    ]);
  });
});

describe('the ticket page forecast (deadlines/forecast)', () => {
  it('C: 3 of 6 like tickets went over: likely to miss, and settles at T0 + 30 h, past its limit at T0 + 28 h; two other tickets in the queue', () => {
    expect(forecastTicket(t.ctx, ids.C!)).toEqual({
      state: 'estimate',
      queueAhead: 2,
      ticketId: ids.C,
      ticketNo: expect.any(String),
      dueAt: T0 + 28 * H,
      warnAt: T0 - 20 * H + 38.4 * H,
      finishAt: T0 + 30 * H,
      missRisk: 0.5,
      peerMedianMs: 40 * H,
      peers: 6,
      likelyToMiss: true,
      reason: '同类工单在此进度时 50%（3/6）最终超时，剩 28 小时',
    });
  });

  it('A: left 5, 25, 29, 35, 45, 55, 65 h, due in 43 h; 3 of the 7 (50, 60, 70 h) took over 48 h → k = 3, the 3rd largest 45 h', () => {
    const f = forecastTicket(t.ctx, ids.A!, 'en');
    expect(f).toMatchObject({ state: 'estimate', finishAt: T0 + 45 * H, dueAt: T0 + 43 * H, likelyToMiss: true, missRisk: 3 / 7, peers: 7 });
    expect(f.state === 'estimate' && f.reason).toBe('43% of like tickets at this stage went on to miss (3 of 7); 43 h left');
  });
  it('too few like tickets says so: B has one peer (客服部), E three still running past its 40 h', () => {
    expect(forecastTicket(t.ctx, ids.B!)).toEqual({ state: 'unknown', peers: 1, minPeers: 5 });
    expect(forecastTicket(t.ctx, ids.E!)).toEqual({ state: 'unknown', peers: 3, minPeers: 5 });
  });

  it('a settled ticket has no forecast', () => {
    act(ids.A!, { type: 'accept' });
    // Its first response (1 h) was missed: settling it takes a cause.
    act(ids.A!, { type: 'resolve', note: '已处理', breachCause: 'backlog' });
    expect(forecastTicket(t.ctx, ids.A!)).toEqual({ state: 'none' });
  });

  it('agrees with Today’s list for every open ticket', () => {
    const today = likelyToMiss(t.ctx, sup, 20).rows;
    for (const r of today) expect(forecastTicket(t.ctx, r.ticketId)).toMatchObject({ state: 'estimate', finishAt: r.finishAt, missRisk: r.missRisk, likelyToMiss: true });
  });
});
