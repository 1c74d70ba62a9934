/**
 * Reading refunds: a ticket's entries with their history, clocks and the
 * buttons this viewer gets; the approvals queue (待我审批); the list and its
 * totals.
 */
import type { Page, UserInfo } from '../../core/model';
import type { RefundSettings } from '../../core/refunds/authority';
import { netExecuted, ticketTotal } from '../../core/refunds/checks';
import { allowedRefundActions } from '../../core/refunds/lifecycle';
import type { Refund, RefundClock, RefundEvent, RefundPageQuery, RefundRow, RefundTotals, RefundView, RefundFilter } from '../../core/refunds/types';
import { ClockStore } from '../../db/clock-store';
import { RefundReader, type StoredRefund } from '../../db/refund-reader';
import { refundPage, refundTotals } from '../../db/refund-page';
import { readSlaConfig } from '../../db/sla-config';
import { DomainError } from '../../core/errors';
import type { Status } from '../../core/enums';
import type { ServiceContext } from '../context';
import { viewClock } from '../deadlines';
import { requiredNow } from './commands';
import { refundSettings } from './settings';

export interface TicketRefunds {
  ticketId: number;
  entries: RefundView[];
  /** What counts toward the per-ticket limit (submitted refunds not rejected, executed reversals). */
  totalFen: number;
  /** Executed refunds minus executed reversals. */
  netExecutedFen: number;
  settings: RefundSettings;
}

function clocksOf(ctx: ServiceContext, ticketId: number): Map<number, RefundClock> {
  const now = ctx.now();
  const calendar = readSlaConfig(ctx.db).calendar;
  const map = new Map<number, RefundClock>();
  for (const c of new ClockStore(ctx.db).forTicket(ticketId)) {
    if (c.clock !== 'refund') continue;
    const v = viewClock(c, now, calendar);
    map.set(c.subjectId, { startedAt: v.startedAt, dueAt: v.dueAt, stoppedAt: v.stoppedAt, state: v.state, elapsedPct: v.elapsedPct });
  }
  return map;
}

/** The entry as the rules see it now (a pending one needs the role its ticket's total calls for today), and what the viewer may do with it. */
function allowedNow(e: StoredRefund, all: readonly StoredRefund[], s: RefundSettings, viewer: UserInfo) {
  const { submittedBy: _submittedBy, ...entry } = e;
  const facts = e.status === 'pending_approval' ? { ...entry, requiredRole: requiredNow(e, all, s) } : entry;
  const allowed = allowedRefundActions(facts, viewer).filter(
    // The submitter of a pending entry is as much its enterer as the creator.
    (a) => !((a === 'approve' || a === 'reject') && e.submittedBy === viewer.id),
  );
  return { facts, allowed };
}

/** Strip the internal column and add what the viewer sees. */
function view(e: StoredRefund, all: readonly StoredRefund[], s: RefundSettings, viewer: UserInfo, events: RefundEvent[], clock: RefundClock | null): RefundView {
  const { facts, allowed } = allowedNow(e, all, s, viewer);
  return { ...facts, events, clock, allowed };
}

export function ticketRefunds(ctx: ServiceContext, viewer: UserInfo, ticketId: number): TicketRefunds {
  if (!ctx.read.tickets.get(ticketId)) throw new DomainError('not_found', { what: 'ticket', id: ticketId });
  const reader = new RefundReader(ctx.db);
  const entries = reader.forTicket(ticketId);
  const events = new Map<number, RefundEvent[]>();
  for (const e of reader.eventsForTicket(ticketId)) {
    if (!events.has(e.refundId)) events.set(e.refundId, []);
    events.get(e.refundId)!.push(e);
  }
  const clocks = clocksOf(ctx, ticketId);
  const s = refundSettings(ctx);
  return {
    ticketId,
    entries: entries.map((e) => view(e, entries, s, viewer, events.get(e.id) ?? [], clocks.get(e.id) ?? null)),
    totalFen: ticketTotal(entries),
    netExecutedFen: netExecuted(entries),
    settings: s,
  };
}

export interface ApprovalItem {
  entry: RefundView;
  ticket: { id: number; ticketNo: string; categoryPath: string; status: Status; description: string };
  /** The ticket's other entries, for judging this one. */
  others: Refund[];
  ticketTotalFen: number;
}

/** The pending entries (the first 5,000 submitted) this viewer may approve, oldest submission first: read from the entries alone. */
function* approvable(ctx: ServiceContext, viewer: UserInfo): Generator<StoredRefund> {
  const reader = new RefundReader(ctx.db);
  const s = refundSettings(ctx);
  const pending = reader.pending(5000);
  const entriesOf = reader.forTickets([...new Set(pending.map((p) => p.ticketId))]);
  for (const p of pending) if (allowedNow(p, entriesOf.get(p.ticketId)!, s, viewer).allowed.includes('approve')) yield p;
}

/** How many entries wait for a decision this viewer may take (Today's 待审批 counter): the queue's length without building its items. */
export function approvalCount(ctx: ServiceContext, viewer: UserInfo): number {
  let n = 0;
  for (const _p of approvable(ctx, viewer)) n++;
  return n;
}

/** Entries waiting for a decision this viewer may take, oldest submission first. */
export function approvalQueue(ctx: ServiceContext, viewer: UserInfo, limit = 200): ApprovalItem[] {
  const items: ApprovalItem[] = [];
  const byTicket = new Map<number, TicketRefunds>();
  for (const p of approvable(ctx, viewer)) {
    if (items.length >= limit) break;
    const tr = byTicket.get(p.ticketId) ?? ticketRefunds(ctx, viewer, p.ticketId);
    byTicket.set(p.ticketId, tr);
    const entry = tr.entries.find((e) => e.id === p.id)!;
    const t = ctx.read.tickets.get(p.ticketId)!;
    items.push({
      entry,
      ticket: { id: t.id, ticketNo: t.ticketNo, categoryPath: t.categoryPath, status: t.status, description: t.description },
      others: tr.entries.filter((e) => e.id !== p.id).map(({ events: _e, clock: _c, allowed: _a, ...rest }) => rest),
      ticketTotalFen: tr.totalFen,
    });
  }
  return items;
}

export function listRefunds(ctx: ServiceContext, q: RefundPageQuery): Page<RefundRow> {
  return refundPage(ctx.db, q);
}

export function totalsOfRefunds(ctx: ServiceContext, filter: RefundFilter | undefined): RefundTotals {
  return refundTotals(ctx.db, filter);
}
