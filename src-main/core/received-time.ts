/**
 * When a complaint registered by hand may say it was received: not in the
 * future (a minute's grace for clocks a little apart) and not more than a
 * year ago. A ticket "received" in 1970 would raise every alert at once and
 * skew every report; older history comes in through the CRM import.
 */
export const RECEIVED_GRACE_AHEAD_MS = 60_000;
export const RECEIVED_MAX_AGE_MS = 366 * 24 * 3_600_000;

export type ReceivedTimeProblem = 'in_future' | 'too_old';

export function receivedTimeProblem(receivedAt: number, now: number): ReceivedTimeProblem | null {
  if (receivedAt > now + RECEIVED_GRACE_AHEAD_MS) return 'in_future';
  if (receivedAt < now - RECEIVED_MAX_AGE_MS) return 'too_old';
  return null;
}
