/**
 * The refunds list (#17 item 7): each row carries its execution deadline read
 * as the ticket page reads it (72 h from approval, the refund clock), the
 * overdue filter finds those past it, and only someone who may execute gets
 * the list's 执行; beside the approvals queue, a supervisor sees the entries
 * someone else must decide, with no step for him.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, fixture, H, type Fixture } from './fixture';
import * as cmd from '../../../../src-main/services/refunds/commands';
import { approvalQueue, listRefunds, ticketRefunds, totalsOfRefunds, waitingForOthers } from '../../../../src-main/services/refunds/queries';

let f: Fixture;
beforeEach(() => (f = fixture()));
afterEach(() => f.t.close());

const page = (viewer = f.sup, filter = {}) => listRefunds(f.t.ctx, viewer, { offset: 0, limit: 100, sort: { field: 'createdAt', dir: 'asc' }, filter });

describe('the refunds list’s execution deadline', () => {
  it('shows each approved entry’s due time 72 h from its approval, flags the overdue ones and filters them', () => {
    const t0 = f.t.clock.now;
    const small = f.enter(f.agent, 4000); // within the agent limit: approved on submission at t0
    const mid = f.enter(f.agent, 8000); // needs a supervisor
    const big = f.enter(f.agent, 60000); // needs a manager, still pending
    f.t.clock.advance(H);
    const midApproved = cmd.decideRefund(f.t.ctx, f.sup, mid.id, mid.version, { approve: true, comment: null });
    expect(small.status).toBe('approved');

    f.t.clock.advance(71.5 * H); // t0 + 72.5 h: the small one's 72 h are over, the other has half an hour left
    const rows = page().rows;
    expect(rows.map((r) => [r.id, r.status, r.clock?.dueAt ?? null, r.clock?.state ?? null])).toEqual([
      [small.id, 'approved', t0 + 72 * H, 'breached'],
      [mid.id, 'approved', t0 + 73 * H, 'running'],
      [big.id, 'pending_approval', null, null],
    ]);
    // The same reading as the ticket page's.
    const onTicket = ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries.map((e) => [e.id, e.clock]);
    expect(rows.map((r) => [r.id, r.clock])).toEqual(onTicket);

    expect(page(f.sup, { overdue: true }).rows.map((r) => r.id)).toEqual([small.id]);
    expect(page(f.sup, { overdue: true }).total).toBe(1);
    expect(totalsOfRefunds(f.t.ctx, { overdue: true }).count).toBe(1);

    // Executed, it leaves the overdue list and shows as done late.
    cmd.executeRefund(f.t.ctx, f.sup, small.id, page().rows[0]!.version, 'PZ-0001');
    expect(page(f.sup, { overdue: true }).rows).toEqual([]);
    expect(page().rows[0]!.clock).toMatchObject({ stoppedAt: f.t.clock.now, state: 'breached' });

    f.t.clock.advance(H); // t0 + 73.5 h: now the supervisor-approved one is late too
    expect(page(f.sup, { overdue: true }).rows.map((r) => [r.id, r.version])).toEqual([[mid.id, midApproved.version]]);
  });

  it('offers 执行 from the list only where the ticket page would: an approved entry, to a supervisor or above', () => {
    const approved = f.enter(f.agent, 4000);
    const pending = f.enter(f.agent, 8000);
    const may = (viewer: typeof f.sup) => page(viewer).rows.map((r) => [r.id, r.mayExecute]);
    expect(may(f.sup)).toEqual([
      [approved.id, true],
      [pending.id, false],
    ]);
    expect(may(f.mgr)).toEqual(may(f.sup));
    expect(may(f.agent)).toEqual([
      [approved.id, false],
      [pending.id, false],
    ]);
    // The server checks again whatever a page offered: an agent calling execute is refused, nothing written.
    expect(codeOf(() => cmd.executeRefund(f.t.ctx, f.agent, approved.id, approved.version, 'PZ-0002'))).toBe('refund_executor');
    expect(page().rows[0]!.status).toBe('approved');
    // A row shown before someone else executed it is refused at its old version.
    cmd.executeRefund(f.t.ctx, f.sup2, approved.id, approved.version, 'PZ-0003');
    expect(codeOf(() => cmd.executeRefund(f.t.ctx, f.sup, approved.id, approved.version, 'PZ-0004'))).toBe('conflict');
  });
});

describe('entries waiting for someone else', () => {
  it('shows a supervisor the manager’s entries and his own beside his queue, each without a step for him', () => {
    const forSup = f.enter(f.agent, 8000); // a supervisor's decision
    const forMgr = f.enter(f.agent, 60000); // above a supervisor's authority
    const hisOwn = f.enter(f.sup, 9000); // a supervisor's decision, but not his: he entered it
    const ids = (items: ReturnType<typeof waitingForOthers>) => items.map((i) => i.entry.id);

    expect(ids(approvalQueue(f.t.ctx, f.sup))).toEqual([forSup.id]);
    const waiting = waitingForOthers(f.t.ctx, f.sup);
    expect(ids(waiting)).toEqual([forMgr.id, hisOwn.id]);
    expect(waiting.map((i) => [i.entry.requiredRole, i.entry.allowed])).toEqual([
      ['manager', []],
      ['supervisor', []],
    ]);
    expect(waiting[0]!.ticket.ticketNo).toBe(f.ticketNo);

    expect(ids(approvalQueue(f.t.ctx, f.sup2))).toEqual([forSup.id, hisOwn.id]);
    expect(ids(waitingForOthers(f.t.ctx, f.sup2))).toEqual([forMgr.id]);
    // A manager decides all three: nothing waits for anyone else.
    expect(ids(approvalQueue(f.t.ctx, f.mgr))).toEqual([forSup.id, forMgr.id, hisOwn.id]);
    expect(waitingForOthers(f.t.ctx, f.mgr)).toEqual([]);
  });
});
