/**
 * Which step an entry may take next, and who may take it:
 * draft → pending_approval → approved | rejected → executed, plus a reversal
 * (a new entry) for an executed one. Nothing moves out of rejected or executed.
 */
import { DomainError } from '../errors';
import { roleAtLeast, type Role } from '../enums';
import { EXECUTOR_ROLE } from './authority';
import type { Refund, RefundAction, RefundStatus } from './types';

const FROM: Record<Exclude<RefundAction, 'reverse'>, RefundStatus> = {
  submit: 'draft',
  approve: 'pending_approval',
  reject: 'pending_approval',
  execute: 'approved',
};

/** Refuse an action the entry's status does not allow. */
export function assertStatusFor(action: Exclude<RefundAction, 'reverse'>, status: RefundStatus): void {
  if (FROM[action] !== status) throw new DomainError('refund_state', { action, status });
}

export interface Viewer {
  id: number;
  role: Role;
}

type Facts = Pick<Refund, 'status' | 'createdBy' | 'requiredRole' | 'reversesId' | 'reversedById' | 'amountFen'>;

/** The buttons a viewer gets for an entry; the services check the same rules again on the way in. */
export function allowedRefundActions(e: Facts, viewer: Viewer): RefundAction[] {
  switch (e.status) {
    case 'draft':
      return e.createdBy === viewer.id ? ['submit'] : [];
    case 'pending_approval': {
      const needed = e.requiredRole === 'manager' ? 'manager' : 'supervisor';
      return e.createdBy !== viewer.id && roleAtLeast(viewer.role, needed) ? ['approve', 'reject'] : [];
    }
    case 'approved':
      return roleAtLeast(viewer.role, EXECUTOR_ROLE) ? ['execute'] : [];
    case 'executed':
      return e.reversesId === null && e.reversedById === null && e.amountFen > 0 ? ['reverse'] : [];
    default:
      return [];
  }
}
