/**
 * One place every path that writes tickets (the console's actions, the CRM
 * import, demo data) reports what it changed, inside its transaction, so that
 * what hangs off a ticket — its deadline clocks first of all — is kept in step.
 */
import type { ServiceContext } from './context';

export type TicketsChangedHook = (ctx: ServiceContext, ticketIds: readonly number[]) => void;

export function ticketsChanged(ctx: ServiceContext, ticketIds: readonly number[]): void {
  if (ticketIds.length === 0) return;
  for (const hook of ctx.hooks.ticketsChanged) hook(ctx, ticketIds);
}
