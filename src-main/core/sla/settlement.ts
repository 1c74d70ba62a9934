/**
 * Steps the record says already happened. A ticket's status tells which steps
 * of its handling are behind it: past 新建 it has had its first response; at
 * 已办结 or 已回访关闭 it is resolved; at 已回访关闭 the follow-up call is done.
 *
 * The rule, whatever the ticket's source: a clock never runs for a step that
 * already happened. When the time of that step is recorded, the clock stops
 * there and is met or missed by it. When it is not (a CRM export that gives a
 * ticket's status but leaves 首次响应时间 or 关闭时间 empty), the clock is
 * settled as "met, time not recorded": never a breach, never an alert, shown
 * as such on the ticket, and left out of every figure that needs the time
 * (docs/KPIS.md). A ticket registered in the console always records its times
 * (accepting, resolving and closing set them), so the rule only ever settles
 * imported tickets — but it is one rule, not an import special case.
 */
import type { Status } from '../enums';
import type { TicketClockKind } from './policy';

const RESPONDED: ReadonlySet<Status> = new Set(['accepted', 'in_progress', 'pending_customer', 'responded', 'resolved', 'closed']);
const RESOLVED: ReadonlySet<Status> = new Set(['resolved', 'closed']);

/** Whether the ticket's status says the step behind this clock has happened. */
export function stepHappened(status: Status, clock: TicketClockKind): boolean {
  switch (clock) {
    case 'first_response':
      return RESPONDED.has(status);
    case 'resolution':
      return RESOLVED.has(status);
    case 'follow_up':
      return status === 'closed';
  }
}

export interface StepTimes {
  status: Status;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

const TIME_OF: Record<TicketClockKind, keyof Omit<StepTimes, 'status'>> = {
  first_response: 'firstResponseAt',
  resolution: 'resolvedAt',
  follow_up: 'closedAt',
};

/** The step happened but its time is not recorded: the clock is settled as met, time not recorded. */
export function settledUntimed(t: StepTimes, clock: TicketClockKind): boolean {
  return stepHappened(t.status, clock) && t[TIME_OF[clock]] === null;
}
