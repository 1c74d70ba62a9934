/**
 * Keeps every ticket's deadline clocks in step with the ticket: called through
 * the tickets-changed hook inside the writer's transaction, so a ticket and
 * its clocks can never disagree.
 */
import type { ServiceContext } from './context';
import type { TicketsChangedNote } from './ticket-hooks';
import { ClockFacts, type FactsWithColumns } from '../db/clock-facts';
import { ClockStore, storesAs, type StoredClockColumns } from '../db/clock-store';
import { readSlaConfig } from '../db/sla-config';
import { computeTicketClocks } from '../core/sla/compute';
import { TICKET_CLOCKS, type ClockKind } from '../core/sla/policy';
import type { ClockRow } from '../core/sla/rows';
import { ticketClockColumns, type TicketClockColumns } from '../core/sla/ticket-columns';

/** Tickets read and computed together: a statement per kind of read for the lot, not per ticket. */
const CHUNK = 500;

const OWN = new Set<string>(TICKET_CLOCKS);
const isOwn = (c: StoredClockColumns) => c.subject_id === 0 && OWN.has(c.clock);

/** A stored clock as the columns function reads it (only the fields it looks at matter). */
function asRow(c: StoredClockColumns): ClockRow {
  return {
    clock: c.clock as ClockKind,
    subjectId: c.subject_id,
    ruleId: c.rule_id,
    startedAt: c.started_at,
    limitMs: c.limit_ms,
    business: c.business === 1,
    pauses: [],
    stoppedAt: c.stopped_at,
    cancelled: c.cancelled === 1,
    untimed: c.untimed === 1,
    dueAt: c.due_at,
    warnAt: c.warn_at,
    nextAlertAt: c.next_alert_at,
    plan: [],
  };
}

const COLUMN_KEYS = ['dueAt', 'dueClock', 'warnAt', 'frMissedAt', 'resMissedAt', 'resMetAt', 'fuMissedAt'] as const satisfies ReadonlyArray<keyof TicketClockColumns>;

/**
 * Whether replacing the ticket's own clocks with `rows` and refreshing its columns would leave everything
 * as it is: the same own clocks, column for column, and the ticket's columns already what the clocks
 * (these and its refund clocks) give. A ticket updated for a reason its clocks do not see — a repeat or
 * collective flag, a new assignee — is then not written again. When in doubt (two running clocks due at
 * the same instant), it is written.
 */
function unchanged(ticket: FactsWithColumns, rows: readonly ClockRow[], stored: readonly StoredClockColumns[]): boolean {
  const own = stored.filter(isOwn);
  if (own.length !== rows.length) return false;
  for (const r of rows) {
    const s = own.find((c) => c.clock === r.clock);
    if (!s || !storesAs(s, ticket.id, r)) return false;
  }
  const columns = ticketClockColumns([...rows, ...stored.filter((c) => !isOwn(c)).map(asRow)]);
  return columns !== null && COLUMN_KEYS.every((k) => columns[k] === ticket[k]);
}

export function recomputeClocks(ctx: ServiceContext, ticketIds: readonly number[], note?: TicketsChangedNote): void {
  const config = readSlaConfig(ctx.db);
  const store = new ClockStore(ctx.db);
  const facts = new ClockFacts(ctx.db);
  let earliest: number | null = null;
  const ids = [...new Set(ticketIds)].filter((id) => !note?.clocksWritten?.has(id));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    // Writing one ticket's clocks changes nothing another ticket's computation reads: read the lot first.
    const tickets = facts.ticketsWithColumns(chunk);
    const histories = facts.histories(chunk);
    const raised = store.raisedKeysOf(chunk);
    const stored = store.storedOf(chunk);
    for (const id of chunk) {
      const t = tickets.get(id);
      if (!t) continue;
      const rows = computeTicketClocks(t, histories.get(id) ?? [], config, raised.get(id) ?? new Map());
      if (!unchanged(t, rows, stored.get(id) ?? [])) store.replace(id, rows, { clocks: TICKET_CLOCKS });
      for (const r of rows) if (r.nextAlertAt !== null && (earliest === null || r.nextAlertAt < earliest)) earliest = r.nextAlertAt;
    }
  }
  ctx.bus.emit('clocks-changed', { earliest });
}

/** After a policy change: every ticket whose clocks still run gets them again under the new rules. */
export function recomputeOpenClocks(ctx: ServiceContext): number {
  const ids = new ClockFacts(ctx.db).ticketsWithOpenClocks();
  recomputeClocks(ctx, ids);
  return ids.length;
}
