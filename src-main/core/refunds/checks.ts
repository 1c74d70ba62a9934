/**
 * The checks of docs/REQUIREMENTS.md §4 and the arithmetic of a ticket's refunds: amount
 * bounds, likely duplicates, what counts toward the per-ticket total, and
 * reversal entries (an executed entry is corrected only by a new entry of the
 * opposite sign; the original stays as it was).
 */
import { DomainError } from '../errors';
import { formatFen } from '../money';
import { MAX_REFUND_FEN, type RefundSettings } from './authority';
import type { RefundStatus, RefundType } from './types';

export const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

export function checkAmount(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > MAX_REFUND_FEN) {
    throw new DomainError('refund_amount', { max: formatFen(MAX_REFUND_FEN) });
  }
}

export interface EntryFacts {
  id: number;
  type: RefundType;
  amountFen: number;
  status: RefundStatus;
  createdAt: number;
  reversesId: number | null;
}

/** Same ticket (the caller's list), same type and amount, within 24 h, not rejected. */
export function likelyDuplicates<E extends EntryFacts>(
  entries: readonly E[],
  candidate: { type: RefundType; amountFen: number; at: number },
): E[] {
  return entries.filter(
    (e) =>
      e.status !== 'rejected' &&
      e.type === candidate.type &&
      e.amountFen === candidate.amountFen &&
      Math.abs(candidate.at - e.createdAt) < DUPLICATE_WINDOW_MS,
  );
}

/**
 * Whether an entry counts toward the ticket's total: refunds once submitted
 * and not rejected (money promised or paid); a reversal only once executed
 * (money actually taken back), so a pending reversal never frees authority.
 */
export function countsTowardTotal(e: Pick<EntryFacts, 'amountFen' | 'status'>): boolean {
  if (e.status === 'draft' || e.status === 'rejected') return false;
  return e.amountFen > 0 || e.status === 'executed';
}

export function ticketTotal(entries: readonly Pick<EntryFacts, 'amountFen' | 'status'>[]): number {
  return entries.filter(countsTowardTotal).reduce((sum, e) => sum + e.amountFen, 0);
}

/** Money actually paid out on the ticket: executed refunds minus executed reversals. */
export function netExecuted(entries: readonly Pick<EntryFacts, 'amountFen' | 'status'>[]): number {
  return entries.filter((e) => e.status === 'executed').reduce((sum, e) => sum + e.amountFen, 0);
}

/**
 * The reversal entry for an executed one: same ticket and type, the opposite
 * amount, pointing at it. Refused for anything not executed, for a reversal
 * itself, and when a live (not rejected) reversal already exists.
 */
export function reversalOf(
  original: EntryFacts,
  existingReversals: readonly Pick<EntryFacts, 'status'>[],
): { type: RefundType; amountFen: number; reversesId: number } {
  if (original.status !== 'executed' || original.reversesId !== null || original.amountFen <= 0) {
    throw new DomainError('refund_state', { action: 'reverse', status: original.reversesId !== null ? 'reversal' : original.status });
  }
  if (existingReversals.some((r) => r.status !== 'rejected')) {
    throw new DomainError('refund_state', { action: 'reverse', status: 'already_reversed' });
  }
  return { type: original.type, amountFen: -original.amountFen, reversesId: original.id };
}

const wholeFen = (v: number) => Number.isSafeInteger(v) && v > 0;

/** An admin's new limits must make sense together; the field named is the first one that does not. */
export function checkRefundSettings(s: RefundSettings): void {
  // No sentence of its own: the validation template's fallback says "<field> is not valid".
  const bad = (field: string) => new DomainError('validation', { field, rule: 'refund_limits' });
  if (!wholeFen(s.agentLimitFen)) throw bad('agentLimitFen');
  if (!wholeFen(s.supervisorLimitFen) || s.supervisorLimitFen < s.agentLimitFen || s.supervisorLimitFen > MAX_REFUND_FEN) {
    throw bad('supervisorLimitFen');
  }
  if (!wholeFen(s.ticketTotalFen)) throw bad('ticketTotalFen');
  if (!Number.isInteger(s.executeWithinHours) || s.executeWithinHours < 1 || s.executeWithinHours > 720) throw bad('executeWithinHours');
}
