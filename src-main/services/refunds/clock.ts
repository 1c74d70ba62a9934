/**
 * The execution deadline of an approved entry (docs/REQUIREMENTS.md §4): a clock of kind
 * 'refund' (subject = the entry) that starts at approval, is limited to
 * refunds.executeWithinHours (*default* 72 h) and stops at execution. It lives
 * in ticket_clocks like a ticket's own clocks, so the timeout monitor raises
 * its approaching and breached alerts, the ticket list sorts by it and `sla`
 * reports it, with no code of their own for refunds.
 */
import type { ServiceContext } from '../context';
import { ClockStore, cycleKey } from '../../db/clock-store';
import { readSlaConfig } from '../../db/sla-config';
import { clockRow } from '../../core/sla/rows';
import type { StoredRefund } from '../../db/refund-reader';
import { RefundReader } from '../../db/refund-reader';
import { refundSettings } from './settings';

const HOUR = 3_600_000;

/**
 * Write (or clear) the clock of one entry from its state. `limitMs` keeps the
 * limit the clock started with; by default the current setting applies.
 */
export function writeRefundClock(ctx: ServiceContext, r: StoredRefund, limitMs?: number): void {
  const store = new ClockStore(ctx.db);
  const scope = { clocks: ['refund'] as const, subjectId: r.id };
  const running = r.status === 'approved' || r.status === 'executed';
  if (!running || r.decidedAt === null) {
    store.replace(r.ticketId, [], scope);
    return;
  }
  const existing = store.forTicket(r.ticketId).find((c) => c.clock === 'refund' && c.subjectId === r.id);
  const limit = limitMs ?? existing?.limitMs ?? refundSettings(ctx).executeWithinHours * HOUR;
  const input = { startedAt: r.decidedAt, limitMs: limit, pauses: [], stoppedAt: r.executedAt, calendar: null };
  const raised = store.raisedKeys(r.ticketId).get(cycleKey('refund', r.id, r.decidedAt)) ?? new Set<string>();
  const row = clockRow('refund', r.id, 'refunds.executeWithinHours', input, false, readSlaConfig(ctx.db).alerts, raised);
  store.replace(r.ticketId, [row], scope);
  ctx.bus.emit('clocks-changed', { earliest: row.nextAlertAt });
}

/** After the hours setting changed: every approved, not yet executed entry runs to the new limit. */
export function refreshRunningRefundClocks(ctx: ServiceContext): number {
  const reader = new RefundReader(ctx.db);
  const ids = reader.approvedIds();
  const limit = refundSettings(ctx).executeWithinHours * HOUR;
  for (const id of ids) writeRefundClock(ctx, reader.get(id)!, limit);
  return ids.length;
}

/** After the alert thresholds changed: running entries keep their limits but plan their alerts anew. */
export function replanRunningRefundClocks(ctx: ServiceContext): number {
  const reader = new RefundReader(ctx.db);
  const ids = reader.approvedIds();
  for (const id of ids) writeRefundClock(ctx, reader.get(id)!);
  return ids.length;
}
