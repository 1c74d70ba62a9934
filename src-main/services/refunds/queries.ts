/**
 * Reading refunds: a ticket's entries with their history, clocks and the
 * buttons this viewer gets; the approvals queue (待我审批); the list and its
 * totals.
 */
import type { Page, UserInfo } from '../../core/model';
import type { RefundSettings } from '../../core/refunds/authority';
import { netExecuted, ticketTotal } from '../../core/refunds/checks';
import { allowedRefundActions } from '../../core/refunds/lifecycle';
import type { Refund, RefundClock, RefundEvent, RefundListRow, RefundPageQuery, RefundTotals, RefundView, RefundFilter } from '../../core/refunds/types';
import { ClockStore, type StoredClock } from '../../db/clock-store';
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

/**
 * Entries' execution clocks read now, by entry id: the same reading for the
 * ticket page and the refunds list (due time, running / met / breached), from
 * the clock row that services/refunds/clock.ts keeps — one rule, not two.
 */
function refundClockViews(ctx: ServiceContext, clocks: readonly StoredClock[]): Map<number, RefundClock> {
  const now = ctx.now();
  const calendar = readSlaConfig(ctx.db).calendar;
  const map = new Map<number, RefundClock>();
  for (const c of clocks) {
    if (c.clock !== 'refund') continue;
    const v = viewClock(c, now, calendar);
    map.set(c.subjectId, { startedAt: v.startedAt, dueAt: v.dueAt, stoppedAt: v.stoppedAt, state: v.state, elapsedPct: v.elapsedPct });
  }
  return map;
}

function clocksOf(ctx: ServiceContext, ticketId: number): Map<number, RefundClock> {
  return refundClockViews(ctx, new ClockStore(ctx.db).forTicket(ticketId));
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
  ticket: { id: number; ticketNo: string; categoryPath: string; status: Status; description: string; isDemo: boolean };
  /** The ticket's other entries, for judging this one. */
  others: Refund[];
  ticketTotalFen: number;
}

/**
 * The pending entries (the first 5,000 submitted), oldest submission first,
 * split by whether this viewer may decide them: read from the entries alone.
 */
function* pendingFor(ctx: ServiceContext, viewer: UserInfo, decidable: boolean): Generator<StoredRefund> {
  const reader = new RefundReader(ctx.db);
  const s = refundSettings(ctx);
  const pending = reader.pending(5000);
  const entriesOf = reader.forTickets([...new Set(pending.map((p) => p.ticketId))]);
  for (const p of pending) if (allowedNow(p, entriesOf.get(p.ticketId)!, s, viewer).allowed.includes('approve') === decidable) yield p;
}

/** How many entries wait for a decision this viewer may take (Today's 待审批 counter): the queue's length without building its items. */
export function approvalCount(ctx: ServiceContext, viewer: UserInfo): number {
  let n = 0;
  for (const _p of pendingFor(ctx, viewer, true)) n++;
  return n;
}

function approvalItems(ctx: ServiceContext, viewer: UserInfo, entries: Iterable<StoredRefund>, limit: number): ApprovalItem[] {
  const items: ApprovalItem[] = [];
  const byTicket = new Map<number, TicketRefunds>();
  for (const p of entries) {
    if (items.length >= limit) break;
    const tr = byTicket.get(p.ticketId) ?? ticketRefunds(ctx, viewer, p.ticketId);
    byTicket.set(p.ticketId, tr);
    const entry = tr.entries.find((e) => e.id === p.id)!;
    const t = ctx.read.tickets.get(p.ticketId)!;
    items.push({
      entry,
      ticket: { id: t.id, ticketNo: t.ticketNo, categoryPath: t.categoryPath, status: t.status, description: t.description, isDemo: t.isDemo },
      others: tr.entries.filter((e) => e.id !== p.id).map(({ events: _e, clock: _c, allowed: _a, ...rest }) => rest),
      ticketTotalFen: tr.totalFen,
    });
  }
  return items;
}

/** Entries waiting for a decision this viewer may take, oldest submission first. */
export function approvalQueue(ctx: ServiceContext, viewer: UserInfo, limit = 200): ApprovalItem[] {
  return approvalItems(ctx, viewer, pendingFor(ctx, viewer, true), limit);
}

/**
 * Entries waiting for someone else's decision, shown read-only beside the
 * viewer's own queue: for a supervisor those above his authority (a
 * manager's) and those he entered or submitted himself (never his to
 * approve); for a manager his own. Each carries no action for this viewer.
 */
export function waitingForOthers(ctx: ServiceContext, viewer: UserInfo, limit = 200): ApprovalItem[] {
  return approvalItems(ctx, viewer, pendingFor(ctx, viewer, false), limit);
}

/**
 * The refunds list for this viewer: each row with its execution deadline read
 * now (as on the ticket page) and whether the viewer may execute it from the
 * list — the ticket page's own rule (allowedRefundActions); refunds/execute
 * checks it all again on the way in.
 */
export function listRefunds(ctx: ServiceContext, viewer: UserInfo, q: RefundPageQuery): Page<RefundListRow> {
  const page = refundPage(ctx.db, q, ctx.now());
  const clocks = refundClockViews(ctx, new ClockStore(ctx.db).refundClocks(page.rows.map((r) => r.id)));
  return {
    total: page.total,
    rows: page.rows.map((r) => ({
      ...r,
      clock: clocks.get(r.id) ?? null,
      // Only the status and the role decide execution; the other facts matter to steps the list does not offer.
      mayExecute: allowedRefundActions({ status: r.status, createdBy: 0, requiredRole: null, reversesId: r.reversesId, reversedById: null, amountFen: r.amountFen }, viewer).includes('execute'),
    })),
  };
}

export function totalsOfRefunds(ctx: ServiceContext, filter: RefundFilter | undefined): RefundTotals {
  return refundTotals(ctx.db, filter, ctx.now());
}
