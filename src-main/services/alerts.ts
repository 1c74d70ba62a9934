/** The notification centre: stored alerts, listed and acknowledged (who, when). */
import { AlertStore } from '../db/alert-store';
import type { Alert } from '../core/sla/alert-model';
import type { UserInfo } from '../core/model';
import type { ServiceContext } from './context';

export function listAlerts(
  ctx: ServiceContext,
  opts: { unacknowledgedOnly: boolean; limit: number; ticketId?: number | undefined },
): Alert[] {
  return new AlertStore(ctx.db).list(opts);
}

export function unacknowledgedAlerts(ctx: ServiceContext): number {
  return new AlertStore(ctx.db).unacknowledgedCount();
}

export function acknowledgeAlerts(ctx: ServiceContext, actor: UserInfo, ids: readonly number[]): number {
  return ctx.db.transaction(() => {
    const n = new AlertStore(ctx.db).acknowledge(ids, actor.id, ctx.now());
    if (n > 0) ctx.audit.add(ctx.now(), actor.id, 'alerts.acknowledge', null, { ids });
    return n;
  })();
}
