/**
 * The ticket lifecycle of docs/REQUIREMENTS.md §1 as a pure function: given a ticket's current
 * state and an action, either the change to make (a patch plus the event that
 * records it) or the reason it is refused. No I/O: the caller passes `now`.
 */
import { DomainError, fail, ok, type Result } from './errors';
import { levelRank, type Level, type Satisfaction, type Status } from './enums';

export interface TicketState {
  status: Status;
  level: Level;
  assigneeId: number | null;
  department: string | null;
  collaborators: string[];
  firstResponderId: number | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  satisfaction: Satisfaction | null;
  isRepeat: boolean;
  reopenCount: number;
  /** An agent's open request to transfer the ticket, waiting for a supervisor (derived from the history). */
  transferRequest?: TransferRequest | null;
}

/** Where an agent asks a ticket to go; a supervisor confirms it (as a transfer) or declines it. */
export interface TransferRequest {
  department: string;
  assigneeId: number | null;
}

export type TicketAction =
  | { type: 'accept' }
  | { type: 'start' }
  | { type: 'pend'; reason: string }
  | { type: 'resume' }
  | { type: 'respond'; note: string }
  | { type: 'resolve'; note: string; rootCause?: string | undefined; breachCause?: string | undefined; breachCauseText?: string | undefined }
  | { type: 'close'; satisfaction: Satisfaction; note?: string | undefined }
  | { type: 'reopen'; reason: string }
  | { type: 'transfer'; department: string; assigneeId: number | null; reason?: string | undefined }
  | { type: 'collaborate'; department: string; note?: string | undefined }
  | { type: 'escalate'; level: Level; reason: string }
  | { type: 'void'; reason: string }
  | { type: 'release'; reason: string }
  | { type: 'request_transfer'; department: string; assigneeId: number | null; reason: string }
  | { type: 'decline_transfer'; reason: string };

export type ActionType = TicketAction['type'];

/** Which statuses each action may start from. The single source for "what can I do now". */
export const ALLOWED_FROM: Record<ActionType, readonly Status[]> = {
  accept: ['new'],
  start: ['accepted'],
  pend: ['accepted', 'in_progress', 'responded'],
  resume: ['pending_customer'],
  respond: ['accepted', 'in_progress', 'pending_customer'],
  resolve: ['accepted', 'in_progress', 'pending_customer', 'responded'],
  close: ['resolved'],
  reopen: ['resolved', 'closed'],
  transfer: ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'],
  collaborate: ['accepted', 'in_progress', 'pending_customer', 'responded'],
  escalate: ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'],
  void: ['new', 'accepted', 'in_progress', 'pending_customer', 'responded', 'resolved', 'closed'],
  release: ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'],
  request_transfer: ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'],
  decline_transfer: ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'],
};

export const ACTION_TYPES = Object.keys(ALLOWED_FROM) as ActionType[];

export function allowedActions(status: Status): ActionType[] {
  return ACTION_TYPES.filter((a) => ALLOWED_FROM[a].includes(status));
}

/** A field-by-field record of what changed: { status: ['new', 'accepted'] }. */
export type Changes = Record<string, [unknown, unknown]>;

export interface Transition {
  patch: Partial<TicketState> & { resolutionNote?: string | null; rootCause?: string | null; voidReason?: string };
  changes: Changes;
  note: string | null;
}

function requireText(value: string | undefined, field: string): DomainError | null {
  return value && value.trim().length > 0 ? null : new DomainError('reason_required', { field });
}

/**
 * Decide an action. `actorId` is who does it; the first responder (首问负责人)
 * is the user who accepts the ticket and stays so through every transfer.
 */
