/**
 * Keeps every ticket's deadline clocks in step with the ticket: called through
 * the tickets-changed hook inside the writer's transaction, so a ticket and
 * its clocks can never disagree.
 */
import type { ServiceContext } from './context';
import { ClockFacts } from '../db/clock-facts';
import { ClockStore } from '../db/clock-store';
import { readSlaConfig } from '../db/sla-config';
import { computeTicketClocks } from '../core/sla/compute';
import { TICKET_CLOCKS } from '../core/sla/policy';

export function recomputeClocks(ctx: ServiceContext, ticketIds: readonly number[]): void {
  const config = readSlaConfig(ctx.db);
  const store = new ClockStore(ctx.db);
  const facts = new ClockFacts(ctx.db);
  let earliest: number | null = null;
  for (const id of new Set(ticketIds)) {
    const t = facts.ticket(id);
    if (!t) continue;
    const rows = computeTicketClocks(t, facts.history(id), config, store.raisedKeys(id));
    store.replace(id, rows, { clocks: TICKET_CLOCKS });
    for (const r of rows) if (r.nextAlertAt !== null && (earliest === null || r.nextAlertAt < earliest)) earliest = r.nextAlertAt;
  }
  ctx.bus.emit('clocks-changed', { earliest });
}

/** After a policy change: every ticket whose clocks still run gets them again under the new rules. */
export function recomputeOpenClocks(ctx: ServiceContext): number {
  const ids = new ClockFacts(ctx.db).ticketsWithOpenClocks();
  recomputeClocks(ctx, ids);
  return ids.length;
}
