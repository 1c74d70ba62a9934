/**
 * Refund use cases: enter, submit, approve, reject, execute, reverse. Rules
 * come from core/refunds; each step here checks them against the stored
 * entry, writes it at the version the user saw, records who and when in
 * refund_events, and keeps the entry's execution clock in step — all in one
 * transaction.
 */
import { DomainError } from '../../core/errors';
import type { UserInfo } from '../../core/model';
import { formatFen } from '../../core/money';
import { approvalRefusal, executionRefusal, higherRole, requiredRole, submitOutcome, type RefundSettings } from '../../core/refunds/authority';
import { checkAmount, likelyDuplicates, reversalOf, ticketTotal } from '../../core/refunds/checks';
import { assertStatusFor } from '../../core/refunds/lifecycle';
import type { ApproverRole, RefundType } from '../../core/refunds/types';
import { RefundReader, type StoredRefund } from '../../db/refund-reader';
import { RefundWriter, type RefundPatch } from '../../db/refund-writer';
import { inTransaction, type ServiceContext } from '../context';
import { writeRefundClock } from './clock';
import { refundSettings } from './settings';

export interface NewRefundInput {
  ticketId: number;
  type: RefundType;
  amountFen: number;
  reason: string;
  /** Submit at once (the usual case); false keeps a draft. */
  submit: boolean;
  /** Needed when the ticket has the same type and amount within 24 h. */
  confirmDuplicate: boolean;
}

const stores = (ctx: ServiceContext) => ({ read: new RefundReader(ctx.db), write: new RefundWriter(ctx.db) });

function load(ctx: ServiceContext, id: number): StoredRefund {
  const r = new RefundReader(ctx.db).get(id);
  if (!r) throw new DomainError('not_found', { what: 'refund', id });
  return r;
}

/** What an entry needs now: the ticket's total may have grown since it was submitted. */
export function requiredNow(entry: StoredRefund, ticketEntries: readonly StoredRefund[], s: RefundSettings): ApproverRole {
  // A pending refund already counts toward the total; a reversal never raises it.
  const totalAfter = entry.amountFen > 0 ? ticketTotal(ticketEntries) : 0;
  return higherRole(entry.requiredRole ?? 'agent', requiredRole(entry.amountFen, totalAfter, s));
}

function apply(ctx: ServiceContext, r: StoredRefund, patch: RefundPatch): StoredRefund {
  if (!new RefundWriter(ctx.db).update(r.id, r.version, patch)) throw new DomainError('conflict', { id: r.id });
  return load(ctx, r.id);
}

/** draft → approved (within the submitter's authority) or pending_approval. */
function submit(ctx: ServiceContext, actor: UserInfo, r: StoredRefund): StoredRefund {
  assertStatusFor('submit', r.status);
  if (r.createdBy !== actor.id) throw new DomainError('refund_state', { action: 'submit', status: 'not_yours' });
  const s = refundSettings(ctx);
  const others = stores(ctx).read.forTicket(r.ticketId).filter((e) => e.id !== r.id);
  const totalAfter = r.amountFen > 0 ? ticketTotal(others) + r.amountFen : 0;
  const outcome = submitOutcome(requiredRole(r.amountFen, totalAfter, s), s);
  const now = ctx.now();
  const approved = outcome.status === 'approved';
  const next = apply(ctx, r, {
    status: outcome.status,
    requiredRole: outcome.requiredRole,
    submittedAt: now,
    submittedBy: actor.id,
    ...(approved ? { decidedAt: now, decidedBy: actor.id } : {}),
  });
  stores(ctx).write.addEvent({
    refundId: r.id,
    ticketId: r.ticketId,
    at: now,
    actorId: actor.id,
    action: approved ? 'auto_approve' : 'submit',
    fromStatus: r.status,
    toStatus: next.status,
    details: { requiredRole: outcome.requiredRole, ticketTotalAfterFen: totalAfter },
  });
  if (approved) writeRefundClock(ctx, next);
  return next;
}

export function createRefund(ctx: ServiceContext, actor: UserInfo, input: NewRefundInput): StoredRefund {
  checkAmount(input.amountFen);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError('reason_required', { field: 'reason' });
  return inTransaction(ctx, () => {
    const ticket = ctx.read.tickets.get(input.ticketId);
    if (!ticket) throw new DomainError('not_found', { what: 'ticket', id: input.ticketId });
    if (ticket.status === 'voided') throw new DomainError('refund_state', { action: 'submit', status: 'voided_ticket' });
    const { read, write } = stores(ctx);
    const now = ctx.now();
    const dups = likelyDuplicates(read.forTicket(ticket.id), { type: input.type, amountFen: input.amountFen, at: now });
    if (dups.length > 0 && !input.confirmDuplicate) {
      throw new DomainError(
        'refund_duplicate',
        { type: input.type, amount: formatFen(input.amountFen), count: dups.length },
        { duplicates: dups.map((d) => ({ id: d.id, status: d.status, createdAt: d.createdAt, createdByName: d.createdByName })) },
      );
    }
    const id = insertDraft(
      write,
      { ticketId: ticket.id, type: input.type, amountFen: input.amountFen, reversesId: null },
      reason,
      actor,
      now,
      dups.length ? { confirmedDuplicateOf: dups.map((d) => d.id) } : {},
    );
    const draft = load(ctx, id);
    return input.submit ? submit(ctx, actor, draft) : draft;
  });
}

