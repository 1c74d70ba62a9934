/**
 * Who may take each ticket action (the roles table): handling a ticket is
 * everyone's; assigning it to someone (transfer), raising its level
 * (escalate) and voiding it are for a supervisor and above. An agent who
 * cannot keep a ticket hands it back to the queue (only one assigned to them)
 * or asks for a transfer, which a supervisor confirms (by transferring) or
 * declines. The lifecycle (lifecycle.ts) says what an action does from which
 * status; this says who. The service checks both; the buttons come from both.
 */
import { DomainError } from './errors';
import { roleAtLeast, type Role } from './enums';
import { allowedActions, type ActionType, type TicketState, type TransferRequest } from './lifecycle';
import type { TicketEvent } from './model';

export const ACTION_ROLE: Record<ActionType, Role> = {
  accept: 'agent',
  start: 'agent',
  pend: 'agent',
  resume: 'agent',
  respond: 'agent',
  resolve: 'agent',
  close: 'agent',
  reopen: 'agent',
  collaborate: 'agent',
  release: 'agent',
  request_transfer: 'agent',
  transfer: 'supervisor',
  escalate: 'supervisor',
  void: 'supervisor',
  decline_transfer: 'supervisor',
};

export interface Actor {
  id: number;
  role: Role;
}

/** Why `actor` may not take `type` on a ticket in `state`, or null when they may (status rules aside). */
export function actionRefusal(type: ActionType, actor: Actor, state: Pick<TicketState, 'assigneeId'>): DomainError | null {
  const needed = ACTION_ROLE[type];
  if (!roleAtLeast(actor.role, needed)) return new DomainError('action_forbidden', { action: type, needed });
  // An agent hands back only what is theirs; a supervisor may put any ticket back in the queue.
  if (type === 'release' && actor.role === 'agent' && state.assigneeId !== actor.id) {
    return new DomainError('action_forbidden', { action: type, needed: 'supervisor', why: 'not_assignee' });
  }
  return null;
}

/** The buttons this person gets now: the status allows it, their role allows it, and it would make sense. */
export function actionsFor(state: TicketState, actor: Actor): ActionType[] {
  const open = Boolean(state.transferRequest);
  return allowedActions(state.status).filter((a) => {
    if (actionRefusal(a, actor, state)) return false;
    if (a === 'release') return state.assigneeId !== null;
    // Someone who may transfer does so; a request is for those who may not, one at a time.
    if (a === 'request_transfer') return !open && !roleAtLeast(actor.role, ACTION_ROLE.transfer);
    if (a === 'decline_transfer') return open;
    return true;
  });
}

/** An agent's transfer request still waiting for a supervisor, as the ticket page shows it. */
export interface OpenTransferRequest extends TransferRequest {
  requestedBy: number | null;
  requestedByName: string | null;
  at: number;
  reason: string | null;
}

/**
 * The open transfer request, read from the history (newest first): the latest
 * event that touched `transferRequest` opened one (request_transfer) or
 * settled it (transfer, decline_transfer). No column of its own: the history
 * is the record.
 */
export function openTransferRequest(historyNewestFirst: readonly TicketEvent[]): OpenTransferRequest | null {
  const last = historyNewestFirst.find((e) => 'transferRequest' in e.changes);
  const to = last?.changes.transferRequest?.[1] as TransferRequest | null | undefined;
  if (!last || !to) return null;
  return { ...to, requestedBy: last.actorId, requestedByName: last.actorName, at: last.at, reason: last.note };
}
