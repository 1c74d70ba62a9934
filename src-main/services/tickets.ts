/**
 * Ticket use cases: register, act on, read, and reveal. Rules come from core;
 * this file fetches what they need, applies what they decide, and records
 * every change as an event in the same transaction.
 */
import { TicketReader } from '../db/ticket-reader';
import { recordBreachCause } from './breach-causes';
import { DomainError } from '../core/errors';
import { decide, type TicketAction, type TicketState } from '../core/lifecycle';
import { actionRefusal, openTransferRequest, type OpenTransferRequest } from '../core/ticket-roles';
import { normalizePhone, maskPhone } from '../core/phone';
import { findRepeatOf, repeatWindowStart } from '../core/detection';
import { roleAtLeast, type Channel, type Level } from '../core/enums';
import type { Page, Ticket, TicketEvent, TicketPageQuery, TicketRow, UserInfo } from '../core/model';
import { inTransaction, type ServiceContext } from './context';
import { branchSettings, detectionSettings } from './settings';
import { localDayKey } from '../core/time';
import { receivedTimeProblem } from '../core/received-time';
import { levelOnArrival } from '../core/arrival';
import { ticketsChanged } from './ticket-hooks';
import { markCollective } from './collective';
import { recordFormProposal, recordTransferProposal, type ShownTransferProposal } from './dispatch';
import { chosenValue } from './lists';

export interface NewTicketInput {
  ticketNo?: string | undefined;
  channel: Channel;
  receivedAt: number;
  phone: string;
  customerName?: string | null | undefined;
  city?: string | null | undefined;
  district?: string | null | undefined;
  categoryId: number;
  level: Level;
  description: string;
  department?: string | null | undefined;
  assigneeId?: number | null | undefined;
  /** The dispatch proposal the form showed, if any: recorded with whether the ticket took it. */
  dispatch?: { categoryId: number | null; department?: string | null | undefined; accepted: boolean } | undefined;
}

export interface CreateResult {
  ticket: Ticket;
  /** Other tickets of the same customer within the repeat window. */
  repeatOf: number[];
  /** When set, the console proposes raising these tickets to major (集体投诉). */
  collectiveWith: number[] | null;
}

/** Agents see 138****5678 unless they reveal the number (which is logged). */
export function canSeePhone(viewer: UserInfo): boolean {
  return roleAtLeast(viewer.role, 'supervisor');
}

function forViewer<T extends { phone: string }>(viewer: UserInfo, t: T): T & { phoneMasked: boolean } {
  return canSeePhone(viewer) ? { ...t, phoneMasked: false } : { ...t, phone: maskPhone(t.phone), phoneMasked: true };
}

