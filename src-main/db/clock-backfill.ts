/**
 * Compute the clocks of many tickets at once (a migration, demo data): tickets
 * are read in id order in batches with their histories, and written in one pass.
 */
import type { Db } from './open';
import { ClockStore } from './clock-store';
import { readSlaConfig } from './sla-config';
import { computeTicketClocks } from '../core/sla/compute';
import type { StatusChange } from '../core/sla/ticket-clocks';
import { STATUSES } from '../core/enums';
import { z } from 'zod';
import { allRows, int, text } from './rows';
import { FactsRow } from './clock-facts';


const EventRow: z.ZodType<StatusChange & { ticketId: number }> = z.object({
  ticketId: int,
  at: int,
  action: text,
  from: z.enum(STATUSES).nullable(),
  to: z.enum(STATUSES).nullable(),
});

const BATCH = 5000;

export function backfillClocks(db: Db, fromId = 0): number {
  const config = readSlaConfig(db);
  const store = new ClockStore(db);
  const tickets = db.prepare(`SELECT id, channel, level, category_id AS categoryId, status, received_at AS receivedAt,
      first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt
    FROM tickets WHERE id > ? ORDER BY id LIMIT ?`);
  const events = db.prepare(`SELECT ticket_id AS ticketId, at, action, from_status AS "from", to_status AS "to"
    FROM ticket_events WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, id`);
  let last = fromId;
  let done = 0;
  for (;;) {
    const batch = allRows(FactsRow, tickets, last, BATCH);
    if (batch.length === 0) return done;
    const history = new Map<number, StatusChange[]>();
    for (const e of allRows(EventRow, events, batch[0]!.id, batch.at(-1)!.id)) {
      if (!history.has(e.ticketId)) history.set(e.ticketId, []);
      history.get(e.ticketId)!.push(e);
    }
    db.transaction(() => {
      for (const t of batch) {
        store.replace(t.id, computeTicketClocks(t, history.get(t.id) ?? [], config), {
          clocks: ['first_response', 'resolution', 'follow_up'],
        });
      }
    })();
    done += batch.length;
    last = batch.at(-1)!.id;
  }
}
