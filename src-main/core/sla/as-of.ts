/**
 * A ticket and its clocks as they stood at a past instant, from the recorded
 * times: what `sla --at T` reads. A ticket's row holds its values now; the
 * history holds each change as [from, to]. So a field's value at T is the
 * `from` of the first change recorded after T, or its value now when nothing
 * changed it since (an imported ticket's own times are taken as recorded).
 * A clock read at T counts nothing after T: a stop after T has not happened
 * yet, and a pause open at T has no known end.
 */
import type { Channel, Level, Status } from '../enums';
import type { ClockInput, Pause } from './clock';
import type { ClockedTicket } from './compute';

/** One event of a ticket's history with what it changed. */
export interface RecordedChange {
  at: number;
  action: string;
  changes: Record<string, [unknown, unknown]>;
}

const FIELDS = ['status', 'level', 'channel', 'categoryId', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const;

/** The ticket's clock facts at `at`, given its facts now and the events after `at`, oldest first. */
export function ticketAsOf(now: ClockedTicket, laterEvents: readonly RecordedChange[]): ClockedTicket {
  const then: Record<string, unknown> = { ...now };
  const settled = new Set<string>();
  for (const e of laterEvents) {
    // An import's first event records what the arrival rules made of the file's values, not a change over time.
    if (e.action === 'import_create') continue;
    for (const f of FIELDS) {
      if (settled.has(f) || !(f in e.changes)) continue;
      then[f] = e.changes[f]![0] ?? null;
      settled.add(f);
    }
  }
  return then as unknown as ClockedTicket & { status: Status; level: Level; channel: Channel };
}

/** The clock as known at `at`: stops and pause ends after `at` have not happened yet. */
export function clockInputAt(c: ClockInput, at: number): ClockInput {
  const pauses: Pause[] = c.pauses.filter(([s]) => s <= at).map(([s, e]) => [s, e !== null && e <= at ? e : null]);
  return { ...c, pauses, stoppedAt: c.stoppedAt !== null && c.stoppedAt <= at ? c.stoppedAt : null };
}
