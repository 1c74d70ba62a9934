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
import { readSlaConfig } from '../db/sla-config';
import { maskPhone } from '../core/phone';
import type { UserInfo } from '../core/model';
import type { ServiceContext } from './context';
import { deadlineCount, RUNNING, SAVE_WINDOW_MS, viewClock, type UrgentClock } from './deadlines';
import { canSeePhone } from './tickets';

const RUNNING_C2 = 'c2.stopped_at IS NULL AND c2.cancelled = 0 AND c2.due_at IS NOT NULL';

export type AtRisk = 'breached' | 'within2h';

export interface TicketsAtRisk {
  /** Every ticket in the list, however many are shown. */
  total: number;
  /** The first `limit`, each with its clock: breached most recently first, savable soonest first. */
  rows: UrgentClock[];
}

export function ticketsAtRisk(ctx: ServiceContext, viewer: UserInfo, which: AtRisk, limit: number): TicketsAtRisk {
  const now = ctx.now();
  const picks =
    which === 'breached'
      ? // The worst clock of each: the running clock due first, the one that sets tickets.due_at.
        (ctx.db
          .prepare(
            `SELECT t.id AS ticketId, (SELECT c2.clock || ':' || c2.subject_id FROM ticket_clocks c2 WHERE c2.ticket_id = t.id AND ${RUNNING_C2}
               ORDER BY c2.due_at LIMIT 1) AS clockKey
             FROM tickets t WHERE t.due_at <= ? ORDER BY t.due_at DESC, t.id LIMIT ?`,
          )
          .all(now, limit) as Array<{ ticketId: number; clockKey: string }>)
      : (ctx.db
          .prepare(
            `SELECT s.ticketId, (SELECT c2.clock || ':' || c2.subject_id FROM ticket_clocks c2 WHERE c2.ticket_id = s.ticketId
               AND ${RUNNING_C2} AND c2.due_at = s.due LIMIT 1) AS clockKey
             FROM (SELECT ticket_id AS ticketId, min(due_at) AS due FROM ticket_clocks WHERE ${RUNNING} AND due_at > ? AND due_at <= ?
                   GROUP BY ticket_id ORDER BY due, ticket_id LIMIT ?) s
             ORDER BY s.due, s.ticketId`,
          )
          .all(now, now + SAVE_WINDOW_MS, limit) as Array<{ ticketId: number; clockKey: string }>);
  const read = rowReader(ctx, viewer, now);
  return { total: deadlineCount(ctx, which === 'breached' ? 'breached' : 'dueWithin2h'), rows: picks.map((p) => read(p.ticketId, p.clockKey)) };
}

/** A ticket and one of its clocks ("clock:subject") as a row of Today's lists; the customer masked unless the viewer may see phones. */
function rowReader(ctx: ServiceContext, viewer: UserInfo, now: number): (ticketId: number, clockKey: string) => UrgentClock {
  const clocks = new ClockStore(ctx.db);
  const calendar = readSlaConfig(ctx.db).calendar;
  const facts = ctx.db.prepare(
    `SELECT t.ticket_no, t.phone, coalesce(a.display_name, t.assignee_name) AS assignee,
         CASE WHEN p.name IS NULL THEN cat.name ELSE p.name || '/' || cat.name END AS category_path
       FROM tickets t JOIN categories cat ON cat.id = t.category_id LEFT JOIN categories p ON p.id = cat.parent_id
       LEFT JOIN users a ON a.id = t.assignee_id WHERE t.id = ?`,
  );
  return (ticketId, clockKey) => {
    const [kind, subject] = clockKey.split(':');
    const c = clocks.forTicket(ticketId).find((x) => x.clock === kind && String(x.subjectId) === subject)!;
    const t = facts.get(ticketId) as { ticket_no: string; phone: string; assignee: string | null; category_path: string };
    const v = viewClock(c, now, calendar);
    return {
      ticketId,
      ticketNo: t.ticket_no,
      categoryPath: t.category_path,
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
