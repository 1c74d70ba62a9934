/**
 * Keeps every ticket's deadline clocks in step with the ticket: called through
 * the tickets-changed hook inside the writer's transaction, so a ticket and
 * its clocks can never disagree.
 */
import type { ServiceContext } from './context';
import { ClockStore } from '../db/clock-store';
import { readSlaConfig } from '../db/sla-config';
import { computeTicketClocks, type ClockedTicket } from '../core/sla/compute';
import type { StatusChange } from '../core/sla/ticket-clocks';
import { TICKET_CLOCKS } from '../core/sla/policy';

export function recomputeClocks(ctx: ServiceContext, ticketIds: readonly number[]): void {
  const config = readSlaConfig(ctx.db);
  const store = new ClockStore(ctx.db);
  const ticketStmt = ctx.db.prepare(`SELECT id, channel, level, category_id AS categoryId, status, received_at AS receivedAt,
      first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt FROM tickets WHERE id = ?`);
  const historyStmt = ctx.db.prepare(`SELECT at, action, from_status AS "from", to_status AS "to"
      FROM ticket_events WHERE ticket_id = ? ORDER BY id`);
  let earliest: number | null = null;
  for (const id of new Set(ticketIds)) {
    const t = ticketStmt.get(id) as (ClockedTicket & { id: number }) | undefined;
    if (!t) continue;
    const rows = computeTicketClocks(t, historyStmt.all(id) as StatusChange[], config, store.raisedKeys(id));
    store.replace(id, rows, { clocks: TICKET_CLOCKS });
    for (const r of rows) if (r.nextAlertAt !== null && (earliest === null || r.nextAlertAt < earliest)) earliest = r.nextAlertAt;
  }
  ctx.bus.emit('clocks-changed', { earliest });
}

/** After a policy change: every ticket whose clocks still run gets them again under the new rules. */
export function recomputeOpenClocks(ctx: ServiceContext): number {
  const ids = (
    ctx.db.prepare('SELECT DISTINCT ticket_id AS id FROM ticket_clocks WHERE stopped_at IS NULL AND cancelled = 0').all() as Array<{ id: number }>
  ).map((r) => r.id);
  recomputeClocks(ctx, ids);
  return ids.length;
}
