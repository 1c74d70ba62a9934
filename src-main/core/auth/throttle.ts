/**
 * How hard guessing passwords is made: after a few wrong passwords each next
 * attempt must wait longer (1 s, 2 s, 4 s … up to a minute), and after many
 * the account (or the client trying) is locked out for a while — the right
 * password included. Pure: the caller keeps the runs and passes the time.
 */

export interface ThrottlePolicy {
  /** Wrong passwords allowed with no wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failures in a row the key is locked out … */
  lockAfter: number;
  /** … for this long; a run of failures is also forgotten this long after its last one. */
  lockMs: number;
}

/** One account: a person mistyping a few times is not slowed; a guesser is. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  lockAfter: 10,
  lockMs: 15 * 60_000,
};

/** One client (an address): it may try several accounts, so it gets more room, then the same lock. */
export const CLIENT_POLICY: ThrottlePolicy = {
  freeFailures: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  lockAfter: 30,
  lockMs: 15 * 60_000,
};

/** Wrong passwords in a row for one key, and when the last was. */
export interface FailureRun {
  failures: number;
  lastAt: number;
}

/** A run nobody has added to for `lockMs` is over. */
export function isStale(run: FailureRun, now: number, p: ThrottlePolicy): boolean {
  return now - run.lastAt >= p.lockMs;
}

export function isLockedOut(run: FailureRun, p: ThrottlePolicy): boolean {
  return run.failures >= p.lockAfter;
}

/** The earliest instant the next attempt may be made (≤ run.lastAt when there is no wait). */
export function nextAttemptAt(run: FailureRun, p: ThrottlePolicy): number {
  if (run.failures < p.freeFailures) return run.lastAt;
  if (isLockedOut(run, p)) return run.lastAt + p.lockMs;
  const doublings = run.failures - p.freeFailures;
  return run.lastAt + Math.min(p.baseDelayMs * 2 ** doublings, p.maxDelayMs);
}

/** The run after one more wrong password at `now` (a stale or absent run starts again). */
export function withFailure(run: FailureRun | undefined, now: number, p: ThrottlePolicy): FailureRun {
  const base = run && !isStale(run, now, p) ? run.failures : 0;
  return { failures: base + 1, lastAt: now };
}
