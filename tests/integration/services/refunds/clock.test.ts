/** The 72-hour execution deadline is a clock like any other: the monitor alerts on it, `sla` lists it, the ticket shows it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, H, type Fixture } from './fixture';
import * as cmd from '../../../../src-main/services/refunds/commands';
import { ticketRefunds } from '../../../../src-main/services/refunds/queries';
import { saveRefundSettings } from '../../../../src-main/services/refunds/admin';
import { refundSettings } from '../../../../src-main/services/refunds/settings';
import { DeadlineMonitor } from '../../../../src-main/services/monitor';
import { slaAt, ticketClockViews } from '../../../../src-main/services/deadlines';
import { actOnTicket, getTicket } from '../../../../src-main/services/tickets';

let f: Fixture;
let timers: number[];
const manual = () => ({ setTimer: (_fn: () => void, ms: number) => timers.push(ms), clearTimer: () => {} });
beforeEach(() => {
  f = fixture();
  timers = [];
});
afterEach(() => f.t.close());

/** Settle the ticket's own clocks so only the refund clock is left to watch. */
function quietTicket() {
  const act = (a: Parameters<typeof actOnTicket>[4]) => actOnTicket(f.t.ctx, f.sup, f.ticketId, getTicket(f.t.ctx, f.sup, f.ticketId).version, a);
  act({ type: 'accept' });
  act({ type: 'resolve', note: '已退费' });
  act({ type: 'close', satisfaction: 'satisfied' });
}

const refundClock = (id: number) => ticketClockViews(f.t.ctx, f.ticketId).find((c) => c.clock === 'refund' && c.subjectId === id);

