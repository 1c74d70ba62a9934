/**
 * A ticket's three clocks from its facts and its history: first response runs
 * from receipt to the first response; resolution from receipt (or the last
 * reopening) to resolution, paused while the ticket waits on the customer;
 * follow-up from resolution to the follow-up call that closes it.
 */
import type { Status } from '../enums';
import type { BusinessCalendar } from './calendar';
import type { ClockInput, Pause } from './clock';
import type { RuleMatch, TicketClockKind } from './policy';

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

  const clocks: PlannedClock[] = [
    {
      kind: 'first_response',
      cancelled: cancelled && t.firstResponseAt === null,
      input: { startedAt: t.receivedAt, limitMs: minutes('first_response'), pauses: [], stoppedAt: stop(t.firstResponseAt), calendar },
    },
    {
      kind: 'resolution',
      cancelled: cancelled && t.resolvedAt === null,
      input: {
        startedAt: resolutionStart,
        limitMs: minutes('resolution'),
        pauses: opts.pauseOnPending ? pendingPauses(history).filter(([, e]) => (e ?? Infinity) > resolutionStart) : [],
        stoppedAt: stop(t.resolvedAt),
        calendar,
      },
    },
  ];
  if (t.resolvedAt !== null) {
    clocks.push({
      kind: 'follow_up',
      cancelled: cancelled && t.closedAt === null,
      input: { startedAt: t.resolvedAt, limitMs: minutes('follow_up'), pauses: [], stoppedAt: stop(t.closedAt), calendar },
    });
  }
  return clocks;
}
