/**
 * What a ticket row keeps from its clocks — the running clock due first
 * (tickets.due_at, due_clock, warn_at) and the outcome columns the reports
 * read (fr_missed_at, res_missed_at, res_met_at, fu_missed_at) — computed from
 * the clock rows in hand. The same definition as ClockStore's refresh
 * statement (db/clock-store.ts, db/clock-outcomes.ts), for a writer that has
 * the rows before the ticket exists (an import writes the ticket with them
 * instead of inserting it and updating it again). A test checks this against
 * the SQL on many clock rows.
 */
import type { ClockRow } from './rows';

export interface TicketClockColumns {
  dueAt: number | null;
  dueClock: string | null;
  warnAt: number | null;
  frMissedAt: number | null;
  resMissedAt: number | null;
  resMetAt: number | null;
  fuMissedAt: number | null;
}

/** Due at its due time when it stopped after it or has not stopped; met, cancelled or without a due time: null. */
function missedAt(c: ClockRow | undefined): number | null {
  if (!c || c.cancelled || c.dueAt === null) return null;
  return c.stoppedAt === null || c.stoppedAt > c.dueAt ? c.dueAt : null;
}

function metAt(c: ClockRow | undefined): number | null {
  if (!c || c.cancelled || c.stoppedAt === null || c.dueAt === null) return null;
  return c.stoppedAt <= c.dueAt ? c.stoppedAt : null;
}

/**
 * The columns for a ticket whose clocks are exactly `rows`, or null when two
 * running clocks are due at the same instant: which of them the SQL's
 * `ORDER BY due_at LIMIT 1` names is SQLite's choice, so such a ticket is left
 * to the statement.
 */
export function ticketClockColumns(rows: readonly ClockRow[]): TicketClockColumns | null {
  let due: ClockRow | null = null;
  let tie = false;
  for (const r of rows) {
    if (r.stoppedAt !== null || r.cancelled || r.dueAt === null) continue;
    if (due === null || r.dueAt < due.dueAt!) {
      due = r;
      tie = false;
    } else if (r.dueAt === due.dueAt) tie = true;
  }
  if (tie) return null;
  // An outcome reads the ticket's own clock of that kind, left out when settled without a time.
  const own = (kind: ClockRow['clock']) => rows.find((r) => r.clock === kind && r.subjectId === 0 && !r.untimed);
  const resolution = own('resolution');
  return {
    dueAt: due?.dueAt ?? null,
    dueClock: due?.clock ?? null,
    warnAt: due?.warnAt ?? null,
    frMissedAt: missedAt(own('first_response')),
    resMissedAt: missedAt(resolution),
    resMetAt: metAt(resolution),
    fuMissedAt: missedAt(own('follow_up')),
  };
}
