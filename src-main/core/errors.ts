/**
 * Domain errors carry a stable code and parameters, never a sentence: the
 * sentence is chosen at the edge in the user's language (see messages.ts), so
 * the same rule can speak Chinese to a supervisor and English to IT staff.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'locked'
  | 'conflict'
  | 'illegal_transition'
  | 'invalid_phone'
  | 'duplicate_ticket'
  | 'unknown_category'
  | 'reason_required'
  | 'setup_done'
  | 'demo_needs_empty'
  | 'bad_credentials'
  | 'weak_password'
  | 'level_not_higher'
  | 'db_too_new'
  | 'db_corrupt'
  | 'sla_policy_invalid'
  | 'sla_calendar_invalid'
  | 'sla_policy_changed'
  | 'import_refused'
  | 'refund_amount'
  | 'refund_duplicate'
  | 'refund_self_approval'
  | 'refund_authority'
  | 'refund_state'
  | 'export_refused'
  | 'too_many_attempts'
  | 'account_disabled'
  | 'account_change_refused'
  | 'wrong_current_password'
  | 'refund_executor'
  | 'action_forbidden'
  | 'refund_voucher_used'
  | 'knowledge_invalid'
  | 'knowledge_conflict'
  | 'warning_state'
  | 'qc_project_invalid'
  | 'list_value'
  | 'internal';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, params: Record<string, string | number> = {}, details?: unknown): Result<never> => ({
  ok: false,
  error: new DomainError(code, params, details),
});
