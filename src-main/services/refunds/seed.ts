/**
 * Demo refunds, a second pass over freshly seeded tickets: SP information-fee
 * refunds on 增值业务 complaints, overcharge refunds on 资费计费, compensation
 * on 速递, goodwill credits now and then. Each follows the real rules (one
 * person within the agent limit, a second person — supervisor or manager —
 * above it, a supervisor or above pays out, the 72-hour execution clock) and has got as far as its age allows: old entries are
 * executed or rejected, recent ones still wait. Plain prepared statements in
 * batches: a million tickets add their refunds in seconds.
 */
import { requiredRole, submitOutcome } from '../../core/refunds/authority';
import type { RefundEventAction, RefundStatus, RefundType } from '../../core/refunds/types';
import { clockRow } from '../../core/sla/rows';
import { ClockStore } from '../../db/clock-store';
import { DemoStore } from '../../db/demo-store';
import { readSlaConfig } from '../../db/sla-config';
import type { ServiceContext } from '../context';
import { refundSettings } from './settings';

const HOUR = 3_600_000;
const BATCH = 20_000;

/** Share of tickets in each top-level category that get an entry, and of which type. */
const PLAN: Record<string, { share: number; type: RefundType }> = {
  增值业务: { share: 0.35, type: 'sp_info_fee' },
  资费计费: { share: 0.18, type: 'overcharge' },
  速递: { share: 0.45, type: 'compensation' },
  营销活动: { share: 0.08, type: 'goodwill_credit' },
  网络质量: { share: 0.015, type: 'goodwill_credit' },
  服务质量: { share: 0.02, type: 'goodwill_credit' },
  宽带: { share: 0.02, type: 'goodwill_credit' },
};

const REASONS: Record<RefundType, readonly string[]> = {
  sp_info_fee: ['客户否认定制该SP业务，核实无有效订购记录，退还信息费。', '二次确认短信缺失，按规定退还已扣信息费并退订。'],
  overcharge: ['核查账单确认套餐外流量重复计费，退还多收费用。', '优惠活动未按时生效导致按原价扣费，退还差额。'],
  goodwill_credit: ['网络问题影响客户正常使用，经协商给予话费补偿。', '服务承诺未兑现，给予话费补偿以示歉意。'],
  compensation: ['号卡配送严重晚点，按速递赔付标准赔付。', '终端运输途中受损，按实际损失赔付。'],
  other: ['其他原因退费。'],
};

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function amountFor(r: () => number, type: RefundType): number {
  const x = r();
  switch (type) {
    case 'sp_info_fee':
      return pick(r, [500, 600, 800, 1000, 1500, 2000, 3000]) * (x < 0.6 ? 1 : x < 0.85 ? 2 : x < 0.95 ? 3 : 12);
    case 'overcharge':
      return x < 0.8 ? 300 + Math.floor(r() * 11_700) : x < 0.97 ? 12_000 + Math.floor(r() * 68_000) : 80_000 + Math.floor(r() * 170_000);
    case 'goodwill_credit':
      return pick(r, [1000, 2000, 2000, 3000, 5000, 5000, 10_000]);
    case 'compensation':
      return pick(r, [2000, 5000, 5000, 10_000, 20_000, 30_000, 50_000, 80_000, 150_000, 300_000]);
    default:
      return 1000;
  }
}

