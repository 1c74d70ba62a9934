/** Turn anything thrown below the API into the `{ code, message, details }` a user reads. */
import { ZodError, type z } from 'zod';
import { DomainError } from '../core/errors';
import { fieldLabel, messageFor, type Locale } from '../core/messages';
import type { ApiError } from './define';

function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
  return 'invalid';
}

export function zodToDomain(e: ZodError): DomainError {
  const first = e.issues[0];
  const field = first ? String(first.path.filter((p) => typeof p === 'string').at(-1) ?? '') : '';
  const params: Record<string, string | number> = { field, rule: first ? ruleOf(first) : 'invalid' };
  if (first?.code === 'too_big' && typeof first.maximum === 'number') params.max = first.maximum;
  return new DomainError('validation', params, e.issues.map((i) => ({ path: i.path.join('.'), code: i.code })));
}

export function toApiError(e: unknown, locale: Locale, log: (e: unknown) => void = console.error): ApiError {
  const domain = e instanceof ZodError ? zodToDomain(e) : e instanceof DomainError ? e : null;
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
