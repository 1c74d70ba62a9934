/**
 * Demo tickets are marked (#17 item 6): a database of demo tickets alone is
 * the demo and its reports show them; once a real ticket is there, the report, the
 * month-so-far numbers, the volume warnings' counts, the bundle for
 * headquarters and the Excel/CSV exports count only the branch's real
 * tickets; 移除演示数据 deletes them all with their history and refunds in one
 * audited step and leaves the real ones exactly as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { ticketInput } from '../../helpers/ticket-input';
import { seedDemo } from '../../../src-main/services/seed';
import { demoStatus, removeDemo } from '../../../src-main/services/demo';
import { createTicket, listTickets, ticketHistory } from '../../../src-main/services/tickets';
import { buildReport } from '../../../src-main/services/reports/report';
import { todayNumbers } from '../../../src-main/services/reports/today';
import { ExportReader } from '../../../src-main/db/export-reader';
import { WarningCountReader } from '../../../src-main/db/warning-counts';
import { createRefund } from '../../../src-main/services/refunds/commands';
import { approvalQueue, listRefunds, ticketRefunds } from '../../../src-main/services/refunds/queries';
import { exportSheet, sheetChunk } from '../../../src-main/services/sheets/export-sheet';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let admin: UserInfo;
const NOV = { from: Date.parse('2026-10-31T16:00:00Z'), to: Date.parse('2026-11-30T16:00:00Z') };
beforeEach(() => {
  t = tempDb();
  admin = addUser(t.ctx, 'admin', 'admin');
});
afterEach(() => t.close());

/** The demo (3,000 tickets over six months to now), then one real complaint with a ¥40 refund. */
function demoThenReal() {
  const demo = seedDemo(t.ctx, admin);
  const real = createTicket(t.ctx, admin, ticketInput(t, { phone: '13912345678', description: '真实投诉：家中无信号' })).ticket;
  createRefund(t.ctx, admin, { ticketId: real.id, type: 'overcharge', amountFen: 4000, reason: '多收费退还', submit: true, confirmDuplicate: false });
  return { demo, real };
}

describe('demo tickets while they are there', () => {
  it('are the demo itself in a database of demo tickets alone: its report shows them, to learn the console with', () => {
    seedDemo(t.ctx, admin);
    const report = buildReport(t.ctx, { range: { from: '2026-10-01', to: '2026-10-31' } });
    const inOctober = t.db.prepare("SELECT count(*) FROM tickets WHERE received_at >= ? AND received_at < ? AND status <> 'voided'").pluck().get(Date.parse('2026-09-30T16:00:00Z'), Date.parse('2026-10-31T16:00:00Z'));
    expect(inOctober).toBeGreaterThan(300);
    expect(report.total).toBe(inOctober);
  });

  it('are counted nowhere but the working lists', () => {
    const { demo, real } = demoThenReal();
    expect(demoStatus(t.ctx)).toEqual({ tickets: 3001, demoTickets: 3000, mayLoad: false });
    // The list still shows them (they are there to be tried), its exports do not.
    expect(listTickets(t.ctx, admin, { offset: 0, limit: 10 }).total).toBe(3001);
    expect(listTickets(t.ctx, admin, { offset: 0, limit: 10, filter: { notDemo: true } }).rows.map((r) => [r.id, r.isDemo])).toEqual([[real.id, false]]);
    // Each row says whether it is a demo one (the list's 演示 badge).
    expect(listTickets(t.ctx, admin, { offset: 0, limit: 3001 }).rows.filter((r) => r.isDemo)).toHaveLength(3000);
    expect(listRefunds(t.ctx, admin, { offset: 0, limit: 10, filter: { notDemo: true } }).rows.map((r) => r.ticketId)).toEqual([real.id]);
    expect(listRefunds(t.ctx, admin, { offset: 0, limit: 10 }).total).toBe(demo.refunds + 1);

    const report = buildReport(t.ctx, { range: { from: '2026-11-01', to: '2026-11-30' } });
    expect(report.total).toBe(1);
    expect(report.refunds.total.approved).toBe(1);
    expect(todayNumbers(t.ctx).total).toBe(1);
    const bundle = new ExportReader(t.db);
    expect(bundle.countTickets(NOV.from, NOV.to)).toBe(1);
    expect([...bundle.tickets(0, NOV.to)].map((r) => r.ticket_no)).toEqual([real.ticketNo]);
    expect(bundle.countRefunds(0, NOV.to)).toBe(1);
    expect([...bundle.refunds(0, NOV.to)].length).toBe(1);
    expect(new WarningCountReader(t.db).counts(0, NOV.to).reduce((n, c) => n + c.n, 0)).toBe(1);
  });
});

