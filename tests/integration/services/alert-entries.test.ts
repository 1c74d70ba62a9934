/**
 * The notification centre: one entry per clock at its latest stage, each role
 * seeing (and acknowledging) the alerts addressed to it or below, and a flood
 * of alerts from an import arriving as one grouped notice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createTicket } from '../../../src-main/services/tickets';
import { DeadlineMonitor } from '../../../src-main/services/monitor';
import { acknowledgeAlerts, listAlerts, unacknowledgedAlerts } from '../../../src-main/services/alerts';
import { importFile } from '../../../src-main/services/import/run';
import { noticesFor } from '../../../src-main/hosts/electron/alert-notices';
import { DomainError } from '../../../src-main/core/errors';
import type { UserInfo } from '../../../src-main/core/model';
import type { AlertBatch } from '../../../src-main/core/sla/alert-model';
import { HEADER, writeCsv } from '../import/files';

const H = 3_600_000;
let t: TestDb;
let agent: UserInfo;
let sup: UserInfo;
let mgr: UserInfo;
let admin: UserInfo;
let monitor: DeadlineMonitor;
let batches: AlertBatch[];

beforeEach(() => {
  t = tempDb();
  agent = addUser(t.ctx, 'agent', 'agent');
  sup = addUser(t.ctx, 'sup', 'supervisor');
  mgr = addUser(t.ctx, 'mgr', 'manager');
  admin = addUser(t.ctx, 'root', 'admin');
  batches = [];
  t.ctx.bus.on('alerts', (b) => batches.push(b));
  // The timer never fires on its own: each test wakes the monitor when it means to.
  monitor = new DeadlineMonitor(t.ctx, { setTimer: () => ({}), clearTimer: () => {} });
});
afterEach(() => {
  monitor.stop();
  t.close();
});

let phones = 0;
/** A 10086 ticket assigned to the agent (or `assignee`): first response due in 4 h (approaching at 3.2 h), resolution in 48 h. */
function ticket(assignee: UserInfo | null = agent): number {
  return createTicket(t.ctx, sup, {
    channel: '10086',
    receivedAt: t.clock.now,
    phone: `1380000${String(++phones).padStart(4, '0')}`,
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    district: `D${phones}`,
    assigneeId: assignee?.id ?? null,
  }).ticket.id;
}
const entries = (who: UserInfo, unacknowledgedOnly = true) => listAlerts(t.ctx, who, { unacknowledgedOnly, limit: 100 });
const stages = (who: UserInfo) => entries(who).map((e) => [e.clock, e.kind, e.targetRole, e.stages]);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return [e.code, e.params];
  }
  return null;
};

