/**
 * Breach causes (超时原因): when a ticket is settled after one of its clocks
 * was missed, the person settling it says why, from the branch's list. Pure:
 * the service says whether a clock was missed and hands in the list.
 */
import { DomainError } from './errors';

export interface BreachCauseOption {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The cause needs words of its own (其他). */
  needsText: boolean;
  active: boolean;
}

export interface BreachCauseChoice {
  cause?: string | undefined;
  text?: string | undefined;
}

/** The refusal for settling with this choice, or null when it may go ahead. */
export function breachCauseRefusal(missed: boolean, choice: BreachCauseChoice, options: readonly BreachCauseOption[]): DomainError | null {
  const cause = choice.cause?.trim();
  if (!cause) return missed ? new DomainError('validation', { field: 'breachCause', rule: 'required' }) : null;
  const option = options.find((o) => o.code === cause && o.active);
  if (!option) return new DomainError('validation', { field: 'breachCause', rule: 'invalid', value: cause });
  if (option.needsText && !choice.text?.trim()) return new DomainError('validation', { field: 'breachCauseText', rule: 'required' });
  return null;
}
