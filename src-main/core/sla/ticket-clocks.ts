/**
 * A ticket's three clocks from its facts and its history: first response runs
 * from receipt to the first response; resolution from receipt (or the last
 * reopening) to resolution, paused while the ticket waits on the customer;
 * follow-up from resolution to the follow-up call that closes it. A step the
 * status says happened but whose time is not recorded settles its clock as
 * "met, time not recorded" (settlement.ts).
 */
import type { Status } from '../enums';
import type { BusinessCalendar } from './calendar';
import type { ClockInput, Pause } from './clock';
import type { RuleMatch, TicketClockKind } from './policy';
import { settledUntimed } from './settlement';

export interface ClockTicket {
  status: Status;
  receivedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

/** One status change in the history, oldest first. */
export interface StatusChange {
  at: number;
  action: string;
  from: Status | null;
  to: Status | null;
}

export interface ClockOptions {
  pauseOnPending: boolean;
  calendar: BusinessCalendar;
}

/** Spans spent in pending_customer, from the status history. */
export function pendingPauses(history: readonly StatusChange[]): Pause[] {
  const pauses: Pause[] = [];
  let open: number | null = null;
  for (const h of history) {
    if (h.to === 'pending_customer' && h.from !== 'pending_customer' && open === null) open = h.at;
    else if (h.to !== null && h.to !== 'pending_customer' && open !== null) {
      pauses.push([open, h.at]);
      open = null;
    }
  }
  if (open !== null) pauses.push([open, null]);
  return pauses;
}

export interface PlannedClock {
  kind: TicketClockKind;
  input: ClockInput;
  /** A voided ticket's clocks are cancelled: kept for the record, never alerting. */
  cancelled: boolean;
  /** Met, time not recorded: stopped at its own start (0 % used), out of every figure that needs the time. */
  untimed: boolean;
}

export function ticketClocks(
  t: ClockTicket,
  history: readonly StatusChange[],
  rule: RuleMatch,
  opts: ClockOptions,
): PlannedClock[] {
  const calendar = rule.businessCalendar ? opts.calendar : null;
  const minutes = (k: TicketClockKind) => rule.limitsMin[k] * 60_000;
  const voidedAt = t.status === 'voided' ? (history.filter((h) => h.to === 'voided').at(-1)?.at ?? t.receivedAt) : null;
  const stop = (at: number | null) => at ?? voidedAt;
  const cancelled = voidedAt !== null;
  const lastReopen = history.filter((h) => h.action === 'reopen').at(-1)?.at ?? null;
  const resolutionStart = lastReopen !== null && lastReopen > t.receivedAt ? lastReopen : t.receivedAt;

  const untimed = (k: TicketClockKind) => settledUntimed(t, k);
  // An untimed step stops its clock where it started: nothing counted, nothing planned, nothing missed.
  const stopOf = (k: TicketClockKind, recorded: number | null, startedAt: number) => (untimed(k) ? startedAt : stop(recorded));

  const clocks: PlannedClock[] = [
    {
      kind: 'first_response',
      cancelled: cancelled && t.firstResponseAt === null,
      untimed: untimed('first_response'),
      input: {
        startedAt: t.receivedAt,
        limitMs: minutes('first_response'),
        pauses: [],
        stoppedAt: stopOf('first_response', t.firstResponseAt, t.receivedAt),
        calendar,
      },
    },
    {
      kind: 'resolution',
      cancelled: cancelled && t.resolvedAt === null,
      untimed: untimed('resolution'),
      input: {
        startedAt: resolutionStart,
        limitMs: minutes('resolution'),
        pauses: opts.pauseOnPending ? pendingPauses(history).filter(([, e]) => (e ?? Infinity) > resolutionStart) : [],
        stoppedAt: stopOf('resolution', t.resolvedAt, resolutionStart),
        calendar,
      },
    },
  ];
  // The follow-up clock starts at the resolution; a closed ticket whose resolution time is unknown still
  // shows its follow-up as done (from the resolution clock's start, which is all that is known).
  const followUpStart = t.resolvedAt ?? (untimed('follow_up') ? resolutionStart : null);
  if (followUpStart !== null) {
    clocks.push({
      kind: 'follow_up',
      cancelled: cancelled && t.closedAt === null,
      untimed: untimed('follow_up'),
      input: {
        startedAt: followUpStart,
        limitMs: minutes('follow_up'),
        pauses: [],
        stoppedAt: stopOf('follow_up', t.closedAt, followUpStart),
        calendar,
      },
    });
  }
  return clocks;
}
