/**
 * The ticket list a warning opens: the tickets it counts — its category (with
 * the category's children), its district, received in its window, not voided.
 */
import { STATUSES } from '../../src-main/core/enums';
import { ticketsHref } from '../state/route';
import type { WarningRow } from './types';

export function warningTicketsHref(w: Pick<WarningRow, 'categoryId' | 'district' | 'windowStart' | 'windowEnd'>): string | null {
  if (w.categoryId === null) return null;
  return ticketsHref({
    cat: String(w.categoryId),
    district: w.district ?? undefined,
    rf: String(w.windowStart),
    rt: String(w.windowEnd),
    status: STATUSES.filter((s) => s !== 'voided').join(','),
  });
}