/** A number for tickets registered by hand: channel prefix, local date, sequence. */
function nextTicketNo(ctx: ServiceContext, channel: Channel, at: number): string {
  const prefix = `CD${localDayKey(at, branchSettings(ctx).zone)}`;
  const last = new TicketReader(ctx.db).lastTicketNo(channel, prefix);
  const seq = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(seq).padStart(4, '0')}`;
}

export function createTicket(ctx: ServiceContext, actor: UserInfo, input: NewTicketInput): CreateResult {
  const phone = normalizePhone(input.phone);
  if (!phone) throw new DomainError('invalid_phone', { value: input.phone });
  if (!input.description.trim()) throw new DomainError('validation', { field: 'description', rule: 'required' });
  const now = ctx.now();
  const timeProblem = receivedTimeProblem(input.receivedAt, now);
  if (timeProblem) throw new DomainError('validation', { field: 'receivedAt', rule: timeProblem });
  if (!ctx.categories.list().some((c) => c.id === input.categoryId)) {
    throw new DomainError('unknown_category', { value: input.categoryId });
  }
  const assignee = input.assigneeId ? ctx.read.users.get(input.assigneeId) : null;
  if (input.assigneeId && !assignee?.active) {
    throw new DomainError('validation', { field: 'assigneeId', rule: 'unknown_user', value: input.assigneeId });
  }
  const settings = detectionSettings(ctx);
  // Departments, cities and districts come from the administrator's lists, never typed anew.
  const city = chosenValue(ctx, 'city', input.city);
  const district = chosenValue(ctx, 'district', input.district);
  const department = chosenValue(ctx, 'department', input.department);

  return inTransaction(ctx, () => {
    const ticketNo = input.ticketNo?.trim() || nextTicketNo(ctx, input.channel, now);
    if (ctx.read.tickets.findByNo(input.channel, ticketNo)) {
      throw new DomainError('duplicate_ticket', { ticketNo, channel: input.channel });
    }
    const priors = ctx.read.tickets.byPhoneSince(phone, repeatWindowStart(input.receivedAt, settings), input.receivedAt);
    const repeatOf = findRepeatOf(input.receivedAt, priors, settings).map((p) => p.id);
    const assigneeId = input.assigneeId ?? null;
    const id = ctx.write.tickets.insert({
      ticketNo,
      channel: input.channel,
      receivedAt: input.receivedAt,
      phone,
      customerName: input.customerName?.trim() || null,
      city,
      district,
      categoryId: input.categoryId,
      level: levelOnArrival(input.channel, input.level),
      status: 'new',
      description: input.description.trim(),
      firstResponderId: null,
      assigneeId,
      assigneeName: assignee?.displayName ?? null,
      department,
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      satisfaction: null,
      isRepeat: repeatOf.length > 0,
      isCollective: false,
      createdAt: now,
      createdBy: actor.id,
    });
    ctx.write.tickets.addEvent({
      ticketId: id,
      at: now,
      actorId: actor.id,
      action: 'create',
      fromStatus: null,
      toStatus: 'new',
      changes: {},
      note: repeatOf.length ? `repeat_of:${repeatOf.join(',')}` : null,
    });
    if (input.dispatch) {
      recordFormProposal(ctx, id, { ...input.dispatch, department: input.dispatch.department ?? null }, { categoryId: input.categoryId, department }, now);
    }
    const collectiveWith = markCollective(ctx, actor.id, { id, phone, district, categoryId: input.categoryId, receivedAt: input.receivedAt }, now, settings);
    ticketsChanged(ctx, [id, ...(collectiveWith ?? [])]);
    return { ticket: forViewer(actor, ctx.read.tickets.get(id)!), repeatOf, collectiveWith };
  });
}

/** The ticket as the lifecycle sees it, with any open transfer request from its history. */
export function ticketState(ctx: ServiceContext, t: Ticket): TicketState & { transferRequest: OpenTransferRequest | null } {
  return { ...stateOf(t), transferRequest: openTransferRequest(ctx.read.tickets.history(t.id)) };
}

function stateOf(t: Ticket): TicketState {
  return {
    status: t.status,
    level: t.level,
    assigneeId: t.assigneeId,
    department: t.department,
    collaborators: t.collaborators,
    firstResponderId: t.firstResponderId,
    firstResponseAt: t.firstResponseAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    satisfaction: t.satisfaction,
    isRepeat: t.isRepeat,
    reopenCount: t.reopenCount,
  };
}

/**
 * Apply one lifecycle action. `version` is the version the user saw: if someone
 * changed the ticket meanwhile the action is refused rather than applied blind.
 * `dispatch` is the department proposal a transfer form showed (智能派单): it is
 * recorded with the transfer, and ignored for any other action.
 */
export function actOnTicket(
  ctx: ServiceContext,
  actor: UserInfo,
  id: number,
  version: number,
  action: TicketAction,
  dispatch?: ShownTransferProposal,
): Ticket {
  const ticket = inTransaction(ctx, () => {
    const t = ctx.read.tickets.get(id);
    if (!t) throw new DomainError('not_found', { what: 'ticket', id });
    if (t.version !== version) throw new DomainError('conflict', { id });
    const refusal = actionRefusal(action.type, actor, t);
    if (refusal) throw refusal;
    if ((action.type === 'transfer' || action.type === 'request_transfer') && action.assigneeId !== null && !ctx.read.users.get(action.assigneeId)?.active) {
      throw new DomainError('validation', { field: 'assigneeId', rule: 'unknown_user', value: action.assigneeId });
    }
    if (action.type === 'transfer' || action.type === 'request_transfer' || action.type === 'collaborate') {
      action = { ...action, department: chosenValue(ctx, 'department', action.department) ?? '' };
    }
    const now = ctx.now();
    if (action.type === 'resolve') recordBreachCause(ctx, id, actor.id, { cause: action.breachCause, text: action.breachCauseText }, now);
    const open = openTransferRequest(ctx.read.tickets.history(t.id));
    const state = { ...stateOf(t), transferRequest: open && { department: open.department, assigneeId: open.assigneeId } };
    const decision = decide(state, action, actor.id, now);
    if (!decision.ok) throw decision.error;
    const { patch, changes, note } = decision.value;
    const extra: Record<string, unknown> = {};
    if ('assigneeId' in patch) {
      extra.assigneeName = patch.assigneeId ? (ctx.read.users.get(patch.assigneeId)?.displayName ?? null) : null;
    }
    ctx.write.tickets.update(id, t.version, { ...patch, ...extra }, now);
    const eventId = ctx.write.tickets.addEvent({
      ticketId: id,
      at: now,
      actorId: actor.id,
      action: action.type,
      fromStatus: t.status,
      toStatus: patch.status ?? t.status,
      changes,
      note,
    });
    if (action.type === 'transfer' && dispatch) recordTransferProposal(ctx, id, eventId, dispatch, action.department, now);
    ticketsChanged(ctx, [id]);
    return forViewer(actor, ctx.read.tickets.get(id)!);
  });
  // Once it has landed: the dispatch model learns from settled tickets.
  if (action.type === 'resolve') ctx.bus.emit('ticket-settled', { ids: [id] });
  return ticket;
}

export function getTicket(ctx: ServiceContext, viewer: UserInfo, id: number): Ticket {
  const t = ctx.read.tickets.get(id);
  if (!t) throw new DomainError('not_found', { what: 'ticket', id });
  return forViewer(viewer, t);
}

/** Three digits or more, perhaps with spaces, dashes or +86: what someone typing a phone number types. */
const LOOKS_LIKE_PHONE = /^\+?[\d\s-]{3,}$/;

/**
 * The ticket list. Someone who sees numbers masked finds a ticket by phone
 * only with the whole number or its last four digits (core/phone-search.ts:
 * any other part would read a masked number back a digit at a time), and each
 * such search is in the audit log like a reveal.
 */
export function listTickets(ctx: ServiceContext, viewer: UserInfo, q: TicketPageQuery): Page<TicketRow> {
  if (canSeePhone(viewer)) return ctx.read.tickets.page(q, ctx.now());
  const page = ctx.read.tickets.page(q, ctx.now(), 'masked');
  const typed = q.filter?.q?.trim();
  if (typed && LOOKS_LIKE_PHONE.test(typed)) {
    ctx.audit.add(ctx.now(), viewer.id, 'phone.search', typed, { matched: page.total });
  }
  return { total: page.total, rows: page.rows.map((r) => ({ ...r, phone: maskPhone(r.phone) })) };
}

export function ticketHistory(ctx: ServiceContext, id: number): TicketEvent[] {
  if (!ctx.read.tickets.get(id)) throw new DomainError('not_found', { what: 'ticket', id });
  return ctx.read.tickets.history(id);
}

/** Show an agent the full number; every reveal is written to the audit log. */
export function revealPhone(ctx: ServiceContext, viewer: UserInfo, id: number): string {
  const t = ctx.read.tickets.get(id);
  if (!t) throw new DomainError('not_found', { what: 'ticket', id });
  ctx.audit.add(ctx.now(), viewer.id, 'phone.reveal', t.ticketNo, { ticketId: id });
  return t.phone;
}
