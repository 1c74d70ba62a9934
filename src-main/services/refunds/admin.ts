/** An admin changes the refund settings; the change is audited and running clocks follow it. */
import { inTransaction, type ServiceContext } from '../context';
import type { RefundSettings } from '../../core/refunds/authority';
import { checkRefundSettings } from '../../core/refunds/checks';
import { refreshRunningRefundClocks } from './clock';
import { REFUND_KEYS, refundSettings } from './settings';

/** Save new limits; running execution clocks take the new number of hours at once. */
export function saveRefundSettings(ctx: ServiceContext, actorId: number, next: RefundSettings): RefundSettings {
  checkRefundSettings(next);
  return inTransaction(ctx, () => {
    const before = refundSettings(ctx);
    const now = ctx.now();
    for (const key of Object.keys(REFUND_KEYS) as Array<keyof RefundSettings>) {
      if (before[key] !== next[key]) ctx.settings.set(REFUND_KEYS[key], next[key], now, actorId);
    }
    ctx.audit.add(now, actorId, 'settings.refunds', null, { before, after: next });
    if (before.executeWithinHours !== next.executeWithinHours) refreshRunningRefundClocks(ctx);
    return refundSettings(ctx);
  });
}
