/**
 * Who may try a password now: the runs of wrong passwords per account and per
 * client, kept in memory for the life of the console (a restart forgives, as
 * a lock-out is meant to be temporary). The rules are core/auth/throttle.ts.
 */
import {
  ACCOUNT_POLICY,
  CLIENT_POLICY,
  isStale,
  nextAttemptAt,
  withFailure,
  type FailureRun,
  type ThrottlePolicy,
} from '../core/auth/throttle';

/** Beyond this many remembered keys, runs that are over are dropped (random user names must not grow memory). */
const PRUNE_ABOVE = 10_000;

class Runs {
  private readonly runs = new Map<string, FailureRun>();
  constructor(readonly policy: ThrottlePolicy) {}

  /** When `key` may next try, or null if it may try now. */
  waitUntil(key: string, now: number): number | null {
    const run = this.runs.get(key);
    if (!run || isStale(run, now, this.policy)) return null;
    const at = nextAttemptAt(run, this.policy);
    return at > now ? at : null;
  }

  /** Count a failure; true when this one started a lock-out. */
  fail(key: string, now: number): boolean {
    const run = withFailure(this.runs.get(key), now, this.policy);
    this.runs.set(key, run);
    if (this.runs.size > PRUNE_ABOVE) this.prune(now);
    return run.failures === this.policy.lockAfter;
  }

  forget(key: string): void {
    this.runs.delete(key);
  }

  private prune(now: number): void {
    for (const [key, run] of this.runs) if (isStale(run, now, this.policy)) this.runs.delete(key);
  }
}

export interface LockoutsStarted {
  account: boolean;
  client: boolean;
}

export class LoginGate {
  private readonly accounts: Runs;
  private readonly clients: Runs;

  constructor(account: ThrottlePolicy = ACCOUNT_POLICY, client: ThrottlePolicy = CLIENT_POLICY) {
    this.accounts = new Runs(account);
    this.clients = new Runs(client);
  }

  /** The later of the account's and the client's waits, or null if this attempt may go ahead. */
  waitUntil(account: string, client: string, now: number): number | null {
    const a = this.accounts.waitUntil(account, now);
    const c = this.clients.waitUntil(client, now);
    if (a === null && c === null) return null;
    return Math.max(a ?? 0, c ?? 0);
  }

  failed(account: string, client: string, now: number): LockoutsStarted {
    return { account: this.accounts.fail(account, now), client: this.clients.fail(client, now) };
  }

  /**
   * The right password ends the account's run. The client's run goes on: a
   * guesser with one account of their own must not reset it by logging in.
   */
  succeeded(account: string): void {
    this.accounts.forget(account);
  }
}
