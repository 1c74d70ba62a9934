/**
 * Which desktop notifications one batch of alerts makes (docs/REQUIREMENTS.md §2: grouped when
 * many fire together): one per alert when a few fire, one grouped notice when
 * more do, and always one grouped notice for the catch-up at start, however
 * many fell due while the console was closed.
 */
import type { Locale } from '../../core/messages';
import type { AlertBatch } from '../../core/sla/alert-model';
import { alertText, groupText, type NoticeText } from './alert-words';

/** Up to this many alerts raised together are shown one by one. */
export const MAX_SINGLE_NOTICES = 3;

export interface Notice extends NoticeText {
  /** The ticket a click opens; null for a grouped notice (it opens the console). */
  ticketId: number | null;
}

export function noticesFor(batch: AlertBatch, locale: Locale): Notice[] {
  if (batch.alerts.length === 0) return [];
  if (batch.catchUp || batch.alerts.length > MAX_SINGLE_NOTICES) {
    return [{ ...groupText(batch, locale), ticketId: null }];
  }
  return batch.alerts.map((a) => ({ ...alertText(a, locale), ticketId: a.ticketId }));
}
