/**
 * Derived state put right at open. A ticket's deadline clocks are written in
 * the same transaction as the ticket on every path, but a database written by
 * an older console (whose demo seeding committed tickets and clocks in
 * separate steps, and could be killed in between) may hold tickets without
 * them — and then nothing about those tickets is ever due. At open the
 * console looks for such tickets among those it has not checked before (a
 * watermark in the settings, so a large database pays for the scan once) and
 * recomputes their clocks through the same hook every write uses.
 */
import { ClockFacts } from '../db/clock-facts';
import { inTransaction, type ServiceContext } from './context';
import { ticketsChanged } from './ticket-hooks';

const WATERMARK = 'integrity.clocksCheckedThrough';
const BATCH = 5000;

export interface ClockRepair {
  /** Tickets that had no deadline clock and were given theirs. */
  repaired: number;
  /** The highest ticket id now known to have its clocks. */
  checkedThrough: number;
}

export function repairMissingClocks(ctx: ServiceContext): ClockRepair {
  const from = ctx.settings.get<number>(WATERMARK) ?? 0;
  const facts = new ClockFacts(ctx.db);
  const top = facts.lastTicketId();
  if (top <= from) return { repaired: 0, checkedThrough: from };
  const ids = facts.ticketsWithoutClocks(from, top);
  for (let i = 0; i < ids.length; i += BATCH) {
    inTransaction(ctx, () => ticketsChanged(ctx, ids.slice(i, i + BATCH)));
  }
  inTransaction(ctx, () => ctx.settings.set(WATERMARK, top, ctx.now(), null));
  return { repaired: ids.length, checkedThrough: top };
}
