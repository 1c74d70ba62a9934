import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, fixture, H, type Fixture } from './fixture';
import { addUser } from '../../../helpers/temp-db';
import * as cmd from '../../../../src-main/services/refunds/commands';
import { ticketRefunds } from '../../../../src-main/services/refunds/queries';
import { saveRefundSettings } from '../../../../src-main/services/refunds/admin';
import { refundSettings } from '../../../../src-main/services/refunds/settings';
import type { DomainError } from '../../../../src-main/core/errors';
import { messageFor } from '../../../../src-main/core/messages';

let f: Fixture;
beforeEach(() => (f = fixture()));
afterEach(() => f.t.close());

const entries = () => ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries;

describe('an agent enters ¥80', () => {
  it('waits for a supervisor, who approves; a supervisor executes it with a voucher; every step is in the history', () => {
    const r = f.enter(f.agent, 8000);
    expect(r).toMatchObject({ status: 'pending_approval', requiredRole: 'supervisor', amountFen: 8000 });
    // The agent has no authority over it, and the queue buttons say so.
    expect(ticketRefunds(f.t.ctx, f.agent, f.ticketId).entries[0]!.allowed).toEqual([]);
    expect(ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries[0]!.allowed).toEqual(['approve', 'reject']);

    f.t.clock.advance(H);
    const approved = cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: true, comment: '核实无订购记录' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: f.sup.id, decidedAt: f.t.clock.now });

    f.t.clock.advance(2 * H);
    expect(codeOf(() => cmd.executeRefund(f.t.ctx, f.sup2, r.id, approved.version, '   '))).toBe('reason_required');
    // Paying out is for a supervisor or above: the agent gets no button and is refused.
    expect(ticketRefunds(f.t.ctx, f.agent, f.ticketId).entries[0]!.allowed).toEqual([]);
    expect(codeOf(() => cmd.executeRefund(f.t.ctx, f.agent, r.id, approved.version, 'AGENT-PAID'))).toBe('refund_executor');
    const done = cmd.executeRefund(f.t.ctx, f.sup2, r.id, approved.version, 'TF2026110200001');
    expect(done).toMatchObject({ status: 'executed', voucherNo: 'TF2026110200001', executedBy: f.sup2.id });

    const view = entries()[0]!;
    expect(view.events.map((e) => [e.action, e.actorName, e.fromStatus, e.toStatus])).toEqual([
      ['create', 'AGENT', null, 'draft'],
      ['submit', 'AGENT', 'draft', 'pending_approval'],
      ['approve', 'SUP', 'pending_approval', 'approved'],
      ['execute', 'SUP2', 'approved', 'executed'],
    ]);
    expect(view.events.map((e) => e.at - view.createdAt)).toEqual([0, 0, H, 3 * H]);
    expect(view.events[2]!.note).toBe('核实无订购记录');
    expect(view.allowed).toEqual(['reverse']);
  });

  it('within the agent limit (¥50.00) it is approved on submission by their own authority; above it a second person decides, whoever entered it', () => {
    const r = f.enter(f.agent, 5000);
    expect(r).toMatchObject({ status: 'approved', requiredRole: 'agent', decidedBy: f.agent.id });
    expect(entries()[0]!.events.map((e) => e.action)).toEqual(['create', 'auto_approve']);
    expect(f.enter(f.agent, 5001, { type: 'overcharge' }).status).toBe('pending_approval');
    // Before the amended rule a supervisor's ¥500 was approved on entry by that supervisor.
    expect(f.enter(f.sup, 50_000, { type: 'goodwill_credit' })).toMatchObject({ status: 'pending_approval', requiredRole: 'supervisor' });
    expect(f.enter(f.sup, 50_001, { type: 'compensation' })).toMatchObject({ status: 'pending_approval', requiredRole: 'manager' });
    expect(f.enter(f.mgr, 1000, { type: 'other' })).toMatchObject({ status: 'approved', decidedBy: f.mgr.id });
  });

  it('a draft waits until its enterer submits it', () => {
    const d = f.enter(f.agent, 8000, { submit: false });
    expect(d.status).toBe('draft');
    expect(codeOf(() => cmd.submitRefund(f.t.ctx, f.agent2, d.id, d.version))).toBe('refund_state');
    expect(cmd.submitRefund(f.t.ctx, f.agent, d.id, d.version).status).toBe('pending_approval');
  });

  it('rejection needs a comment and is final', () => {
    const r = f.enter(f.agent, 8000);
    expect(codeOf(() => cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: false, comment: ' ' }))).toBe('reason_required');
    const rej = cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: false, comment: '客户有订购记录' });
    expect(rej).toMatchObject({ status: 'rejected', decisionNote: '客户有订购记录' });
    expect(codeOf(() => cmd.executeRefund(f.t.ctx, f.sup2, r.id, rej.version, 'X1'))).toBe('refund_state');
    expect(entries()[0]!.allowed).toEqual([]);
  });

  it('a stale version is refused rather than applied blind', () => {
    const r = f.enter(f.agent, 8000);
    cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: true, comment: null });
    expect(codeOf(() => cmd.decideRefund(f.t.ctx, f.sup2, r.id, r.version, { approve: false, comment: '不同意' }))).toBe('conflict');
  });
});

