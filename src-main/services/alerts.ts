/**
 * The notification centre: one entry per clock (its latest stage), each
 * person seeing the alerts addressed to their role or below, acknowledging a
 * clock at a time (who and when are kept, and audited).
 */
import { AlertStore } from '../db/alert-store';
import { addressedTo, audienceFor, mayAcknowledge, TARGET_ROLE } from '../core/sla/alert-audience';
import type { AlertEntry } from '../core/sla/alert-model';
import type { UserInfo } from '../core/model';
import { DomainError } from '../core/errors';
import type { ServiceContext } from './context';

export function listAlerts(
  ctx: ServiceContext,
  viewer: UserInfo,
  opts: { unacknowledgedOnly: boolean; limit: number; ticketId?: number | undefined },
): AlertEntry[] {
  return new AlertStore(ctx.db).entries({ ...opts, audience: audienceFor(viewer) });
}

/** Clocks with an alert this viewer has not acknowledged; no viewer (the host itself) counts every rung. */
export function unacknowledgedAlerts(ctx: ServiceContext, viewer: UserInfo | null): number {
  return new AlertStore(ctx.db).unacknowledgedClocks(audienceFor(viewer));
}

/**
 * Acknowledge the clocks of these entries (alert ids). An alert escalated past
 * the actor's role refuses the whole request, so nothing is half-done. Returns
 * how many clocks had something left to acknowledge.
 */
export function acknowledgeAlerts(ctx: ServiceContext, actor: UserInfo, ids: readonly number[]): number {
  const store = new AlertStore(ctx.db);
  return ctx.db.transaction(() => {
    const found = store.byIds([...new Set(ids)]);
    const missing = ids.find((id) => !found.some((a) => a.id === id));
    if (missing !== undefined) throw new DomainError('not_found', { what: 'alert', id: missing });
    const beyond = found.find((a) => !mayAcknowledge(actor.role, a.targetRole));
    if (beyond) throw new DomainError('forbidden', { needed: TARGET_ROLE[beyond.targetRole] });
    // An agent acknowledges only the alerts addressed to them, not a colleague's ticket's.
    const audience = audienceFor(actor);
    const notMine = found.find((a) => !addressedTo(audience, a));
    if (notMine) throw new DomainError('forbidden', { needed: TARGET_ROLE.supervisor });
    const n = store.acknowledgeClocks(found, audience, actor.id, ctx.now());
    if (n > 0) ctx.audit.add(ctx.now(), actor.id, 'alerts.acknowledge', null, { ids: found.map((a) => a.id) });
    return n;
  })();
}