export function decide(state: TicketState, action: TicketAction, actorId: number, now: number): Result<Transition> {
  if (!ALLOWED_FROM[action.type].includes(state.status)) {
    return fail('illegal_transition', { action: action.type, status: state.status });
  }
  const patch: Transition['patch'] = {};
  let note: string | null = null;
  const textError = (value: string | undefined, field: string): Result<never> | null => {
    const e = requireText(value, field);
    return e ? { ok: false, error: e } : null;
  };

  switch (action.type) {
    case 'accept':
      patch.status = 'accepted';
      if (state.firstResponderId === null) patch.firstResponderId = actorId;
      if (state.assigneeId === null) patch.assigneeId = actorId;
      if (state.firstResponseAt === null) patch.firstResponseAt = now;
      break;
    case 'start':
      patch.status = 'in_progress';
      break;
    case 'pend': {
      const e = textError(action.reason, 'reason');
      if (e) return e;
      patch.status = 'pending_customer';
      note = action.reason.trim();
      break;
    }
    case 'resume':
      patch.status = 'in_progress';
      break;
    case 'respond': {
      const e = textError(action.note, 'note');
      if (e) return e;
      patch.status = 'responded';
      if (state.firstResponseAt === null) patch.firstResponseAt = now;
      note = action.note.trim();
      break;
    }
    case 'resolve': {
      const e = textError(action.note, 'note');
      if (e) return e;
      patch.status = 'resolved';
      patch.resolvedAt = now;
      patch.resolutionNote = action.note.trim();
      patch.rootCause = action.rootCause?.trim() || null;
      if (state.firstResponseAt === null) patch.firstResponseAt = now;
      note = action.note.trim();
      break;
    }
    case 'close':
      patch.status = 'closed';
      patch.closedAt = now;
      patch.satisfaction = action.satisfaction;
      note = action.note?.trim() || null;
      break;
    case 'reopen': {
      const e = textError(action.reason, 'reason');
      if (e) return e;
      // A reopened ticket counts as a repeat complaint (docs/REQUIREMENTS.md §1); the earlier
      // resolution stays in the history, the ticket itself is open again. Its rating stays: the
      // customer's latest answer counts until they give another at the next close (docs/KPIS.md).
      patch.status = 'in_progress';
      patch.resolvedAt = null;
      patch.closedAt = null;
      patch.resolutionNote = null;
      patch.rootCause = null;
      patch.isRepeat = true;
      patch.reopenCount = state.reopenCount + 1;
      note = action.reason.trim();
      break;
    }
    case 'transfer': {
      const e = textError(action.department, 'department');
      if (e) return e;
      if (action.department.trim() === state.department && action.assigneeId === state.assigneeId) {
        return fail('validation', { field: 'department', rule: 'same_as_current' });
      }
      patch.department = action.department.trim();
      patch.assigneeId = action.assigneeId;
      // A transfer settles any open request: the supervisor confirmed it, or chose otherwise.
      if (state.transferRequest) patch.transferRequest = null;
      note = action.reason?.trim() || null;
      break;
    }
    case 'release': {
      const e = textError(action.reason, 'reason');
      if (e) return e;
      if (state.assigneeId === null) return fail('validation', { field: 'assigneeId', rule: 'not_assigned' });
      patch.assigneeId = null;
      note = action.reason.trim();
      break;
    }
    case 'request_transfer': {
      const e = textError(action.department, 'department') ?? textError(action.reason, 'reason');
      if (e) return e;
      if (state.transferRequest) return fail('validation', { field: 'department', rule: 'request_open' });
      const department = action.department.trim();
      if (department === state.department && action.assigneeId === state.assigneeId) {
        return fail('validation', { field: 'department', rule: 'same_as_current' });
      }
      patch.transferRequest = { department, assigneeId: action.assigneeId };
      note = action.reason.trim();
      break;
    }
    case 'decline_transfer': {
      const e = textError(action.reason, 'reason');
      if (e) return e;
      if (!state.transferRequest) return fail('validation', { field: 'department', rule: 'no_request' });
      patch.transferRequest = null;
      note = action.reason.trim();
      break;
    }
    case 'collaborate': {
      const e = textError(action.department, 'department');
      if (e) return e;
      const dept = action.department.trim();
      if (state.collaborators.includes(dept) || dept === state.department) {
        return fail('validation', { field: 'department', rule: 'already_involved' });
      }
      patch.collaborators = [...state.collaborators, dept];
      note = action.note?.trim() || null;
      break;
    }
    case 'escalate': {
      const e = textError(action.reason, 'reason');
      if (e) return e;
      if (levelRank(action.level) <= levelRank(state.level)) {
        return fail('level_not_higher', { from: state.level, to: action.level });
      }
      patch.level = action.level;
      note = action.reason.trim();
      break;
    }
    case 'void': {
      const e = textError(action.reason, 'reason');
      if (e) return e;
      patch.status = 'voided';
      patch.voidReason = action.reason.trim();
      note = action.reason.trim();
      break;
    }
  }
  const changes = diff(state, patch);
  // Every rating is in the history, even one that repeats the answer given before a reopening.
  if (action.type === 'close') changes.satisfaction = [state.satisfaction, action.satisfaction];
  return ok({ patch, changes, note });
}

function diff(state: TicketState, patch: Transition['patch']): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(patch)) {
    if (key === 'resolutionNote' || key === 'rootCause' || key === 'voidReason') continue;
    const from = (state as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = [from ?? null, to];
  }
  return changes;
}
