/**
 * When the outbox tries again after a failed upload: exponential backoff with
 * "equal jitter" — half the doubling delay for sure, the other half at
 * random — so a branch that was offline does not retry on the second, and
 * many branches coming back online at once do not all retry together.
 * A server that says when to come back (Retry-After) is believed, within the cap.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 60 * 60_000 };

/** Delay before the next try after `failures` failed attempts (1 = the first failure). `random` in [0, 1). */
export function retryDelay(failures: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF, retryAfterMs: number | null = null): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  const jittered = Math.round(exp / 2 + (exp / 2) * random);
  if (retryAfterMs !== null && retryAfterMs > jittered) return Math.min(policy.capMs, retryAfterMs);
  return jittered;
}

/** How headquarters' answer is taken: filed (a receipt), worth retrying, or refused until someone acts. */
export type UploadVerdict = 'sent' | 'retry' | 'rejected';

export function verdictOf(status: number): UploadVerdict {
  if (status === 200 || status === 201) return 'sent';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}
