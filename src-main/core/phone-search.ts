/**
 * What the search box's text means as a phone search, and what it may mean
 * for someone who sees numbers masked (138****5678, 020-****5678). Such a
 * person may find a ticket by the whole number (they must already know it)
 * or by its last four digits (尾号, which the mask shows anyway) — never by
 * any other part: "1380" matching in the hidden middle would tell them a
 * masked digit, and a few dozen searches would read a whole number back.
 * Fewer than four digits search no phone: too many tickets share them.
 */
import { normalizePhone, VISIBLE_TAIL } from './phone';

export const MIN_PHONE_PART = 4;

export type PhoneQuery =
  | { kind: 'none' }
  /** The whole number, as stored. */
  | { kind: 'exact'; phone: string }
  /** These digits anywhere in the number. */
  | { kind: 'part'; digits: string }
  /** The number ends with these digits. */
  | { kind: 'tail'; digits: string };

export function phoneQuery(typed: string, sees: 'whole' | 'masked'): PhoneQuery {
  const text = typed.trim();
  const exact = normalizePhone(text);
  if (exact) return { kind: 'exact', phone: exact };
  const digits = text.replace(/[\s\-.()（）+]/g, '');
  if (!/^\d+$/.test(digits) || digits.length < MIN_PHONE_PART) return { kind: 'none' };
  if (sees === 'whole') return { kind: 'part', digits };
  return digits.length <= VISIBLE_TAIL ? { kind: 'tail', digits } : { kind: 'none' };
}

/**
 * The phone index's query (migration 0017 indexes each number's digits and a
 * full stop after them): a quoted run of digits matches it anywhere, the run
 * and the full stop only at the end.
 */
export function phoneIndexMatch(q: { kind: 'part' | 'tail'; digits: string }): string {
  return `"${q.digits}${q.kind === 'tail' ? '.' : ''}"`;
}
