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
  const option = options.find((o) => o.code === cause);
  if (option && !option.active) return new DomainError('validation', { field: 'breachCause', rule: 'retired_cause', value: option.nameZh });
  if (!option) return new DomainError('validation', { field: 'breachCause', rule: 'invalid', value: cause });
  if (option.needsText && !choice.text?.trim()) return new DomainError('validation', { field: 'breachCauseText', rule: 'required' });
  return null;
}

/** The studies' causes the console ships (migration 0018): they stay on the list — renamed if the branch likes, never retired. */
export const SHIPPED_BREACH_CAUSES: readonly string[] = [
  'backlog',
  'wrong_dispatch',
  'fault_location',
  'other_department',
  'customer_unreachable',
  'system_fault',
  'other',
];

/** A cause added (no code) or changed (its code) on the settings screen. */
export interface BreachCauseEdit {
  code?: string | undefined;
  nameZh: string;
  nameEn: string;
  needsText: boolean;
  active: boolean;
}

/** The refusal for this edit of the branch's list, or null when it may be saved. */
export function breachCauseEditRefusal(edit: BreachCauseEdit, options: readonly BreachCauseOption[]): DomainError | null {
  const zh = edit.nameZh.trim();
  const en = edit.nameEn.trim();
  if (!zh) return new DomainError('validation', { field: 'breachCauseName', rule: 'required' });
  if (!en) return new DomainError('validation', { field: 'breachCauseNameEn', rule: 'required' });
  const existing = edit.code === undefined ? undefined : options.find((o) => o.code === edit.code);
  if (edit.code !== undefined && !existing) return new DomainError('validation', { field: 'breachCause', rule: 'invalid', value: edit.code });
  const others = options.filter((o) => o.code !== edit.code);
  if (others.some((o) => o.nameZh.trim() === zh)) return new DomainError('validation', { field: 'breachCauseName', rule: 'taken' });
  if (others.some((o) => o.nameEn.trim().toLowerCase() === en.toLowerCase())) return new DomainError('validation', { field: 'breachCauseNameEn', rule: 'taken' });
  if (existing && !edit.active && SHIPPED_BREACH_CAUSES.includes(existing.code)) {
    return new DomainError('validation', { field: 'breachCause', rule: 'shipped_cause', value: existing.nameZh });
  }
  return null;
}

/** The code of a cause the branch adds: branch_1, branch_2, … (codes travel in links, so never reused). */
export function nextBreachCauseCode(options: readonly BreachCauseOption[]): string {
  const used = options.map((o) => /^branch_(\d+)$/.exec(o.code)).map((m) => (m ? Number(m[1]) : 0));
  return `branch_${Math.max(0, ...used) + 1}`;
}
