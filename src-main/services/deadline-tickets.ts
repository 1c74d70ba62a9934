/**
 * Today's deadline tiles and their lists, counted in tickets. A ticket's
 * *worst* clock is its running clock due first (tickets.due_at): a ticket is
 * breached when that clock is past due, approaching when it is past its
 * warning share but not yet due. "Due within 2 h" is the list of clocks that
 * can still be saved: tickets with a running clock due in the next two hours,
 * each shown with the first such clock — so a ticket whose first response is
 * already missed but whose resolution is due in an hour is in both lists.
 * Each tile is the total of the ticket list's filter of the same name.
 */
import { ClockStore } from '../db/clock-store';
import { DeadlineReader } from '../db/deadline-reader';
import { readSlaConfig } from '../db/sla-config';
import { maskPhone } from '../core/phone';
import type { UserInfo } from '../core/model';
import type { ServiceContext } from './context';
import { deadlineCount, SAVE_WINDOW_MS, viewClock, type UrgentClock } from './deadlines';
import { canSeePhone } from './tickets';

export type AtRisk = 'breached' | 'within2h';

export interface TicketsAtRisk {
  /** Every ticket in the list, however many are shown. */
  total: number;
  /** The first `limit`, each with its clock: breached most recently first, savable soonest first. */
  rows: UrgentClock[];
}

export function ticketsAtRisk(ctx: ServiceContext, viewer: UserInfo, which: AtRisk, limit: number): TicketsAtRisk {
  const now = ctx.now();
  const reader = new DeadlineReader(ctx.db);
  const picks = which === 'breached' ? reader.breached(now, limit) : reader.savable(now, now + SAVE_WINDOW_MS, limit);
  const read = rowReader(ctx, viewer, now);
  return { total: deadlineCount(ctx, which === 'breached' ? 'breached' : 'dueWithin2h'), rows: picks.map((p) => read(p.ticketId, p.clockKey)) };
}

/** A ticket and one of its clocks ("clock:subject") as a row of Today's lists; the customer masked unless the viewer may see phones. */
function rowReader(ctx: ServiceContext, viewer: UserInfo, now: number): (ticketId: number, clockKey: string) => UrgentClock {
  const clocks = new ClockStore(ctx.db);
  const calendar = readSlaConfig(ctx.db).calendar;
  const reader = new DeadlineReader(ctx.db);
  return (ticketId, clockKey) => {
    const [kind, subject] = clockKey.split(':');
    const c = clocks.forTicket(ticketId).find((x) => x.clock === kind && String(x.subjectId) === subject)!;
    const t = reader.listed(ticketId)!;
    const v = viewClock(c, now, calendar);
    return {
      ticketId,
      ticketNo: t.ticketNo,
      categoryPath: t.categoryPath,
      customer: canSeePhone(viewer) ? t.phone : maskPhone(t.phone),
      assigneeName: t.assignee,
      clock: c.clock,
      dueAt: v.dueAt ?? c.dueAt!,
      warnAt: c.warnAt,
      elapsedPct: v.elapsedPct,
      state: v.state === 'cancelled' ? 'running' : v.state,
    };
  };
}