describe('the approvals queue’s export', () => {
  it('is the demo’s queue in a database of demo tickets alone, and leaves the demo entries out once a real ticket is there (the queue on screen keeps them)', async () => {
    seedDemo(t.ctx, admin);
    const agent = addUser(t.ctx, 'agent-q', 'agent');
    const manager = addUser(t.ctx, 'manager-q', 'manager');
    // ¥800 is above what an agent may grant: it waits in the manager's queue.
    const demoTicket = t.db.prepare("SELECT id FROM tickets WHERE is_demo = 1 AND status = 'in_progress' ORDER BY id LIMIT 1").pluck().get() as number;
    createRefund(t.ctx, agent, { ticketId: demoTicket, type: 'overcharge', amountFen: 80_000, reason: '演示：多收费', submit: true, confirmDuplicate: false });
    const demoNo = t.db.prepare('SELECT ticket_no FROM tickets WHERE id = ?').pluck().get(demoTicket) as string;
    /** The ticket numbers in the exported file (one chunk: a few rows). */
    const exported = async (job: string) => {
      const out = await exportSheet(t.ctx, manager, { jobId: job, format: 'csv', locale: 'zh-CN', request: { kind: 'approvals' } });
      const text = Buffer.from(sheetChunk(manager, out.fileId, 0).data, 'base64').toString('utf8');
      return text.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]);
    };
    expect(approvalQueue(t.ctx, manager).map((i) => [i.ticket.id, i.ticket.isDemo])).toEqual([[demoTicket, true]]);
    expect(await exported('approvals-demo-alone')).toEqual([demoNo]);

    const real = createTicket(t.ctx, agent, ticketInput(t, { phone: '13912345678', description: '真实投诉：家中无信号' })).ticket;
    createRefund(t.ctx, agent, { ticketId: real.id, type: 'overcharge', amountFen: 80_000, reason: '多收费退还', submit: true, confirmDuplicate: false });
    expect(await exported('approvals-beside-real')).toEqual([real.ticketNo]);
    expect(approvalQueue(t.ctx, manager).map((i) => i.ticket.isDemo).sort()).toEqual([false, true]);
  });
});

describe('removing the demo data', () => {
  it('deletes every demo ticket with its history and refunds in one audited step, and leaves the real ones as they were', () => {
    const { demo, real } = demoThenReal();
    const realHistory = ticketHistory(t.ctx, real.id);
    const realRefunds = ticketRefunds(t.ctx, admin, real.id);
    t.clock.advance(60_000);
    expect(removeDemo(t.ctx, admin)).toEqual({ tickets: 3000, refunds: demo.refunds });
    expect(demoStatus(t.ctx)).toEqual({ tickets: 1, demoTickets: 0, mayLoad: false });
    expect(listTickets(t.ctx, admin, { offset: 0, limit: 10 })).toMatchObject({ total: 1, rows: [{ id: real.id }] });
    expect(ticketHistory(t.ctx, real.id)).toEqual(realHistory);
    expect(ticketRefunds(t.ctx, admin, real.id)).toEqual(realRefunds);
    for (const table of ['ticket_events', 'ticket_clocks', 'alerts', 'refunds', 'refund_events']) {
      expect(t.db.prepare(`SELECT count(*) FROM ${table} WHERE ticket_id <> ?`).pluck().get(real.id), table).toBe(0);
    }
    expect(t.db.prepare('SELECT n FROM ticket_count').pluck().get()).toBe(1);
    const audit = t.ctx.audit.list(5).find((a) => a.action === 'demo.remove')!;
    expect(audit).toMatchObject({ at: t.clock.now, actorId: admin.id, details: { tickets: 3000, refunds: demo.refunds } });
    // Nothing left to remove: a second time removes nothing and says so.
    expect(removeDemo(t.ctx, admin)).toEqual({ tickets: 0, refunds: 0 });
    // A real ticket is still never deleted, whoever asks.
    expect(() => t.db.prepare('DELETE FROM tickets WHERE id = ?').run(real.id)).toThrow(/never deleted/);
  });

  it('records who loaded the demo', () => {
    seedDemo(t.ctx, admin);
    expect(t.ctx.audit.list(5).find((a) => a.action === 'demo.load')).toMatchObject({ actorId: admin.id, details: { tickets: 3000 } });
  });
});
