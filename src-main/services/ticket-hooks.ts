/**
 * One place every path that writes tickets (the console's actions, the CRM
 * import, demo data) reports what it changed, inside its transaction, so that
 * what hangs off a ticket — its deadline clocks first of all — is kept in step.
 */
import type { ServiceContext } from './context';

export interface TicketsChangedNote {
  /**
   * Tickets among the changed ones whose deadline clocks the writer has already computed and written,
   * with the ticket's clock columns, from the same facts (an import creating tickets): the clock hook
   * leaves them alone. Any other hook hears every id.
   */
  clocksWritten?: ReadonlySet<number>;
}

export type TicketsChangedHook = (ctx: ServiceContext, ticketIds: readonly number[], note?: TicketsChangedNote) => void;

export function ticketsChanged(ctx: ServiceContext, ticketIds: readonly number[], note?: TicketsChangedNote): void {
  if (ticketIds.length === 0) return;
  for (const hook of ctx.hooks.ticketsChanged) hook(ctx, ticketIds, note);
}
