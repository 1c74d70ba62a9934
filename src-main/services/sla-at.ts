/**
 * `sla --at T`: every clock running at T, read at T, from the recorded times.
 * For T now or later the stored clocks are those clocks. For a past T they are
 * not (a ticket closed since has stopped clocks; a ticket reopened since has a
 * new resolution cycle), so each ticket received before T and not settled at
 * T gets its clocks again from its facts and history as they stood at T
 * (core/sla/as-of.ts). Refund clocks are read from their stored rows, cut at T.
 */
import { ClockFacts } from '../db/clock-facts';
import { ClockStore } from '../db/clock-store';
import { readSlaConfig } from '../db/sla-config';
import { clockInputAt, ticketAsOf } from '../core/sla/as-of';
import { dueIfResumedAt, readClock, type ClockInput } from '../core/sla/clock';
import { computeTicketClocks } from '../core/sla/compute';
import type { ClockKind } from '../core/sla/policy';
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
  for (const c of new ClockStore(ctx.db).refundClocksRunningAt(at)) {
    cut(c.ticketId, c.clock, { startedAt: c.startedAt, limitMs: c.limitMs, pauses: c.pauses, stoppedAt: c.stoppedAt, calendar: c.business ? config.calendar : null });
  }
  // Tickets with a clock of their own running at T now, or reopened since T (their earlier cycle was).
  const facts = new ClockFacts(ctx.db);
  for (const id of facts.ticketsToReadAt(at)) {
    const now = facts.ticket(id)!;
    const all = facts.recordedHistory(id);
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
  const facts = new ClockFacts(ctx.db);
  const approaching: SlaItem[] = [];
  const breached: SlaItem[] = [];
  const open = at >= ctx.now() ? storedOpenAt(ctx, at, config.calendar) : pastOpenAt(ctx, at);
  for (const c of open) {
    const reading = readClock(c.input, at);
    if (reading.elapsedPct < warn) continue;
    const item: SlaItem = {
      ticket_no: facts.ticketNo(c.ticketId)!,
      clock: c.clock,
      due_at: reading.dueAt ?? dueIfResumedAt(c.input, at),
      elapsed_pct: reading.elapsedPct,
    };
    (reading.elapsedPct >= 100 ? breached : approaching).push(item);
  }
  const byDue = (a: SlaItem, b: SlaItem) => a.due_at - b.due_at || a.ticket_no.localeCompare(b.ticket_no);
  return { approaching: approaching.sort(byDue), breached: breached.sort(byDue) };
}
