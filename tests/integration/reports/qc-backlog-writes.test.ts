/**
 * 工单堆积率 stays exact as tickets change: the backlog reads each ticket's
 * resolution due time from the ticket row (tickets.resolution_due_at, kept by
 * triggers on the clocks, migration 0028), so after every kind of write the
 * days must still be what the ticket's present record gives. Each step's
 * days are worked by hand, and also checked against the definition asked of
 * the tickets and their clock rows directly.
 *
 * 1–4 November 2026, China time, measured at 6 November 12:00, so each day at
 * its end: E1 = 2 Nov 00:00, E2 = 3 Nov, E3 = 4 Nov, E4 = 5 Nov. Default
 * policy: 10086 normal resolves in 48 h, major in 24 h.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';
import { removeDemo } from '../../../src-main/services/demo';
import { importFile } from '../../../src-main/services/import/run';
import { qcReport } from '../../../src-main/services/reports/qc';
import type { UserInfo } from '../../../src-main/core/model';
import { writeCsv } from '../import/files';
import { cn } from './fixture';

const REPORT_AT = cn(2026, 11, 6, 12);
const RANGE = { from: '2026-11-01', to: '2026-11-04' };
const ENDS = [cn(2026, 11, 2), cn(2026, 11, 3), cn(2026, 11, 4), cn(2026, 11, 5)];
let t: TestDb;
let sup: UserInfo;
let admin: UserInfo;
let phones = 0;

function open(receivedAt: number): number {
  t.clock.now = receivedAt;
  const id = createTicket(t.ctx, sup, {
    channel: '10086',
    receivedAt,
    phone: `1390000${String(++phones).padStart(4, '0')}`,
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    district: `D${phones}`,
    department: '网络部',
  }).ticket.id;
  act(id, receivedAt, { type: 'accept' });
  return id;
}
function act(id: number, at: number, action: Parameters<typeof actOnTicket>[4]): void {
  t.clock.now = at;
  actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action);
}
const resolve = (id: number, at: number) => act(id, at, { type: 'resolve', note: '已处理', breachCause: 'backlog' });

/** The definition, asked of the tickets and their resolution clock rows (not the column the backlog reads). */
function byDefinition(): Array<[number, number]> {
  const count = t.db.prepare(
    `SELECT count(*) AS open, coalesce(sum(c.due_at IS NOT NULL AND c.due_at < @i), 0) AS late
     FROM tickets t LEFT JOIN ticket_clocks c ON c.ticket_id = t.id AND c.clock = 'resolution' AND c.subject_id = 0
     WHERE t.status <> 'voided' AND t.received_at < @i AND (t.resolved_at IS NULL OR t.resolved_at >= @i)`,
  );
  return ENDS.map((i) => {
    const r = count.get({ i }) as { open: number; late: number };
    return [r.open, r.late];
  });
}

/** Each day's [open, overdue] as reports/qc gives them, after checking they are the definition's. */
function days(): Array<[number, number]> {
  t.clock.now = REPORT_AT;
  const got = qcReport(t.ctx, { range: RANGE }).backlog.days.map((d): [number, number] => [d.open, d.overdue]);
  expect(got).toEqual(byDefinition());
  return got;
}

beforeEach(() => {
  t = tempDb(REPORT_AT);
  sup = addUser(t.ctx, 'sup', 'supervisor');
  admin = addUser(t.ctx, 'admin', 'admin');
});
afterEach(() => t.close());

describe('the daily backlog after each kind of write', () => {
  it('follows inserts, settles, a reopen, a pause, a level change, a void, demo removal and an import', async () => {
    expect(days()).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);

    // A, received 1 Nov 10:00: due 3 Nov 10:00, overdue from E3.
    const a = open(cn(2026, 11, 1, 10));
    expect(days()).toEqual([[1, 0], [1, 0], [1, 1], [1, 1]]);
    // B, received 2 Nov 09:00: due 4 Nov 09:00, overdue at E4.
    const b = open(cn(2026, 11, 2, 9));
    expect(days()).toEqual([[1, 0], [2, 0], [2, 1], [2, 2]]);

    // A settled 3 Nov 15:00: open at E1 and E2 only.
    resolve(a, cn(2026, 11, 3, 15));
    expect(days()).toEqual([[1, 0], [2, 0], [1, 0], [1, 1]]);
    // Reopened 4 Nov 08:00: no resolution time, so open on every day; its clock starts again, due 6 Nov 08:00.
    act(a, cn(2026, 11, 4, 8), { type: 'reopen', reason: '客户不满意' });
    expect(days()).toEqual([[1, 0], [2, 0], [2, 0], [2, 1]]);

    // B waits on the customer from 3 Nov 12:00: its due time is unknown, so it is overdue nowhere.
    act(b, cn(2026, 11, 3, 12), { type: 'pend', reason: '等客户回电' });
    expect(days()).toEqual([[1, 0], [2, 0], [2, 0], [2, 0]]);
    // Back at 18:00: six hours later than before, due 4 Nov 15:00, still overdue at E4.
    act(b, cn(2026, 11, 3, 18), { type: 'resume' });
    expect(days()).toEqual([[1, 0], [2, 0], [2, 0], [2, 1]]);
    // Escalated to major: 24 h from arrival plus the pause, due 3 Nov 15:00, overdue from E3.
    act(b, cn(2026, 11, 3, 19), { type: 'escalate', level: 'major', reason: '客户投诉升级' });
    expect(days()).toEqual([[1, 0], [2, 0], [2, 1], [2, 1]]);

    // C in and settled between two day ends counts nowhere; D, received 4 Nov 23:00, is open at E4.
    resolve(open(cn(2026, 11, 4, 20)), cn(2026, 11, 4, 22));
    const d = open(cn(2026, 11, 4, 23));
    expect(days()).toEqual([[1, 0], [2, 0], [2, 1], [3, 1]]);

    // B voided: never counts.
    act(b, REPORT_AT, { type: 'void', reason: '重复工单' });
    expect(days()).toEqual([[1, 0], [1, 0], [1, 0], [2, 0]]);

    // D was a demo ticket, removed with the demo: gone.
    t.db.prepare('UPDATE tickets SET is_demo = 1 WHERE id = ?').run(d);
    t.clock.now = REPORT_AT;
    removeDemo(t.ctx, admin);
    expect(days()).toEqual([[1, 0], [1, 0], [1, 0], [1, 0]]);

    // Imported: received 31 Oct 20:00 (due 2 Nov 20:00), settled 3 Nov 12:00 — open at E1 and E2, overdue at E2.
    const iso = (ms: number) => new Date(ms).toISOString();
    const file = writeCsv(t.dir, 'crm.csv', [
      ['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容', '处理状态', '首次响应时间', '办结时间'],
      ['I1', '10086', iso(cn(2026, 10, 31, 20)), '13800000011', '网络质量/信号覆盖', '家中信号差', '已办结', iso(cn(2026, 10, 31, 21)), iso(cn(2026, 11, 3, 12))],
    ]);
    expect(await importFile(t.ctx, sup, file)).toMatchObject({ inserted: 1, rejectedRows: 0 });
    expect(days()).toEqual([[2, 0], [2, 1], [1, 0], [1, 0]]);
  });
});
