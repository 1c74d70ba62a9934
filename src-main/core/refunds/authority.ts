/**
 * Approval authority (处理权限, docs/REQUIREMENTS.md §4). Per entry, an agent may settle up to
 * ¥50 and a supervisor up to ¥500 on their own authority; above that, or when
 * the ticket's refunds would total over ¥2,000, only a manager may approve.
 * All limits are settings an admin can change; these are the shipped defaults.
 *
 * Separation of duties (the amended rule): only a small entry within the
 * agent limit may be entered and approved by one person — their authority is
 * the approval, recorded as `auto_approve` with who and when. Anything larger
 * goes to a second person with enough authority, whoever entered it: a
 * manager entering ¥100,000 waits for another manager like anyone else. A
 * branch that wants four eyes on every entry sets `secondPersonWithinLimit`.
 * Nobody ever approves an entry they entered, and only a supervisor or above
 * executes one (pays it out in the billing system).
 */
import { DomainError } from '../errors';
import { roleAtLeast, type Role } from '../enums';
import type { ApproverRole } from './types';

export interface RefundSettings {
  agentLimitFen: number;
  supervisorLimitFen: number;
  /** A ticket's refunds may total this much before a manager must approve. */
  ticketTotalFen: number;
  /** An approved entry must be executed within this many hours. */
  executeWithinHours: number;
  secondPersonWithinLimit: boolean;
}

/** No single entry may exceed ¥100,000 (a fixed rule of docs/REQUIREMENTS.md §4, also a CHECK in the schema). */
export const MAX_REFUND_FEN = 10_000_000;

export const DEFAULT_REFUND_SETTINGS: RefundSettings = {
  agentLimitFen: 5_000,
  supervisorLimitFen: 50_000,
  ticketTotalFen: 200_000,
  executeWithinHours: 72,
  secondPersonWithinLimit: false,
};

const RANK: Record<ApproverRole, number> = { agent: 0, supervisor: 1, manager: 2 };
const higher = (a: ApproverRole, b: ApproverRole): ApproverRole => (RANK[a] >= RANK[b] ? a : b);

/** The most one person of this role may settle per entry. */
export function entryLimit(role: Role, s: RefundSettings): number {
  if (role === 'agent') return s.agentLimitFen;
  if (role === 'supervisor') return s.supervisorLimitFen;
  return MAX_REFUND_FEN;
}

/**
 * The least role whose authority covers an entry of `amountFen` (a reversal's
 * size counts as its absolute value) on a ticket whose counted refunds would
 * then total `ticketTotalAfterFen`.
 */
export function requiredRole(amountFen: number, ticketTotalAfterFen: number, s: RefundSettings): ApproverRole {
  const size = Math.abs(amountFen);
  if (size > s.supervisorLimitFen || ticketTotalAfterFen > s.ticketTotalFen) return 'manager';
  if (size > s.agentLimitFen) return 'supervisor';
  return 'agent';
}

export type SubmitOutcome =
  | { status: 'approved'; requiredRole: ApproverRole }
  | { status: 'pending_approval'; requiredRole: ApproverRole };

/**
 * What submitting does: an entry within the agent limit is approved by the
 * submitter's own authority (anyone may settle one); anything needing more
 * waits for a second person with enough authority, whatever the submitter's
 * own role.
 */
export function submitOutcome(required: ApproverRole, s: RefundSettings): SubmitOutcome {
  if (!s.secondPersonWithinLimit && required === 'agent') return { status: 'approved', requiredRole: required };
  // Agents never approve: a second person is a supervisor at least.
  return { status: 'pending_approval', requiredRole: higher(required, 'supervisor') };
}

/** Who may pay an approved entry out and record the voucher: a supervisor or above. */
export const EXECUTOR_ROLE: Role = 'supervisor';

export function executionRefusal(executor: Approver): DomainError | null {
  return roleAtLeast(executor.role, EXECUTOR_ROLE) ? null : new DomainError('refund_executor', { needed: EXECUTOR_ROLE });
}

export interface Approver {
  id: number;
  role: Role;
}

/**
 * Why `approver` may not decide an entry, or null when they may. `required` is
 * the larger of what the entry needed at submission and what it needs now (the
 * ticket's total may have grown meanwhile).
 */
export function approvalRefusal(approver: Approver, enteredBy: readonly number[], required: ApproverRole): DomainError | null {
  if (enteredBy.includes(approver.id)) return new DomainError('refund_self_approval');
  const needed = higher(required, 'supervisor');
  if (!roleAtLeast(approver.role, needed)) return new DomainError('refund_authority', { needed });
  return null;
}

export { higher as higherRole };
