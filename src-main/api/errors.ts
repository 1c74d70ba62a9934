/** Turn anything thrown below the API into the `{ code, message, details }` a user reads. */
import { ZodError, type z } from 'zod';
import { DomainError } from '../core/errors';
import { fieldLabel, messageFor, type Locale } from '../core/messages';
import type { ApiError } from './define';

/** The rule an issue broke, with the bound it names: "Please fill in" only for what is really empty. */
function ruleOf(issue: z.core.$ZodIssue): { rule: string; min?: number; max?: number } {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'string' && min <= 1) return { rule: 'required' };
    return issue.origin === 'array' || issue.origin === 'set' ? { rule: 'too_few', min } : { rule: 'too_small', min };
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'string') return { rule: 'too_long', max };
    return issue.origin === 'array' || issue.origin === 'set' ? { rule: 'too_many', max } : { rule: 'too_large', max };
  }
  if (issue.code === 'unrecognized_keys') return { rule: 'unknown_field' };
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return { rule: 'required' };
  return { rule: 'invalid' };
}

/** The field a person would recognise: the innermost named key, the unknown key itself, or the request as a whole. */
function fieldOf(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'request';
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) return issue.keys[0];
  const named = issue.path.filter((p) => typeof p === 'string').at(-1);
  return named ? String(named) : 'request';
}

export function zodToDomain(e: ZodError): DomainError {
  const first = e.issues[0];
  const { rule, min, max } = first ? ruleOf(first) : { rule: 'invalid' };
  const params: Record<string, string | number> = { field: fieldOf(first), rule };
  if (min !== undefined) params.min = min;
  if (max !== undefined) params.max = max;
  return new DomainError('validation', params, e.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
}

/**
 * SQLite reports damage found while answering a call (a page the start-up
 * check never read) as SQLITE_CORRUPT: the user gets the damaged-file message
 * with the way to restore, not "internal error".
 */
function corruption(e: unknown): DomainError | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
    ? new DomainError('db_corrupt', { problem: (e as Error).message })
    : null;
}

export function toApiError(e: unknown, locale: Locale, log: (e: unknown) => void = console.error): ApiError {
  const damaged = corruption(e);
  if (damaged) log(e);
  const domain = e instanceof ZodError ? zodToDomain(e) : e instanceof DomainError ? e : damaged;
  if (!domain) {
    log(e);
    const internal = new DomainError('internal');
    return { code: internal.code, message: messageFor(internal, locale) };
  }
  const details = domain.details ?? (domain.params.field ? { field: domain.params.field } : undefined);
  return {
    code: domain.code,
    message: messageFor(domain, locale),
    ...(details !== undefined ? { details } : {}),
  };
}

export { fieldLabel };
