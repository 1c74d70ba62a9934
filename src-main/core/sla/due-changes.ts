/**
 * What a new deadline policy would do to the clocks that are running: each
 * running clock's due time before (as stored) and after (as the new policy
 * computes it), summed up as the admin needs to decide — how many tickets
 * change, how many clocks come due earlier or later, how many would be past
 * due at once — with the changes nearest to falling due as examples.
 */
import type { TicketClockKind } from './policy';

export interface DueOf {
  ticketId: number;
  clock: TicketClockKind;
  /** null: unknown while a pause is open. */
  dueAt: number | null;
  ruleId: string | null;
}

export interface DueChange {
  ticketId: number;
  clock: TicketClockKind;
  before: number | null;
  after: number | null;
  ruleBefore: string | null;
  ruleAfter: string | null;
}

export interface DueChangeSummary {
  /** Running clocks compared. */
  clocks: number;
  /** Tickets with at least one clock whose due time changes. */
  tickets: number;
  earlier: number;
  later: number;
  /** Due time known on one side only (a pause rule changed). */
  unknown: number;
  /** Not past due before, past due under the new policy at `now`. */
  overdueAtOnce: number;
  /** Sorted by the new due time, soonest first (unknown last); at most `sampleSize`. */
  sample: DueChange[];
}

const key = (d: Pick<DueOf, 'ticketId' | 'clock'>) => `${d.ticketId}:${d.clock}`;

export function summarizeDueChanges(before: readonly DueOf[], after: readonly DueOf[], now: number, sampleSize = 20): DueChangeSummary {
  const old = new Map(before.map((d) => [key(d), d]));
  const changes: DueChange[] = [];
  let clocks = 0;
  for (const a of after) {
    const b = old.get(key(a));
    if (!b) continue; // a clock that was not running before is not a change of due time
    clocks++;
    if (b.dueAt === a.dueAt) continue;
    changes.push({ ticketId: a.ticketId, clock: a.clock, before: b.dueAt, after: a.dueAt, ruleBefore: b.ruleId, ruleAfter: a.ruleId });
  }
  const known = changes.filter((c) => c.before !== null && c.after !== null);
  const order = (x: number | null) => (x === null ? Number.POSITIVE_INFINITY : x);
  return {
    clocks,
    tickets: new Set(changes.map((c) => c.ticketId)).size,
    earlier: known.filter((c) => c.after! < c.before!).length,
    later: known.filter((c) => c.after! > c.before!).length,
    unknown: changes.length - known.length,
    overdueAtOnce: known.filter((c) => c.after! <= now && c.before! > now).length,
    sample: [...changes].sort((x, y) => order(x.after) - order(y.after) || x.ticketId - y.ticketId).slice(0, sampleSize),
  };
}