describe('approval authority', () => {
  it('nobody approves their own entry, whatever their role', () => {
    const r = f.enter(f.sup, 60_000);
    expect(r.requiredRole).toBe('manager');
    const mgrEntry = (() => {
      saveRefundSettings(f.t.ctx, f.mgr.id, { ...refundSettings(f.t.ctx), secondPersonWithinLimit: true });
      return f.enter(f.mgr, 20_000, { type: 'compensation' });
    })();
    expect(mgrEntry.status).toBe('pending_approval');
    let error: unknown;
    try {
      cmd.decideRefund(f.t.ctx, f.mgr, mgrEntry.id, mgrEntry.version, { approve: true, comment: null });
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).code).toBe('refund_self_approval');
    expect(messageFor(error as DomainError, 'zh-CN')).toBe('不能审批自己录入的退费，须由其他有权限的人审批。');
    expect(ticketRefunds(f.t.ctx, f.mgr, f.ticketId).entries.find((e) => e.id === mgrEntry.id)!.allowed).toEqual([]);
    // Another person with enough authority may.
    expect(cmd.decideRefund(f.t.ctx, f.sup, mgrEntry.id, mgrEntry.version, { approve: true, comment: null }).status).toBe('approved');
  });

  it('a supervisor cannot approve above their limit; a manager can', () => {
    const r = f.enter(f.agent2, 60_000);
    const err = (() => {
      try {
        cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: true, comment: null });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err?.code).toBe('refund_authority');
    expect(messageFor(err!, 'zh-CN')).toBe('该笔退费须由经理审批，超出您的审批权限。');
    expect(messageFor(err!, 'en')).toBe('This entry needs approval by a manager; it is beyond your authority.');
    expect(cmd.decideRefund(f.t.ctx, f.mgr, r.id, r.version, { approve: true, comment: null }).status).toBe('approved');
  });

  it('per-ticket total: past ¥2,000 a manager must approve, even small entries and entries submitted earlier', () => {
    // ¥500 three times, each waiting for a second supervisor (pending entries count): ¥1,500 so far.
    for (const type of ['sp_info_fee', 'overcharge', 'goodwill_credit'] as const) {
      expect(f.enter(f.sup, 50_000, { type })).toMatchObject({ status: 'pending_approval', requiredRole: 'supervisor' });
    }
    // ¥500 more makes exactly ¥2,000: still a supervisor's to approve.
    expect(f.enter(f.sup, 50_000, { type: 'compensation' })).toMatchObject({ status: 'pending_approval', requiredRole: 'supervisor' });
    // One fen over ¥2,000: an agent's ¥0.01 now needs a manager.
    const tiny = f.enter(f.agent, 1, { type: 'other' });
    expect(tiny).toMatchObject({ status: 'pending_approval', requiredRole: 'manager' });
    expect(codeOf(() => cmd.decideRefund(f.t.ctx, f.sup, tiny.id, tiny.version, { approve: true, comment: null }))).toBe('refund_authority');
    expect(ticketRefunds(f.t.ctx, f.sup, f.ticketId).totalFen).toBe(200_001);
  });

  it('the total is judged at approval too: it may have grown since submission', () => {
    saveRefundSettings(f.t.ctx, f.mgr.id, { ...refundSettings(f.t.ctx), ticketTotalFen: 10_000 });
    const a = f.enter(f.agent, 6000); // total ¥60: supervisor
    const b = f.enter(f.agent2, 3000, { type: 'overcharge' }); // total ¥90, within the agent's own limit
    expect(b.status).toBe('approved');
    const c = f.enter(f.agent2, 2000, { type: 'other' }); // total ¥110 > ¥100: manager
    expect(c.requiredRole).toBe('manager');
    // `a` was a supervisor's when submitted; the ticket has since passed its total.
    const view = ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries.find((e) => e.id === a.id)!;
    expect(view).toMatchObject({ requiredRole: 'manager', allowed: [] });
    expect(codeOf(() => cmd.decideRefund(f.t.ctx, f.sup, a.id, a.version, { approve: true, comment: null }))).toBe('refund_authority');
    expect(cmd.decideRefund(f.t.ctx, f.mgr, a.id, a.version, { approve: true, comment: null })).toMatchObject({ requiredRole: 'manager' });
  });
});

