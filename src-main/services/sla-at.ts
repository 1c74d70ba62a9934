/**
 * `sla --at T`: every clock running at T, read at T, from the recorded times.
 * For T now or later the stored clocks are those clocks. For a past T they are
 * not (a ticket closed since has stopped clocks; a ticket reopened since has a
 * new resolution cycle), so each ticket received before T and not settled at
 * T gets its clocks again from its facts and history as they stood at T
 * (core/sla/as-of.ts). Refund clocks are read from their stored rows, cut at T.
 */
import { ClockStore, toStoredClock } from '../db/clock-store';
import { readSlaConfig } from '../db/sla-config';
import { clockInputAt, ticketAsOf, type RecordedChange } from '../core/sla/as-of';
import { dueIfResumedAt, readClock, type ClockInput } from '../core/sla/clock';
import { computeTicketClocks, type ClockedTicket } from '../core/sla/compute';
import type { ClockKind } from '../core/sla/policy';
import type { StatusChange } from '../core/sla/ticket-clocks';
import type { ServiceContext } from './context';

export interface SlaItem {
  ticket_no: string;
  clock: ClockKind;
  due_at: number;
  elapsed_pct: number;
}

interface OpenAt {
  ticketId: number;
  clock: ClockKind;
  input: ClockInput;
}

function storedOpenAt(ctx: ServiceContext, at: number, calendar: ReturnType<typeof readSlaConfig>['calendar']): OpenAt[] {
  return new ClockStore(ctx.db)
    .allOpen()
    .filter((c) => c.startedAt <= at)
    .map((c) => ({
      ticketId: c.ticketId,
      clock: c.clock,
      input: { startedAt: c.startedAt, limitMs: c.limitMs, pauses: c.pauses, stoppedAt: c.stoppedAt, calendar: c.business ? calendar : null },
    }));
}

function pastOpenAt(ctx: ServiceContext, at: number): OpenAt[] {
  const config = readSlaConfig(ctx.db);
  const open: OpenAt[] = [];
  const cut = (ticketId: number, clock: ClockKind, input: ClockInput) => {
    const then = clockInputAt(input, at);
    if (then.startedAt <= at && then.stoppedAt === null) open.push({ ticketId, clock, input: then });
  };
  // Refund clocks: stored rows, cut at T (a voided entry's clock counts until it was cancelled).
  const refunds = ctx.db.prepare(`SELECT * FROM ticket_clocks WHERE subject_id <> 0 AND started_at <= ? AND (stopped_at IS NULL OR stopped_at > ?)`);
  for (const raw of refunds.all(at, at) as never[]) {
    const c = toStoredClock(raw);
    cut(c.ticketId, c.clock, { startedAt: c.startedAt, limitMs: c.limitMs, pauses: c.pauses, stoppedAt: c.stoppedAt, calendar: c.business ? config.calendar : null });
  }
  // Tickets with a clock of their own running at T now, or reopened since T (their earlier cycle was).
  const ids = ctx.db
    .prepare(
      `SELECT ticket_id FROM ticket_clocks WHERE subject_id = 0 AND started_at <= @at AND (stopped_at IS NULL OR stopped_at > @at)
       UNION SELECT e.ticket_id FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.action = 'reopen' AND e.at > @at AND t.received_at <= @at`,
    )
    .pluck()
    .all({ at }) as number[];
  const ticket = ctx.db.prepare(`SELECT id, channel, level, category_id AS categoryId, status, received_at AS receivedAt,
      first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt FROM tickets WHERE id = ?`);
  const events = ctx.db.prepare(`SELECT at, action, from_status AS "from", to_status AS "to", changes FROM ticket_events WHERE ticket_id = ? ORDER BY id`);
  for (const id of ids) {
    const now = ticket.get(id) as ClockedTicket;
    const all = (events.all(id) as Array<StatusChange & { changes: string }>).map((e) => ({ ...e, changes: JSON.parse(e.changes) as RecordedChange['changes'] }));
    const then = ticketAsOf(now, all.filter((e) => e.at > at));
    const history = all.filter((e) => e.at <= at);
    for (const row of computeTicketClocks(then, history, config)) {
      cut(id, row.clock, { startedAt: row.startedAt, limitMs: row.limitMs, pauses: row.pauses, stoppedAt: row.stoppedAt, calendar: row.business ? config.calendar : null });
    }
  }
  return open;
}

/**
 * Every clock running at `at`, read at `at`: approaching (past the first
 * threshold) and breached (past 100 %), soonest due first. A paused clock is
 * read as it stands in its pause.
 */
export function slaAt(ctx: ServiceContext, at: number): { approaching: SlaItem[]; breached: SlaItem[] } {
  const config = readSlaConfig(ctx.db);
  const warn = Math.min(...config.alerts.thresholds.filter((t) => t > 0 && t < 1), 1) * 100;
  const numbers = ctx.db.prepare('SELECT ticket_no FROM tickets WHERE id = ?').pluck();
  const approaching: SlaItem[] = [];
  const breached: SlaItem[] = [];
  const open = at >= ctx.now() ? storedOpenAt(ctx, at, config.calendar) : pastOpenAt(ctx, at);
  for (const c of open) {
    const reading = readClock(c.input, at);
    if (reading.elapsedPct < warn) continue;
    const item: SlaItem = {
      ticket_no: numbers.get(c.ticketId) as string,
      clock: c.clock,
      due_at: reading.dueAt ?? dueIfResumedAt(c.input, at),
      elapsed_pct: reading.elapsedPct,
    };
    (reading.elapsedPct >= 100 ? breached : approaching).push(item);
  }
  const byDue = (a: SlaItem, b: SlaItem) => a.due_at - b.due_at || a.ticket_no.localeCompare(b.ticket_no);
  return { approaching: approaching.sort(byDue), breached: breached.sort(byDue) };
}
