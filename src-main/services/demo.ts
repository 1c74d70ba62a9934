/**
 * The demo data's life in a branch's database: whether it may be loaded (only
 * into an empty database, services/seed.ts), how many demo tickets there are,
 * and removing them all in one audited step once the branch starts working.
 * While they are there, reports and exports leave them out (db/demo-sql.ts).
 */
import type { UserInfo } from '../core/model';
import { deleteDemoTickets, demoTicketCount } from '../db/demo-store';
import { ClockStore } from '../db/clock-store';
import { inTransaction, type ServiceContext } from './context';

export interface DemoStatus {
  /** Every ticket, demo ones included. */
  tickets: number;
  demoTickets: number;
  /** Demo data goes only into a database without a ticket. */
  mayLoad: boolean;
}

export function demoStatus(ctx: ServiceContext): DemoStatus {
  const tickets = ctx.read.tickets.count();
  return { tickets, demoTickets: demoTicketCount(ctx.db), mayLoad: tickets === 0 };
}

/** Whether reports and exports leave the demo tickets out now: there are some, and a real ticket beside them. */
export function demoLeftOut(ctx: ServiceContext): boolean {
  const s = demoStatus(ctx);
  return s.demoTickets > 0 && s.tickets > s.demoTickets;
}

/**
 * Deletes every demo ticket with its history, clocks, alerts and refunds in
 * one transaction (all or nothing) and writes who did it and how many to the
 * audit log. Real tickets are untouched: the database's triggers refuse to
 * delete any row of a ticket that is not a demo one.
 */
export function removeDemo(ctx: ServiceContext, admin: UserInfo): { tickets: number; refunds: number } {
  const removed = inTransaction(ctx, () => {
    const r = deleteDemoTickets(ctx.db);
    ctx.audit.add(ctx.now(), admin.id, 'demo.remove', null, r);
    return r;
  });
  // The monitor's next wake-up may have been a demo ticket's alert.
  ctx.bus.emit('clocks-changed', { earliest: new ClockStore(ctx.db).nextAlertAt() });
  return removed;
}
