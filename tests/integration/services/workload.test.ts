/**
 * A supervisor's workload tools: the team panel's open and overdue counts per
 * assignee, and the batch transfer — one transfer event per ticket moved,
 * each refused ticket reported with its reason, and never half a batch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { ticketInput } from '../../helpers/ticket-input';
import { actOnTicket, createTicket, ticketHistory, type NewTicketInput } from '../../../src-main/services/tickets';
import { transferMany } from '../../../src-main/services/ticket-batch';
import { countByAssignee, teamWorkload } from '../../../src-main/services/workload';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let a1: UserInfo;
let a2: UserInfo;
let sup: UserInfo;
let net: UserInfo;
const H = 3_600_000;

beforeEach(() => {
  t = tempDb();
  a1 = addUser(t.ctx, 'a1', 'agent', '客服中心');
  a2 = addUser(t.ctx, 'a2', 'agent', '客服中心');
  sup = addUser(t.ctx, 'sup1', 'supervisor', '客服中心');
  net = addUser(t.ctx, 'net1', 'agent', '网络部');
});
afterEach(() => t.close());

const input = (over: Partial<NewTicketInput> = {}) => ticketInput(t, over);
const newTicket = (assignee: UserInfo | null, phone: string, receivedAt = t.clock.now - H) =>
  createTicket(t.ctx, sup, input({ phone, receivedAt, assigneeId: assignee?.id ?? null })).ticket;

describe('the team panel', () => {
  it('counts each assignee’s open tickets and those past due now, nobody’s too, closed ones never', () => {
    newTicket(a1, '13800000001');
    newTicket(a1, '13800000002', t.clock.now - 30 * H); // first response (4 h by default) long past
    newTicket(a2, '13800000003');
    newTicket(null, '13800000004', t.clock.now - 30 * H);
    const voided = newTicket(a2, '13800000005');
    actOnTicket(t.ctx, sup, voided.id, voided.version, { type: 'void', reason: '重复登记' });
    const rows = teamWorkload(t.ctx).map((r) => [r.name, r.open, r.overdue]);
    expect(rows).toEqual([
      ['A1', 2, 1],
      [null, 1, 1],
      ['A2', 1, 0],
    ]);
  });
});

describe('batch transfer', () => {
  it('transfers each ticket it may with one event each, and reports the refused ones with the reason', () => {
    const one = newTicket(a1, '13800000001');
    const two = newTicket(a2, '13800000002');
    const closed = actOnTicket(t.ctx, sup, newTicket(a1, '13800000003').id, 1, { type: 'void', reason: '登记错误' });
    const stale = newTicket(a1, '13800000004');
    const r = transferMany(t.ctx, sup, {
      items: [one, two, closed, { id: stale.id, version: stale.version + 5 }, { id: 9999, version: 1 }].map((x) => ({ id: x.id, version: x.version })),
      department: '网络部',
      assigneeId: net.id,
      reason: '属无线网络问题',
    });
    expect(r.transferred).toEqual([one.id, two.id]);
    expect(r.refused.map((x) => [x.id, x.error.code])).toEqual([
      [closed.id, 'illegal_transition'],
      [stale.id, 'conflict'],
      [9999, 'not_found'],
    ]);
    for (const id of [one.id, two.id]) {
      const transfers = ticketHistory(t.ctx, id).filter((e) => e.action === 'transfer');
      expect(transfers).toHaveLength(1);
      expect(transfers[0]).toMatchObject({ actorId: sup.id, changes: { department: [null, '网络部'] } });
    }
    expect(ticketHistory(t.ctx, stale.id).filter((e) => e.action === 'transfer')).toHaveLength(0);
  });

  it('undoes the whole batch when something other than a refusal fails midway', () => {
    const one = newTicket(a1, '13800000001');
    const two = newTicket(a2, '13800000002');
    // The disk fails on the second ticket's event.
    t.db.exec(`CREATE TEMP TRIGGER fail_second BEFORE INSERT ON ticket_events WHEN new.ticket_id = ${two.id} AND new.action = 'transfer'
               BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    expect(() => transferMany(t.ctx, sup, { items: [one, two].map((x) => ({ id: x.id, version: x.version })), department: '网络部', assigneeId: null })).toThrow(/disk I\/O/);
    expect(ticketHistory(t.ctx, one.id).filter((e) => e.action === 'transfer')).toHaveLength(0);
    expect(t.ctx.read.tickets.get(one.id)).toMatchObject({ department: null, assigneeId: a1.id, version: one.version });
  });
});

describe('the list’s tickets per assignee', () => {
  it('counts the filtered tickets each assignee holds, whatever assignee the list is filtered to', () => {
    newTicket(a1, '13800000001');
    newTicket(a1, '13800000002');
    newTicket(a2, '13800000003');
    newTicket(null, '13800000004');
    const closed = newTicket(a2, '13800000005');
    actOnTicket(t.ctx, sup, closed.id, closed.version, { type: 'void', reason: '重复登记' });
    const counts = (filter: Parameters<typeof countByAssignee>[2]) => countByAssignee(t.ctx, sup, filter).map((r) => [r.assigneeId, r.name, r.count]);
    expect(counts({ open: true })).toEqual([
      [a1.id, 'A1', 2],
      [null, null, 1],
      [a2.id, 'A2', 1],
    ]);
    // The list filtered to one assignee still shows every name to switch to.
    expect(counts({ open: true, assigneeId: a1.id })).toEqual(counts({ open: true }));
    expect(counts({ unassigned: true })).toEqual(counts(undefined));
    expect(counts(undefined)).toEqual([
      [a1.id, 'A1', 2],
      [a2.id, 'A2', 2],
      [null, null, 1],
    ]);
  });

  it('matches the search box’s phone part as the list does for this viewer: an agent only by the whole number or its last four digits', () => {
    newTicket(a1, '13812345678');
    expect(countByAssignee(t.ctx, sup, { q: '1234567' }).map((r) => r.count)).toEqual([1]);
    // A middle run of a masked number would read hidden digits back through the counts.
    expect(countByAssignee(t.ctx, a1, { q: '1234567' })).toEqual([]);
    expect(countByAssignee(t.ctx, a1, { q: '5678' }).map((r) => r.count)).toEqual([1]);
  });
});