export function seedRefunds(ctx: ServiceContext, r: () => number, opts: { fromTicketId: number; end: number }): number {
  const db = ctx.db;
  const s = refundSettings(ctx);
  const limitMs = s.executeWithinHours * HOUR;
  const alerts = readSlaConfig(db).alerts;
  const store = new DemoStore(db);
  const users = store.activeUsers();
  const approvers = { supervisor: users.filter((u) => u.role === 'supervisor'), manager: users.filter((u) => u.role === 'manager') };
  // Paying out is for a supervisor or above (separation of duties), whoever entered the entry.
  const executors = [...approvers.supervisor, ...approvers.manager];
  if (approvers.manager.length === 0) return 0;

  const running = new Set<number>();
  let made = 0;
  let voucherSeq = 0;

  const one = (t: { id: number; receivedAt: number; respondedAt: number | null; assigneeId: number }, type: RefundType) => {
    const createdAt = (t.respondedAt ?? t.receivedAt) + Math.round((0.5 + r() * 24) * HOUR);
    if (createdAt > opts.end - 10 * 60_000) return;
    const enterer = t.assigneeId;
    const amount = amountFor(r, type);
    const required = requiredRole(amount, amount, s);
    const outcome = submitOutcome(required, s);
    const reason = pick(r, REASONS[type]);
    const events: Array<[number, number, RefundEventAction, RefundStatus | null, RefundStatus, string | null, object]> = [];
    events.push([createdAt, enterer, 'create', null, 'draft', reason, { type, amountFen: amount }]);
    let status: RefundStatus = outcome.status;
    let decidedAt: number | null = null;
    let decidedBy: number | null = null;
    let note: string | null = null;
    if (outcome.status === 'approved') {
      decidedAt = createdAt;
      decidedBy = enterer;
      events.push([createdAt, enterer, 'auto_approve', 'draft', 'approved', null, { requiredRole: required }]);
    } else {
      events.push([createdAt, enterer, 'submit', 'draft', 'pending_approval', null, { requiredRole: outcome.requiredRole }]);
      const at = createdAt + Math.round((1 + r() * 30) * HOUR);
      const pool = approvers[outcome.requiredRole === 'manager' ? 'manager' : 'supervisor'].filter((u) => u.id !== enterer);
      const approver = pool.length ? pick(r, pool) : pick(r, approvers.manager);
      if (at < opts.end) {
        status = r() < 0.07 ? 'rejected' : 'approved';
        decidedAt = at;
        decidedBy = approver.id;
        note = status === 'rejected' ? '核实客户确有订购记录，不予退费。' : '同意。';
        events.push([at, approver.id, status === 'rejected' ? 'reject' : 'approve', 'pending_approval', status, note, { requiredRole: outcome.requiredRole }]);
      }
    }
    let executedAt: number | null = null;
    let executedBy: number | null = null;
    let voucher: string | null = null;
    if (status === 'approved' && decidedAt !== null) {
      const at = decidedAt + Math.round((r() < 0.08 ? 72 + r() * 48 : 2 + r() * 60) * HOUR);
      if (at < opts.end) {
        status = 'executed';
        executedAt = at;
        executedBy = pick(r, executors).id;
        voucher = `TF${new Date(at + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '')}${String(++voucherSeq).padStart(6, '0')}`;
        events.push([at, executedBy, 'execute', 'approved', 'executed', null, { voucherNo: voucher }]);
      }
    }
    const id = store.insertRefund({
      ticketId: t.id,
      type,
      amountFen: amount,
      reason,
      status,
      requiredRole: outcome.requiredRole,
      createdAt,
      createdBy: enterer,
      submittedAt: createdAt,
      submittedBy: enterer,
      decidedAt,
      decidedBy,
      decisionNote: note,
      executedAt,
      executedBy,
      voucherNo: voucher,
    });
    for (const [at, actorId, action, fromStatus, toStatus, n, details] of events) {
      store.addRefundEvent({ refundId: id, ticketId: t.id, at, actorId, action, fromStatus, toStatus, note: n, details });
    }
    if (decidedAt !== null && status !== 'rejected') {
      const row = clockRow('refund', id, null, { startedAt: decidedAt, limitMs, pauses: [], stoppedAt: executedAt, calendar: null }, false, alerts, new Set());
      store.addRefundClock({ ticketId: t.id, refundId: id, ...row });
      if (executedAt === null) running.add(t.id);
    }
    made++;
  };

  let last = opts.fromTicketId;
  const batch = db.transaction(() => {
    const rows = store.refundCandidates(last, BATCH);
    for (const t of rows) {
      const plan = PLAN[t.top];
      if (plan && t.assigneeId !== null && r() < plan.share) one({ ...t, assigneeId: t.assigneeId }, plan.type);
    }
    if (rows.length) last = rows.at(-1)!.id;
    return rows.length;
  });
  while (batch() === BATCH);
  // Tickets whose refund clock still runs may now be due first.
  const clocks = new ClockStore(db);
  db.transaction(() => running.forEach((id) => clocks.refreshTicketDue(id)))();
  return made;
}
