import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket, listTickets, type NewTicketInput } from '../../../src-main/services/tickets';
import { ticketClockViews, slaAt, deadlineCounts, urgentClocks } from '../../../src-main/services/deadlines';
import { DeadlineMonitor } from '../../../src-main/services/monitor';
import { acknowledgeAlerts, listAlerts } from '../../../src-main/services/alerts';
import { getPolicy, savePolicy } from '../../../src-main/services/sla-policy';
import type { UserInfo } from '../../../src-main/core/model';
import type { AlertBatch } from '../../../src-main/core/sla/alert-model';
import { DomainError } from '../../../src-main/core/errors';

const H = 3_600_000;
let t: TestDb;
let sup: UserInfo;
let agent: UserInfo;
let timers: Array<{ ms: number }>;
const manualTimers = () => ({
  setTimer: (_fn: () => void, ms: number) => {
    const h = { ms };
    timers.push(h);
    return h;
  },
  clearTimer: () => {},
});

beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
  agent = addUser(t.ctx, 'agent', 'agent', '客服中心');
  timers = [];
});
afterEach(() => t.close());

const input = (over: Partial<NewTicketInput> = {}): NewTicketInput => ({
  channel: '10086',
  receivedAt: t.clock.now,
  phone: '13812345678',
  categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
  level: 'normal',
  description: '信号差',
  district: '南海区',
  ...over,
});
const act = (id: number, action: Parameters<typeof actOnTicket>[4], by = sup) =>
  actOnTicket(t.ctx, by, id, getTicket(t.ctx, by, id).version, action);
const clock = (id: number, kind: string) => ticketClockViews(t.ctx, id).find((c) => c.clock === kind)!;

describe('deadline clocks', () => {
  it('a new 10086 ticket gets first-response and resolution clocks; the list shows the one due first', () => {
    const tk = createTicket(t.ctx, sup, input()).ticket;
    expect(clock(tk.id, 'first_response')).toMatchObject({ dueAt: t.clock.now + 4 * H, state: 'running', elapsedPct: 0 });
    expect(clock(tk.id, 'resolution')).toMatchObject({ dueAt: t.clock.now + 48 * H, state: 'running' });
    expect(ticketClockViews(t.ctx, tk.id).map((c) => c.clock)).toEqual(['first_response', 'resolution']);
    const row = listTickets(t.ctx, sup, { offset: 0, limit: 1 }).rows[0]!;
    expect(row).toMatchObject({ dueAt: t.clock.now + 4 * H, dueClock: 'first_response', warnAt: t.clock.now + 3.2 * H });
  });

  it('escalation recomputes from received_at under the new rule', () => {
    const received = t.clock.now;
    const tk = createTicket(t.ctx, sup, input()).ticket;
    t.clock.advance(1 * H);
    act(tk.id, { type: 'accept' });
    act(tk.id, { type: 'escalate', level: 'major', reason: '客户扬言投诉到工信部' });
    expect(clock(tk.id, 'resolution').dueAt).toBe(received + 24 * H);
    expect(clock(tk.id, 'first_response')).toMatchObject({ state: 'breached', stoppedAt: received + H });
  });

  it('pending_customer pauses the resolution clock; the pause is kept and shown', () => {
    const tk = createTicket(t.ctx, sup, input()).ticket;
    act(tk.id, { type: 'accept' });
    t.clock.advance(2 * H);
    act(tk.id, { type: 'pend', reason: '等客户回家测试' });
    const pausedAt = t.clock.now;
    t.clock.advance(10 * H);
    expect(clock(tk.id, 'resolution')).toMatchObject({ state: 'paused', dueAt: null, pausedMs: 10 * H });
    expect(listTickets(t.ctx, sup, { offset: 0, limit: 1 }).rows[0]!.dueAt).toBeNull();
    act(tk.id, { type: 'resume' });
    const r = clock(tk.id, 'resolution');
    expect(r).toMatchObject({ state: 'running', pauses: [[pausedAt, pausedAt + 10 * H]], pausedMs: 10 * H });
    expect(r.dueAt).toBe(tk.receivedAt + 58 * H);
  });

  it('resolution starts the follow-up clock; closing stops it; reopening starts a new resolution cycle', () => {
    const tk = createTicket(t.ctx, sup, input()).ticket;
    act(tk.id, { type: 'accept' });
    t.clock.advance(5 * H);
    act(tk.id, { type: 'resolve', note: '已优化' });
    expect(clock(tk.id, 'follow_up')).toMatchObject({ state: 'running', dueAt: t.clock.now + 24 * H });
    expect(slaAt(t.ctx, t.clock.now + 20 * H).approaching).toEqual([
      { ticket_no: tk.ticketNo, clock: 'follow_up', due_at: t.clock.now + 24 * H, elapsed_pct: 83.3 },
    ]);
    t.clock.advance(2 * H);
    act(tk.id, { type: 'close', satisfaction: 'satisfied' });
    expect(clock(tk.id, 'follow_up').state).toBe('met');
    t.clock.advance(24 * H);
    act(tk.id, { type: 'reopen', reason: '又断网了' });
    expect(clock(tk.id, 'resolution')).toMatchObject({ startedAt: t.clock.now, dueAt: t.clock.now + 48 * H, state: 'running' });
  });

  it('voiding cancels the running clocks', () => {
    const tk = createTicket(t.ctx, sup, input()).ticket;
    act(tk.id, { type: 'void', reason: '录错' });
    expect(ticketClockViews(t.ctx, tk.id).map((c) => c.state)).toEqual(['cancelled', 'cancelled']);
    expect(deadlineCounts(t.ctx)).toEqual({ breached: 0, approaching: 0, dueWithin2h: 0 });
  });
});