/** A new entry as a draft, with the 'create' line of its history: entering and reversing both start here. */
function insertDraft(
  write: ReturnType<typeof stores>['write'],
  entry: { ticketId: number; type: RefundType; amountFen: number; reversesId: number | null },
  reason: string,
  actor: UserInfo,
  now: number,
  details: Record<string, unknown>,
): number {
  const id = write.insert({
    ...entry,
    reason,
    status: 'draft',
    requiredRole: null,
    createdAt: now,
    createdBy: actor.id,
    submittedAt: null,
    submittedBy: null,
    decidedAt: null,
    decidedBy: null,
  });
  write.addEvent({
    refundId: id,
    ticketId: entry.ticketId,
    at: now,
    actorId: actor.id,
    action: 'create',
    fromStatus: null,
    toStatus: 'draft',
    note: reason,
    details: { type: entry.type, amountFen: entry.amountFen, ...details },
  });
  return id;
}

function checkVersion(r: StoredRefund, version: number): void {
  if (r.version !== version) throw new DomainError('conflict', { id: r.id });
}

export function submitRefund(ctx: ServiceContext, actor: UserInfo, id: number, version: number): StoredRefund {
  return inTransaction(ctx, () => {
    const r = load(ctx, id);
    checkVersion(r, version);
    return submit(ctx, actor, r);
  });
}

/** Approve or reject: someone other than the enterer, with authority for what the entry needs now. */
export function decideRefund(
  ctx: ServiceContext,
  actor: UserInfo,
  id: number,
  version: number,
  decision: { approve: boolean; comment: string | null },
): StoredRefund {
  const comment = decision.comment?.trim() || null;
  if (!decision.approve && !comment) throw new DomainError('reason_required', { field: 'comment' });
  return inTransaction(ctx, () => {
    const r = load(ctx, id);
    checkVersion(r, version);
    assertStatusFor(decision.approve ? 'approve' : 'reject', r.status);
    const needed = requiredNow(r, stores(ctx).read.forTicket(r.ticketId), refundSettings(ctx));
    const refusal = approvalRefusal(actor, [r.createdBy, r.submittedBy ?? r.createdBy], needed);
    if (refusal) throw refusal;
    const now = ctx.now();
    const next = apply(ctx, r, {
      status: decision.approve ? 'approved' : 'rejected',
      requiredRole: needed,
      decidedAt: now,
      decidedBy: actor.id,
      decisionNote: comment,
    });
    stores(ctx).write.addEvent({
      refundId: r.id,
      ticketId: r.ticketId,
      at: now,
      actorId: actor.id,
      action: decision.approve ? 'approve' : 'reject',
      fromStatus: r.status,
      toStatus: next.status,
      note: comment,
      details: { requiredRole: needed },
    });
    if (decision.approve) writeRefundClock(ctx, next);
    return next;
  });
}

/**
 * Paid out in the billing system: the voucher number is the proof, and the
 * entry is final from here. Only a supervisor or above executes (recorded as
 * `executedBy`), and one voucher never settles two entries.
 */
export function executeRefund(ctx: ServiceContext, actor: UserInfo, id: number, version: number, voucherNo: string): StoredRefund {
  const voucher = voucherNo.trim();
  if (!voucher) throw new DomainError('reason_required', { field: 'voucherNo' });
  const refusal = executionRefusal(actor);
  if (refusal) throw refusal;
  return inTransaction(ctx, () => {
    const r = load(ctx, id);
    checkVersion(r, version);
    assertStatusFor('execute', r.status);
    const used = stores(ctx).read.byVoucher(voucher);
    if (used) throw new DomainError('refund_voucher_used', { voucher, id: used.id, ticketNo: used.ticketNo });
    const now = ctx.now();
    const next = apply(ctx, r, { status: 'executed', executedAt: now, executedBy: actor.id, voucherNo: voucher });
    stores(ctx).write.addEvent({
      refundId: r.id,
      ticketId: r.ticketId,
      at: now,
      actorId: actor.id,
      action: 'execute',
      fromStatus: r.status,
      toStatus: 'executed',
      details: { voucherNo: voucher },
    });
    writeRefundClock(ctx, next);
    return next;
  });
}

/**
 * Correct an executed entry: a new entry of the opposite amount referencing
 * it, submitted at once and then approved and executed like any other. The
 * original is not touched; its history gains a line pointing at the reversal.
 */
export function reverseRefund(ctx: ServiceContext, actor: UserInfo, id: number, reasonText: string): StoredRefund {
  const reason = reasonText.trim();
  if (!reason) throw new DomainError('reason_required', { field: 'reason' });
  return inTransaction(ctx, () => {
    const original = load(ctx, id);
    const { read, write } = stores(ctx);
    const siblings = read.forTicket(original.ticketId);
    const rev = reversalOf(original, siblings.filter((e) => e.reversesId === original.id));
    const now = ctx.now();
    const newId = insertDraft(write, { ticketId: original.ticketId, ...rev }, reason, actor, now, { reverses: original.id });
    write.addEvent({
      refundId: original.id,
      ticketId: original.ticketId,
      at: now,
      actorId: actor.id,
      action: 'reversed',
      fromStatus: 'executed',
      toStatus: 'executed',
      note: reason,
      details: { reversalId: newId },
    });
    return submit(ctx, actor, load(ctx, newId));
  });
}
