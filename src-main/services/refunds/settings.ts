/**
 * The refund settings (docs/REQUIREMENTS.md §4 *default* values) as stored: the authority
 * limits, the per-ticket total, the hours to execute, and whether an entry
 * within the submitter's own limit still needs a second person.
 */
import type { ServiceContext } from '../context';
import { DEFAULT_REFUND_SETTINGS, type RefundSettings } from '../../core/refunds/authority';

/** One key per setting, each under `refunds.` (e.g. refunds.executeWithinHours). */
export const REFUND_KEYS: Record<keyof RefundSettings, string> = {
  agentLimitFen: 'refunds.agentLimitFen',
  supervisorLimitFen: 'refunds.supervisorLimitFen',
  ticketTotalFen: 'refunds.ticketTotalFen',
  executeWithinHours: 'refunds.executeWithinHours',
  secondPersonWithinLimit: 'refunds.secondPersonWithinLimit',
};

export function refundSettings(ctx: ServiceContext): RefundSettings {
  const s = { ...DEFAULT_REFUND_SETTINGS };
  for (const key of Object.keys(REFUND_KEYS) as Array<keyof RefundSettings>) {
    const v = ctx.settings.get<RefundSettings[typeof key]>(REFUND_KEYS[key]);
    if (v !== undefined) (s as Record<string, unknown>)[key] = v;
  }
  return s;
}