describe('the timeout monitor', () => {
  it('raises approaching at 80 %, breached at 100 %, each once, then climbs the ladder', () => {
    const tk = createTicket(t.ctx, sup, input({ assigneeId: agent.id })).ticket;
    const m = new DeadlineMonitor(t.ctx, manualTimers());
    const batches: AlertBatch[] = [];
    t.ctx.bus.on('alerts', (b) => batches.push(b));
    expect(m.start().alerts).toEqual([]);
    expect(m.nextWake()).toBe(tk.receivedAt + 3.2 * H);
    t.clock.advance(3.2 * H);
    expect(m.wake().alerts.map((a) => [a.clock, a.kind, a.targetRole, a.targetUserId])).toEqual([['first_response', 'approaching', 'assignee', agent.id]]);
    expect(m.wake().alerts).toEqual([]);
    t.clock.advance(0.8 * H);
    expect(m.wake().alerts.map((a) => [a.clock, a.kind])).toEqual([['first_response', 'breached']]);
    t.clock.advance(2 * H);
    expect(m.wake().alerts.map((a) => [a.kind, a.step, a.targetRole])).toEqual([['escalated', 1, 'supervisor']]);
    t.clock.advance(2 * H);
    expect(m.wake().alerts.map((a) => [a.kind, a.step, a.targetRole])).toEqual([['escalated', 2, 'manager']]);
    expect(batches).toHaveLength(4);
    // The notification centre shows the clock once, at its latest stage.
    expect(listAlerts(t.ctx, addUser(t.ctx, 'mgr', 'manager'), { unacknowledgedOnly: false, limit: 50 }).map((e) => [e.clock, e.kind, e.step, e.stages])).toEqual([
      ['first_response', 'escalated', 2, 4],
    ]);
    m.stop();
  });

  it('a clock that stops before its threshold raises nothing', () => {
    const tk = createTicket(t.ctx, sup, input()).ticket;
    const m = new DeadlineMonitor(t.ctx, manualTimers());
    m.start();
    t.clock.advance(1 * H);
    act(tk.id, { type: 'accept' });
    t.clock.advance(10 * H);
    expect(m.wake().alerts.filter((a) => a.clock === 'first_response')).toEqual([]);
    m.stop();
  });

  it('demo data loaded into a running console wakes its monitor', async () => {
    const { seedTickets } = await import('../../../src-main/services/seed');
    const m = new DeadlineMonitor(t.ctx, manualTimers());
    m.start();
    expect(m.nextWake()).toBeNull();
    seedTickets(t.ctx, sup, { tickets: 200, seed: 3, months: 1, end: t.clock.now });
    expect(m.nextWake()).not.toBeNull();
    m.stop();
  });

  it('a more urgent clock wakes the sleeping monitor earlier', () => {
    createTicket(t.ctx, sup, input());
    const m = new DeadlineMonitor(t.ctx, manualTimers());
    m.start();
    expect(m.nextWake()).toBe(t.clock.now + 3.2 * H);
    createTicket(t.ctx, sup, input({ channel: '12300', phone: '13900000000' }));
    expect(m.nextWake()).toBe(t.clock.now + 0.8 * H);
    m.stop();
  });

  it('catches up after three days closed: one grouped batch, each alert stored once', () => {
    for (let i = 0; i < 30; i++) createTicket(t.ctx, sup, input({ phone: `1380000${String(i).padStart(4, '0')}`, district: `D${i}` }));
    t.clock.advance(72 * H);
    const batches: AlertBatch[] = [];
    t.ctx.bus.on('alerts', (b) => batches.push(b));
    const m = new DeadlineMonitor(t.ctx, manualTimers());
    const catchUp = m.start();
    expect(batches).toHaveLength(1);
    expect(catchUp.catchUp).toBe(true);
    // Per ticket: first response and resolution each approaching + breached + 2 escalations.
    expect(catchUp.counts).toEqual({ approaching: 60, breached: 60, escalated: 120 });
    m.stop();
    const again = new DeadlineMonitor(t.ctx, manualTimers());
    expect(again.start().alerts).toEqual([]);
    expect(again.nextWake()).toBeNull();
    again.stop();
  });

  it('alerts are acknowledged with who and when, a clock at a time', () => {
    createTicket(t.ctx, sup, input());
    t.clock.advance(5 * H);
    const m = new DeadlineMonitor(t.ctx, manualTimers());
    // First response (4 h) approaching and breached: two alerts of one clock.
    const ids = m.start().alerts.map((a) => a.id);
    expect(ids).toHaveLength(2);
    t.clock.advance(60_000);
    expect(acknowledgeAlerts(t.ctx, sup, ids)).toBe(1);
    expect(acknowledgeAlerts(t.ctx, sup, ids)).toBe(0);
    const stored = t.db.prepare('SELECT acknowledged_by AS by, acknowledged_at AS at FROM alerts').all();
    expect(stored).toEqual([
      { by: sup.id, at: t.clock.now },
      { by: sup.id, at: t.clock.now },
    ]);
    expect(listAlerts(t.ctx, sup, { unacknowledgedOnly: false, limit: 10 })).toMatchObject([{ acknowledgedByName: 'SUP', unacknowledged: 0, stages: 2 }]);
    expect(listAlerts(t.ctx, sup, { unacknowledgedOnly: true, limit: 10 })).toEqual([]);
    m.stop();
  });
});

