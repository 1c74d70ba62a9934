/**
 * The deadline clocks of the tickets an import creates, computed from the row
 * being written rather than read back after it. The clock hook
 * (services/clocks.ts) would read the new ticket, its one event and its (no)
 * alerts, compute the same rows from them, write them and then update the
 * ticket's due and outcome columns — a second write of every index those
 * columns are in, for each of 100,000 rows. Here the rows are computed first,
 * the ticket is inserted with its columns set (core/sla/ticket-columns.ts) and
 * the clocks written beside it; the hook is told to leave those tickets alone.
 *
 * Only where that gives exactly what the hook would: a ticket id above the last
 * one before the import must have no clocks or alerts already (a removed demo
 * ticket's id can be handed out again), and a ticket whose two running clocks
 * fall due at the same instant is left to the hook.
 */
import type { Db } from '../../db/open';
import { ClockStore } from '../../db/clock-store';
import { readSlaConfig } from '../../db/sla-config';
import { computeTicketClocks, type ClockedTicket } from '../../core/sla/compute';
import type { SlaConfig } from '../../core/sla/config';
import type { ClockRow } from '../../core/sla/rows';
import type { StatusChange } from '../../core/sla/ticket-clocks';
import { ticketClockColumns, type TicketClockColumns } from '../../core/sla/ticket-columns';

export interface PlannedClocks {
  rows: ClockRow[];
  columns: TicketClockColumns;
  /** The resolution clock's due time (tickets.resolution_due_at), so the clocks' trigger finds it set. */
  resolutionDueAt: number | null;
}

export class NewTicketClocks {
  private readonly store: ClockStore;
  /** Tickets written here since the hooks last heard: the clock hook skips them. */
  readonly written = new Set<number>();
  private earliest: number | null = null;

  private constructor(
    db: Db,
    private readonly config: SlaConfig,
  ) {
    this.store = new ClockStore(db);
  }

  /** For tickets inserted after `lastId`; null when they must go through the hook (see above). */
  static after(db: Db, lastId: number): NewTicketClocks | null {
    return new ClockStore(db).anyAbove(lastId) ? null : new NewTicketClocks(db, readSlaConfig(db));
  }

  /** The clocks of a ticket about to be inserted with this history, or null to leave it to the hook. */
  plan(ticket: ClockedTicket, history: readonly StatusChange[]): PlannedClocks | null {
    // The facts the hook reads back (db/clock-facts.ts), and nothing else of the row.
    const facts: ClockedTicket = {
      channel: ticket.channel,
      level: ticket.level,
      categoryId: ticket.categoryId,
      status: ticket.status,
      receivedAt: ticket.receivedAt,
      firstResponseAt: ticket.firstResponseAt,
      resolvedAt: ticket.resolvedAt,
      closedAt: ticket.closedAt,
    };
    // A new ticket has no alerts raised.
    const rows = computeTicketClocks(facts, history, this.config);
    const columns = ticketClockColumns(rows);
    if (!columns) return null;
    const resolution = rows.find((r) => r.clock === 'resolution' && r.subjectId === 0);
    return { rows, columns, resolutionDueAt: resolution?.dueAt ?? null };
  }

  /** After inserting ticket `id` with the planned columns: its clock rows. */
  write(id: number, planned: PlannedClocks): void {
    this.store.writeNew(id, planned.rows);
    this.written.add(id);
    for (const r of planned.rows) if (r.nextAlertAt !== null && (this.earliest === null || r.nextAlertAt < this.earliest)) this.earliest = r.nextAlertAt;
  }

  /** Ticket `id` changed again (a later row flagged it): its clocks must be computed afresh by the hook. */
  changedAgain(id: number): void {
    this.written.delete(id);
  }

  /** The earliest alert among the clocks written since last asked (for the monitor), and start over. */
  takeEarliest(): number | null {
    const e = this.earliest;
    this.earliest = null;
    return e;
  }
}