describe('one entry per clock', () => {
  it('four alerts of a clock are one entry, at the latest stage its viewer may see', () => {
    ticket();
    t.clock.advance(8 * H); // due at 4 h, supervisor at 6 h, manager at 8 h
    expect(monitor.start().alerts).toHaveLength(4);
    expect(stages(agent)).toEqual([['first_response', 'breached', 'assignee', 2]]);
    expect(stages(sup)).toEqual([['first_response', 'escalated', 'supervisor', 3]]);
    expect(stages(mgr)).toEqual([['first_response', 'escalated', 'manager', 4]]);
    expect(stages(admin)).toEqual([['first_response', 'escalated', 'manager', 4]]);
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([1, 1, 1]);
  });

  it("acknowledging an entry acknowledges the clock for the acknowledger's rungs; higher rungs stay open", () => {
    ticket();
    t.clock.advance(8 * H);
    monitor.start();
    expect(acknowledgeAlerts(t.ctx, agent, [entries(agent)[0]!.id])).toBe(1);
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([0, 1, 1]);
    expect(acknowledgeAlerts(t.ctx, sup, [entries(sup)[0]!.id])).toBe(1);
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([0, 0, 1]);
    // The manager still sees the whole clock, acknowledged up to the supervisor's rung.
    expect(entries(mgr)).toMatchObject([{ kind: 'escalated', step: 2, stages: 4, unacknowledged: 1 }]);
    expect(acknowledgeAlerts(t.ctx, mgr, [entries(mgr)[0]!.id])).toBe(1);
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([0, 0, 0]);
    expect(t.db.prepare('SELECT target_role AS r, acknowledged_by AS by FROM alerts ORDER BY id').all()).toEqual([
      { r: 'assignee', by: agent.id },
      { r: 'assignee', by: agent.id },
      { r: 'supervisor', by: sup.id },
      { r: 'manager', by: mgr.id },
    ]);
  });

  it('an agent cannot acknowledge an escalation addressed to the manager, and a refused request changes nothing', () => {
    ticket();
    ticket();
    t.clock.advance(8 * H);
    monitor.start();
    const [managers, own] = [entries(mgr), entries(agent)];
    expect(managers).toHaveLength(2);
    expect(codeOf(() => acknowledgeAlerts(t.ctx, agent, [own[0]!.id, managers[0]!.id]))).toEqual(['forbidden', { needed: 'manager' }]);
    expect(codeOf(() => acknowledgeAlerts(t.ctx, sup, [managers[1]!.id]))).toEqual(['forbidden', { needed: 'manager' }]);
    expect(t.db.prepare('SELECT count(*) FROM alerts WHERE acknowledged_at IS NOT NULL').pluck().get()).toBe(0);
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([2, 2, 2]);
    expect(codeOf(() => acknowledgeAlerts(t.ctx, agent, [999_999]))).toEqual(['not_found', { what: 'alert', id: 999_999 }]);
  });

  it('a stage raised after the clock was acknowledged opens the entry again, at that stage', () => {
    ticket();
    monitor.start();
    t.clock.advance(3.2 * H);
    monitor.wake();
    expect(stages(agent)).toEqual([['first_response', 'approaching', 'assignee', 1]]);
    acknowledgeAlerts(t.ctx, agent, [entries(agent)[0]!.id]);
    expect(entries(agent)).toEqual([]);
    t.clock.advance(0.8 * H);
    monitor.wake();
    expect(entries(agent)).toMatchObject([{ clock: 'first_response', kind: 'breached', stages: 2, unacknowledged: 1 }]);
  });

  it("an agent sees and acknowledges only their own tickets' alerts; a supervisor sees every ticket's", () => {
    const colleague = addUser(t.ctx, 'agent2', 'agent');
    const mine = ticket(agent);
    const theirs = ticket(colleague);
    const nobodys = ticket(null);
    t.clock.advance(4 * H); // each first response just breached: assignee-rung alerts only
    monitor.start();
    const ticketsOf = (who: UserInfo) => entries(who).map((e) => e.ticketId).sort((a, b) => a - b);
    expect(ticketsOf(agent)).toEqual([mine]);
    expect(ticketsOf(colleague)).toEqual([theirs]);
    expect(ticketsOf(sup)).toEqual([mine, theirs, nobodys]);
    expect([agent, colleague, sup].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([1, 1, 3]);
    const theirEntry = entries(sup).find((e) => e.ticketId === theirs)!;
    expect(codeOf(() => acknowledgeAlerts(t.ctx, agent, [theirEntry.id]))).toEqual(['forbidden', { needed: 'supervisor' }]);
    expect(unacknowledgedAlerts(t.ctx, colleague)).toBe(1);
    expect(acknowledgeAlerts(t.ctx, colleague, [theirEntry.id])).toBe(1);
    expect([agent, colleague, sup].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([1, 0, 2]);
  });

  it("an agent's bell counts only what is addressed to agents", () => {
    ticket();
    t.clock.advance(3.5 * H); // approaching only
    monitor.start();
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([1, 1, 1]);
    acknowledgeAlerts(t.ctx, mgr, [entries(mgr)[0]!.id]);
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([0, 0, 0]);
  });
});

describe('an import that raises many alerts at once', () => {
  it('500 past-due rows: one grouped notice, one entry per clock', async () => {
    monitor.start();
    // Received every 30 minutes from 1 October; first response recorded, not resolved:
    // each ticket's resolution clock (at most 48 h) is long past due and past both escalations.
    const rows = Array.from({ length: 500 }, (_, i) => {
      const received = new Date(Date.parse('2026-10-01T01:00:00Z') + i * 30 * 60_000);
      const local = (d: Date) => new Date(d.getTime() + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
      return [
        `FLOOD${String(i).padStart(3, '0')}`,
        '10086热线',
        local(received),
        `1390000${String(i).padStart(4, '0')}`,
        '',
        '城关区',
        '多收费',
        '套餐外多扣费',
        '普通',
        '处理中',
        '',
        local(new Date(received.getTime() + 10 * 60_000)),
        '',
        '',
      ];
    });
    const r = await importFile(t.ctx, sup, writeCsv(t.dir, 'flood.csv', [HEADER, ...rows]));
    expect(r).toMatchObject({ inserted: 500, rejected: [] });
    const batch = monitor.wake();
    expect(batches).toHaveLength(1);
    expect(batch.counts).toEqual({ approaching: 500, breached: 500, escalated: 1000 });
    expect(noticesFor(batch, 'zh-CN')).toEqual([
      { title: expect.any(String), body: '500 个工单已超时并升级', ticketId: null },
    ]);
    const managers = listAlerts(t.ctx, mgr, { unacknowledgedOnly: true, limit: 1000 });
    expect(managers).toHaveLength(500);
    expect(new Set(managers.map((e) => e.ticketId)).size).toBe(500);
    expect(managers.every((e) => e.clock === 'resolution' && e.kind === 'escalated' && e.step === 2 && e.stages === 4)).toBe(true);
    // The rows name no assignee: no agent's bell rings for them, the supervisors' and managers' do.
    expect([agent, sup, mgr].map((u) => unacknowledgedAlerts(t.ctx, u))).toEqual([0, 500, 500]);
  });
});
