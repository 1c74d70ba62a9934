/**
 * The QC studies' measures (reports/qc) on a hand-made 1–3 November 2026,
 * every expected number worked out on paper from the tickets below. Report
 * taken at 3 November 12:00 China time. Default policy: 10086 normal resolves
 * in 48 h, 12300 in 12 h, an SP ticket (增值业务) in 4 h.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { backfillClocks } from '../../../src-main/db/clock-backfill';
import { qcReport } from '../../../src-main/services/reports/qc';
import { H, cn } from './fixture';

let t: TestDb;
afterEach(() => t.close());

const AT = cn(2026, 11, 3, 12);
const SP = '增值业务>信息费退费';
const BB = '宽带';

interface Spec {
  no: string;
  channel?: string;
  category: string;
  phone: string;
  received: number;
  respond?: number;
  resolve?: number;
  status: string;
  repeat?: boolean;
}

// A, B resolved SP tickets; C SP answered after 5 h; D SP received 30 min before the report (no limit passed);
// E SP unanswered for 2 h; F a repeat of H's caller while H's refund waits; G a repeat of A's caller after
// A's refund was paid; I an October ticket still open and overdue; J a 12300 ticket overdue since 3 Nov 08:00;
// V voided (never counts); H an October ticket whose refund was approved on 1 November and never executed.
const SPECS: Spec[] = [
  { no: 'A', category: SP, phone: '13900000001', received: cn(2026, 11, 1, 10), respond: 0.5, resolve: 2, status: 'resolved' },
  { no: 'B', category: '增值业务>SP 定制不认可', phone: '13900000002', received: cn(2026, 11, 1, 11), respond: 2, resolve: 5, status: 'resolved' },
  { no: 'C', category: SP, phone: '13900000003', received: cn(2026, 11, 2, 9), respond: 5, status: 'in_progress' },
  { no: 'D', category: SP, phone: '13900000007', received: cn(2026, 11, 3, 11, 30), status: 'new' },
  { no: 'E', category: SP, phone: '13900000008', received: cn(2026, 11, 3, 10), status: 'new' },
  { no: 'F', category: BB, phone: '13900000004', received: cn(2026, 11, 2, 15), respond: 1, status: 'in_progress', repeat: true },
  { no: 'G', category: BB, phone: '13900000001', received: cn(2026, 11, 3, 10), respond: 0.5, resolve: 1, status: 'resolved', repeat: true },
  { no: 'H', category: BB, phone: '13900000004', received: cn(2026, 10, 25, 10), respond: 1, resolve: 24, status: 'resolved' },
  { no: 'I', category: BB, phone: '13900000005', received: cn(2026, 10, 28, 10), respond: 1, status: 'in_progress' },
  { no: 'J', channel: '12300', category: BB, phone: '13900000006', received: cn(2026, 11, 2, 20), respond: 0.5, status: 'in_progress' },
  { no: 'V', category: SP, phone: '13900000009', received: cn(2026, 11, 1, 12), status: 'voided' },
];

function seed(): void {
  const ctx = t.ctx;
  const u = addUser(ctx, 'qc', 'supervisor', '客服中心');
  const insert = ctx.db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, district, category_id, level, status,
      description, department, first_response_at, resolved_at, is_repeat, created_at, updated_at)
    VALUES (@no, @channel, @received, @phone, '禅城区', @categoryId, @level, @status, '测试', '客服中心', @respondAt, @resolveAt, @repeat, @received, @received)`);
  const ids: Record<string, number> = {};
  for (const s of SPECS) {
    const channel = s.channel ?? '10086';
    ids[s.no] = Number(
      insert.run({
        no: s.no,
        channel,
        level: channel === '12300' ? 'overlevel' : 'normal',
        received: s.received,
        phone: s.phone,
        categoryId: categoryId(ctx, s.category),
        status: s.status,
        respondAt: s.respond === undefined ? null : s.received + s.respond * H,
        resolveAt: s.resolve === undefined ? null : s.received + s.resolve * H,
        repeat: s.repeat ? 1 : 0,
      }).lastInsertRowid,
    );
  }
  backfillClocks(ctx.db);
  const refund = ctx.db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, created_at, created_by, decided_at, executed_at, voucher_no)
    VALUES (@ticket, 'sp_info_fee', 1000, '退信息费', @status, @created, ${u.id}, @decided, @executed, @voucher)`);
  const add = (no: string, status: string, created: number, decided: number | null, executed: number | null) =>
    refund.run({ ticket: ids[no], status, created, decided, executed, voucher: executed === null ? null : `V-${no}` });
  add('A', 'executed', cn(2026, 11, 1, 12), cn(2026, 11, 2, 10), cn(2026, 11, 3, 9)); // 71 h after A's receipt: in time
  add('H', 'approved', cn(2026, 10, 25, 12), cn(2026, 11, 1, 9), null); // 72 h from H passed 28 Oct: late, and F's cause
  add('B', 'rejected', cn(2026, 11, 1, 12), cn(2026, 11, 1, 15), null); // rejected: neither
  add('C', 'approved', cn(2026, 11, 2, 10), cn(2026, 11, 3, 10), null); // 72 h from C end 5 Nov 09:00: not yet due
}

describe('QC measures, by hand', () => {
  it('1–3 November at 3 November 12:00', () => {
    t = tempDb(AT);
    seed();
    const q = qcReport(t.ctx, { range: { from: '2026-11-01', to: '2026-11-03' } });
    // SP within 1 h: due A B C E (D's hour ends 12:30, V voided); in time A alone.
    expect(q.spReply1h).toEqual({ count: 1, of: 4, rate: 0.25 });
    // Within 4 h: due A B C (E's 4 h end 14:00); in time A B (C answered after 5 h).
    expect(q.spReply4h).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    // Approved in the range: A's (in time), H's (late); C's not yet due; B's rejected.
    expect(q.refundFromComplaint).toEqual({ count: 1, of: 2, rate: 0.5 });
    // Eight tickets received (A B C D E F G J); F came while H's refund waited; G after A's was paid.
    expect(q.refundDelayRepeat).toEqual({ count: 1, of: 8, rate: 0.125 });
    // End of 1 Nov: open I (overdue since 30 Oct). End of 2 Nov: open C F I J, overdue I and C (SP, due
    // 2 Nov 13:00); J is due 3 Nov 08:00, F 4 Nov 15:00. 3 Nov at 12:00: open C D E F I J (G resolved at
    // 11:00), overdue C I J (E is due 14:00, D 15:30).
    expect(q.backlog.days).toEqual([
      { day: '2026-11-01', open: 1, overdue: 1, rate: 1 },
      { day: '2026-11-02', open: 4, overdue: 2, rate: 0.5 },
      { day: '2026-11-03', open: 6, overdue: 3, rate: 0.5 },
    ]);
    expect(q.backlog.overall).toEqual({ count: 6, of: 11, rate: 6 / 11 });
    // 增值业务: A 2 h, B 5 h → 3.5 h against 3 h. 宽带: G 1 h (F, J open).
    expect(q.handlingByCategory).toEqual([
      { category: '增值业务', handled: 2, meanMs: 3.5 * H, targetMs: 3 * H, met: false },
      { category: '宽带', handled: 1, meanMs: 1 * H, targetMs: 3 * H, met: true },
    ]);
  });

  it('a day not yet begun is not measured, and an empty range gives no rates', () => {
    t = tempDb(cn(2026, 11, 1, 8));
    const q = qcReport(t.ctx, { range: { from: '2026-11-01', to: '2026-11-03' } });
    expect(q.backlog.days).toEqual([{ day: '2026-11-01', open: 0, overdue: 0, rate: null }]);
    expect([q.spReply1h.rate, q.spReply4h.rate, q.refundFromComplaint.rate, q.refundDelayRepeat.rate]).toEqual([null, null, null, null]);
    expect(q.handlingByCategory).toEqual([]);
  });

  it('a repeat caused by a refund of an earlier complaint of the same range, with filters', () => {
    t = tempDb(AT);
    const u = addUser(t.ctx, 'qc', 'supervisor', '客服中心');
    const insert = t.db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, district, category_id, level, status,
        description, department, is_repeat, created_at, updated_at)
      VALUES (?, '10086', ?, ?, ?, ?, 'normal', 'in_progress', '测试', '客服中心', ?, ?, ?)`);
    const bb = categoryId(t.ctx, BB);
    // K (南海区) waits on a refund written 1 Nov 12:00; L (禅城区), the same caller on 2 Nov, is a repeat; M another caller's repeat.
    const k = Number(insert.run('K', cn(2026, 11, 1, 10), '13700000001', '南海区', bb, 0, cn(2026, 11, 1, 10), cn(2026, 11, 1, 10)).lastInsertRowid);
    insert.run('L', cn(2026, 11, 2, 10), '13700000001', '禅城区', bb, 1, cn(2026, 11, 2, 10), cn(2026, 11, 2, 10));
    insert.run('M', cn(2026, 11, 2, 11), '13700000002', '禅城区', bb, 1, cn(2026, 11, 2, 11), cn(2026, 11, 2, 11));
    backfillClocks(t.db);
    t.db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, created_at, created_by, decided_at)
      VALUES (?, 'sp_info_fee', 1000, '退信息费', 'approved', ?, ?, ?)`).run(k, cn(2026, 11, 1, 12), u.id, cn(2026, 11, 1, 13));
    const range = { from: '2026-11-01', to: '2026-11-03' };
    // K L M received; L came while K's refund waited.
    expect(qcReport(t.ctx, { range }).refundDelayRepeat).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    // 禅城区 alone: L and M, and L still counts (K is its caller's earlier complaint whatever its district).
    expect(qcReport(t.ctx, { range, filters: { district: ['禅城区'] } }).refundDelayRepeat).toEqual({ count: 1, of: 2, rate: 0.5 });
  });
});
