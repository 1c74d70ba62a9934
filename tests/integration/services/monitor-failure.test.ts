/**
 * A wake-up of the timeout monitor that throws must not stop the alerts for
 * good: it is logged and retried, the pause doubling with each failure in a row.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createTicket } from '../../../src-main/services/tickets';
import { DeadlineMonitor } from '../../../src-main/services/monitor';
import type { ServiceContext } from '../../../src-main/services/context';
import type { AlertBatch } from '../../../src-main/core/sla/alert-model';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
let t: TestDb;
let sup: UserInfo;
let agent: UserInfo;
/** While true, the monitor's reading of the clock throws, as a broken database read would. */
let failing: boolean;
let monitorCtx: ServiceContext;
let timers: Array<{ fn: () => void; ms: number }>;
let logged: string[];

beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
  agent = addUser(t.ctx, 'agent', 'agent', '客服中心');
  failing = false;
  monitorCtx = {
    ...t.ctx,
    now: () => {
      if (failing) throw new Error('disk I/O error');
      return t.clock.now;
    },
  };
  timers = [];
  logged = [];
});
afterEach(() => t.close());

const monitor = () =>
  new DeadlineMonitor(monitorCtx, {
    setTimer: (fn, ms) => {
      const h = { fn, ms };
      timers.push(h);
      return h;
    },
    clearTimer: (h) => {
      timers = timers.filter((x) => x !== h);
    },
    log: (line) => logged.push(line),
    maxSleepMs: 24 * H,
    retryMs: 1000,
    maxRetryMs: 4000,
  });
/** Fire the one pending timer, as the event loop would; returns the next pause. */
const fire = () => {
  expect(timers).toHaveLength(1);
  const [timer] = timers.splice(0, 1);
  timer!.fn();
  return timers[0]?.ms;
};
const newTicket = (phone = '13812345678') =>
  createTicket(t.ctx, sup, {
    channel: '10086',
    receivedAt: t.clock.now,
    phone,
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    district: '南海区',
    assigneeId: agent.id,
  }).ticket;

describe('a wake-up of the monitor that throws', () => {
  it('is logged and retried after 1, 2, 4, 4 s; once it succeeds the alerts come and the pauses start over', () => {
    newTicket();
    const m = monitor();
    const batches: AlertBatch[] = [];
    t.ctx.bus.on('alerts', (b) => batches.push(b));
    m.start();
    expect(timers.map((x) => x.ms)).toEqual([3.2 * H]);
    t.clock.advance(3.2 * H);
    failing = true;
    expect(fire()).toBe(1000);
    expect(fire()).toBe(2000);
    expect(fire()).toBe(4000);
    expect(fire()).toBe(4000);
    expect(logged).toHaveLength(4);
    expect(logged[0]).toContain('wake-up failed (1 in a row), retrying in 1 s');
    expect(logged[0]).toContain('disk I/O error');
    expect(logged[3]).toContain('(4 in a row), retrying in 4 s');
    expect(batches).toEqual([]);

    failing = false;
    // Back to sleeping until the next alert: breach at 4 h, 0.8 h from now.
    expect(fire()).toBe(0.8 * H);
    expect(batches.map((b) => b.alerts.map((a) => [a.clock, a.kind, a.targetUserId]))).toEqual([[['first_response', 'approaching', agent.id]]]);
    t.clock.advance(0.8 * H);
    expect(fire()).toBe(2 * H);
    expect(batches[1]!.alerts.map((a) => [a.clock, a.kind])).toEqual([['first_response', 'breached']]);

    failing = true;
    expect(fire()).toBe(1000);
    expect(logged[4]).toContain('(1 in a row)');
    m.stop();
    expect(timers).toEqual([]);
  });

  it('at start: the catch-up is retried and still reported as the catch-up', () => {
    newTicket();
    t.clock.advance(72 * H);
    const batches: AlertBatch[] = [];
    t.ctx.bus.on('alerts', (b) => batches.push(b));
    const m = monitor();
    failing = true;
    expect(m.start()).toEqual({ alerts: [], catchUp: true, counts: { approaching: 0, breached: 0, escalated: 0 } });
    expect(logged).toHaveLength(1);
    failing = false;
    fire();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.catchUp).toBe(true);
    // First response and resolution: approaching, breached and two escalations each.
    expect(batches[0]!.counts).toEqual({ approaching: 2, breached: 2, escalated: 4 });
    m.stop();
  });

  it('while rescheduling for a ticket change: the change still lands, the monitor retries', () => {
    const m = monitor();
    m.start();
    failing = true;
    const tk = newTicket();
    expect(t.ctx.read.tickets.get(tk.id)).toBeDefined();
    expect(logged).toHaveLength(1);
    expect(timers.map((x) => x.ms)).toEqual([1000]);
    failing = false;
    expect(fire()).toBe(3.2 * H);
    m.stop();
  });
});