describe('the refund execution clock', () => {
  it('starts at approval with 72 h, raises approaching at 80 % and breached at 100 % through the monitor, and shows in sla', () => {
    quietTicket();
    const m = new DeadlineMonitor(f.t.ctx, manual());
    expect(m.start().alerts).toEqual([]);
    const r = f.enter(f.agent, 8000);
    expect(refundClock(r.id)).toBeUndefined(); // no clock while it waits for approval
    f.t.clock.advance(H);
    const approvedAt = f.t.clock.now;
    cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: true, comment: null });
    expect(refundClock(r.id)).toMatchObject({ startedAt: approvedAt, dueAt: approvedAt + 72 * H, state: 'running' });
    // The approval woke the monitor for the new clock's first alert.
    expect(m.nextWake()).toBe(approvedAt + 57.6 * H);
    expect(f.t.db.prepare('SELECT due_at AS dueAt, due_clock AS dueClock FROM tickets WHERE id = ?').get(f.ticketId)).toEqual({
      dueAt: approvedAt + 72 * H,
      dueClock: 'refund',
    });

    f.t.clock.advance(57.6 * H);
    const approaching = m.wake().alerts;
    expect(approaching.map((a) => [a.clock, a.subjectId, a.kind])).toEqual([['refund', r.id, 'approaching']]);
    expect(slaAt(f.t.ctx, f.t.clock.now)).toEqual({
      approaching: [{ ticket_no: f.ticketNo, clock: 'refund', due_at: approvedAt + 72 * H, elapsed_pct: 80 }],
      breached: [],
    });

    f.t.clock.advance(14.4 * H);
    expect(m.wake().alerts.map((a) => [a.clock, a.kind])).toEqual([['refund', 'breached']]);
    expect(slaAt(f.t.ctx, f.t.clock.now).breached).toEqual([{ ticket_no: f.ticketNo, clock: 'refund', due_at: approvedAt + 72 * H, elapsed_pct: 100 }]);
    expect(ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries[0]!.clock).toMatchObject({ state: 'breached', elapsedPct: 100 });
    m.stop();
  });

  it('stops at execution: no more alerts, nothing in sla, the clock shows met', () => {
    quietTicket();
    const m = new DeadlineMonitor(f.t.ctx, manual());
    m.start();
    const r = f.enter(f.agent, 3000); // within the agent's own limit: approved at once, clock starts now
    const startedAt = f.t.clock.now;
    expect(refundClock(r.id)).toMatchObject({ startedAt, state: 'running' });
    f.t.clock.advance(10 * H);
    cmd.executeRefund(f.t.ctx, f.sup2, r.id, r.version, 'TF001');
    expect(refundClock(r.id)).toMatchObject({ stoppedAt: startedAt + 10 * H, state: 'met' });
    f.t.clock.advance(100 * H);
    expect(m.wake().alerts).toEqual([]);
    expect(slaAt(f.t.ctx, f.t.clock.now)).toEqual({ approaching: [], breached: [] });
    expect(f.t.db.prepare('SELECT due_at AS dueAt FROM tickets WHERE id = ?').get(f.ticketId)).toEqual({ dueAt: null });
    m.stop();
  });

  it('a rejected entry never has a clock; a reversal gets its own when approved', () => {
    quietTicket();
    const r = f.enter(f.agent, 8000);
    cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: false, comment: '不符合退费条件' });
    expect(refundClock(r.id)).toBeUndefined();
    const ok = f.enter(f.agent, 4000, { type: 'overcharge' });
    cmd.executeRefund(f.t.ctx, f.sup2, ok.id, ok.version, 'TF002');
    cmd.reverseRefund(f.t.ctx, f.agent2, ok.id, '重复退费，冲正');
    const rev = ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries.find((e) => e.reversesId === ok.id)!;
    expect(rev).toMatchObject({ status: 'approved', amountFen: -4000 });
    expect(refundClock(rev.id)).toMatchObject({ state: 'running' });
    expect(refundClock(ok.id)).toMatchObject({ state: 'met' });
    expect(slaAt(f.t.ctx, f.t.clock.now + 60 * H).approaching.map((i) => i.clock)).toEqual(['refund']);
  });

  it('the hours are a setting: a change moves running clocks, not finished ones', () => {
    const a = f.enter(f.agent, 3000);
    const b = f.enter(f.agent, 2000, { type: 'overcharge' });
    cmd.executeRefund(f.t.ctx, f.sup2, b.id, b.version, 'TF003');
    saveRefundSettings(f.t.ctx, f.mgr.id, { ...refundSettings(f.t.ctx), executeWithinHours: 48 });
    expect(refundSettings(f.t.ctx).executeWithinHours).toBe(48);
    expect(refundClock(a.id)).toMatchObject({ dueAt: a.createdAt + 48 * H, limitMs: 48 * H });
    expect(refundClock(b.id)).toMatchObject({ limitMs: 72 * H });
    const later = f.enter(f.agent, 1000, { type: 'other' });
    expect(refundClock(later.id)!.limitMs).toBe(48 * H);
  });

  it('ticket changes leave refund clocks alone', () => {
    const a = f.enter(f.agent, 3000);
    quietTicket();
    expect(refundClock(a.id)).toMatchObject({ state: 'running', startedAt: a.createdAt });
  });
});

describe('the refund clock and the SLA policy', () => {
  it('new alert thresholds re-plan a running refund clock without changing its limit', async () => {
    const { getPolicy, savePolicy } = await import('../../../../src-main/services/sla-policy');
    const r = f.enter(f.agent, 8000);
    cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: true, comment: null });
    const approvedAt = f.t.clock.now;
    const policy = getPolicy(f.t.ctx);
    savePolicy(f.t.ctx, f.sup.id, { ...policy, alerts: { ...policy.alerts, thresholds: [0.5] } });
    const row = f.t.db.prepare("SELECT limit_ms AS limitMs, next_alert_at AS nextAlertAt FROM ticket_clocks WHERE clock = 'refund'").get();
    expect(row).toEqual({ limitMs: 72 * H, nextAlertAt: approvedAt + 36 * H });
  });
});