describe('deadline views and policy', () => {
  it('counts breached, approaching and due-within-2h; lists the most urgent; filters the list in SQL', () => {
    const a = createTicket(t.ctx, sup, input({ channel: '12300' })).ticket; // first response 1 h
    createTicket(t.ctx, sup, input({ phone: '13900000000' })); // first response 4 h
    t.clock.advance(0.9 * H);
    expect(deadlineCounts(t.ctx)).toEqual({ breached: 0, approaching: 1, dueWithin2h: 1 });
    t.clock.advance(0.2 * H);
    expect(deadlineCounts(t.ctx)).toMatchObject({ breached: 1 });
    expect(urgentClocks(t.ctx, sup, 20)[0]).toMatchObject({ ticketNo: a.ticketNo, clock: 'first_response', state: 'breached' });
    expect(listTickets(t.ctx, sup, { offset: 0, limit: 10, filter: { deadline: 'breached' } }).rows.map((r) => r.id)).toEqual([a.id]);
    const byDue = listTickets(t.ctx, sup, { offset: 0, limit: 10, sort: { field: 'dueAt', dir: 'asc' } });
    expect(byDue.rows[0]!.id).toBe(a.id);
    expect(urgentClocks(t.ctx, agent, 1)[0]!.customer).toBe('138****5678');
  });

  it('keeps the countdown colour thresholds (time left) with the policy; orange must lie within amber', () => {
    expect(getPolicy(t.ctx).timeLeft).toEqual({ soonMs: 8 * H, urgentMs: 2 * H });
    const policy = getPolicy(t.ctx);
    expect(savePolicy(t.ctx, sup.id, { ...policy, timeLeft: { soonMs: 6 * H, urgentMs: 1.5 * H } }).timeLeft).toEqual({ soonMs: 6 * H, urgentMs: 1.5 * H });
    // Left out, they stay as they are.
    const { timeLeft: _kept, ...without } = getPolicy(t.ctx);
    expect(savePolicy(t.ctx, sup.id, without).timeLeft).toEqual({ soonMs: 6 * H, urgentMs: 1.5 * H });
    let refused: unknown = null;
    try {
      savePolicy(t.ctx, sup.id, { ...policy, timeLeft: { soonMs: 1 * H, urgentMs: 2 * H } });
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'validation', params: { field: 'timeLeft', rule: 'order' } });
    expect(getPolicy(t.ctx).timeLeft).toEqual({ soonMs: 6 * H, urgentMs: 1.5 * H });
  });

  it('refuses an invalid policy and recomputes running clocks under a new one', () => {
    const tk = createTicket(t.ctx, sup, input()).ticket;
    const policy = getPolicy(t.ctx);
    const bad = { ...policy, rules: policy.rules.map((r) => (r.id === '10086-normal' ? { ...r, resolutionMin: 0 } : r)) };
    expect(() => savePolicy(t.ctx, sup.id, bad)).toThrow(DomainError);
    const good = { ...policy, rules: policy.rules.map((r) => (r.id === '10086-normal' ? { ...r, resolutionMin: 36 * 60 } : r)) };
    expect(savePolicy(t.ctx, sup.id, good).recomputed).toBe(1);
    expect(clock(tk.id, 'resolution').dueAt).toBe(tk.receivedAt + 36 * H);
  });
});