describe('separation of duties on money', () => {
  it('a manager’s ¥100,000 waits for another manager; an agent cannot pay it out; a supervisor does, recorded; the voucher is used once', () => {
    const small = f.enter(f.agent, 3000, { type: 'overcharge' }); // ¥30, approved on entry
    const big = f.enter(f.mgr, 10_000_000);
    expect(big).toMatchObject({ status: 'pending_approval', requiredRole: 'manager', decidedBy: null });
    expect(codeOf(() => cmd.decideRefund(f.t.ctx, f.mgr, big.id, big.version, { approve: true, comment: null }))).toBe('refund_self_approval');
    const mgr2 = addUser(f.t.ctx, 'mgr2', 'manager');
    const approved = cmd.decideRefund(f.t.ctx, mgr2, big.id, big.version, { approve: true, comment: '核实' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: mgr2.id });

    let err: DomainError | undefined;
    try {
      cmd.executeRefund(f.t.ctx, f.agent, big.id, approved.version, 'AGENT-PAID');
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.code).toBe('refund_executor');
    expect(messageFor(err!, 'zh-CN')).toBe('只有班长/主管及以上可以执行退费并登记凭证号。');
    const paid = cmd.executeRefund(f.t.ctx, f.sup, big.id, approved.version, 'TF-0001');
    expect(paid).toMatchObject({ status: 'executed', executedBy: f.sup.id, executedByName: 'SUP', voucherNo: 'TF-0001' });

    // The same voucher (in any case) on a second entry is refused, and that entry stays approved.
    try {
      cmd.executeRefund(f.t.ctx, f.sup2, small.id, small.version, ' tf-0001 ');
      err = undefined;
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.code).toBe('refund_voucher_used');
    expect(messageFor(err!, 'en')).toBe(
      `Voucher tf-0001 is already recorded on refund ${big.id} (ticket ${f.ticketNo}); one payment cannot settle two entries. Check the voucher number.`,
    );
    expect(entries().find((e) => e.id === small.id)).toMatchObject({ status: 'approved', voucherNo: null });
    expect(cmd.executeRefund(f.t.ctx, f.sup2, small.id, small.version, 'TF-0002').status).toBe('executed');
  });

  it('the database itself refuses a second entry with a used voucher, whoever writes it', () => {
    const a = f.enter(f.agent, 3000, { type: 'overcharge' });
    const b = f.enter(f.agent, 2000, { type: 'other' });
    cmd.executeRefund(f.t.ctx, f.sup, a.id, a.version, 'TF-9');
    const raw = () => f.t.db.prepare(`UPDATE refunds SET status = 'executed', executed_at = 1, executed_by = ?, voucher_no = 'tf-9' WHERE id = ?`).run(f.sup.id, b.id);
    expect(raw).toThrow(/voucher number already used/);
  });
});

describe('checks', () => {
  it('amount > 0 and ≤ ¥100,000; a reason is required', () => {
    expect(codeOf(() => f.enter(f.agent, 0))).toBe('refund_amount');
    expect(codeOf(() => f.enter(f.agent, 10_000_001))).toBe('refund_amount');
    expect(f.enter(f.mgr, 10_000_000)).toMatchObject({ status: 'pending_approval', requiredRole: 'manager' });
    expect(codeOf(() => f.enter(f.agent, 100, { reason: '  ' }))).toBe('reason_required');
  });

  it('a likely duplicate (same ticket, type, amount within 24 h) needs an explicit confirmation', () => {
    const first = f.enter(f.agent, 3000, { type: 'overcharge' });
    f.t.clock.advance(23 * H);
    let err: DomainError | undefined;
    try {
      f.enter(f.agent2, 3000, { type: 'overcharge' });
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.code).toBe('refund_duplicate');
    expect(err?.details).toEqual({ duplicates: [{ id: first.id, status: 'approved', createdAt: first.createdAt, createdByName: 'AGENT' }] });
    expect(messageFor(err!, 'zh-CN')).toContain('相同类型（多收费退还）、相同金额（¥30.00）');
    expect(entries()).toHaveLength(1);
    // Another type or amount is not a duplicate; confirmation lets it through and is recorded.
    expect(f.enter(f.agent2, 3001, { type: 'overcharge' }).status).toBe('approved');
    const confirmed = f.enter(f.agent2, 3000, { type: 'overcharge', confirmDuplicate: true });
    expect(entries().find((e) => e.id === confirmed.id)!.events[0]!.details).toMatchObject({ confirmedDuplicateOf: [first.id] });
    // After 24 h it is no longer a likely duplicate of the first... but still of the confirmed one.
    f.t.clock.advance(2 * H);
    expect(codeOf(() => f.enter(f.agent, 3000, { type: 'overcharge' }))).toBe('refund_duplicate');
  });

  it('a voided ticket takes no refunds', async () => {
    const { actOnTicket, getTicket } = await import('../../../../src-main/services/tickets');
    actOnTicket(f.t.ctx, f.sup, f.ticketId, getTicket(f.t.ctx, f.sup, f.ticketId).version, { type: 'void', reason: '录错' });
    expect(codeOf(() => f.enter(f.agent, 100))).toBe('refund_state');
  });
});
