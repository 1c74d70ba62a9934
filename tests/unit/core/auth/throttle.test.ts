import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_POLICY,
  CLIENT_POLICY,
  nextAttemptAt,
  withFailure,
  type FailureRun,
} from '../../../../src-main/core/auth/throttle';

const T0 = 1_000_000;

/** The wait (ms) after each failure in a row, every failure made as soon as allowed. */
function waits(count: number, policy = ACCOUNT_POLICY): number[] {
  let run: FailureRun | undefined;
  let now = T0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    run = withFailure(run, now, policy);
    const at = nextAttemptAt(run, policy);
    out.push(at - now);
    now = Math.max(now, at);
  }
  return out;
}

describe('login throttle', () => {
  it('per account: three tries with no wait, then 1 s doubling to a minute, then 15 minutes locked', () => {
    // The wait after the 1st … 11th wrong password, each tried as soon as allowed:
    // the 11th comes when the lock-out is over, and starts a new run.
    expect(waits(11)).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 900_000, 0]);
  });

  it('per client: ten tries with no wait, then the same growth, locked after thirty', () => {
    const w = waits(30, CLIENT_POLICY);
    expect(w.slice(0, 9)).toEqual(Array(9).fill(0));
    expect(w.slice(9, 17)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(w[28]).toBe(60_000);
    expect(w[29]).toBe(900_000);
  });

  it('a run is forgotten 15 minutes after its last failure', () => {
    const run = { failures: 9, lastAt: T0 };
    expect(withFailure(run, T0 + 899_999, ACCOUNT_POLICY)).toEqual({ failures: 10, lastAt: T0 + 899_999 });
    expect(withFailure(run, T0 + 900_000, ACCOUNT_POLICY)).toEqual({ failures: 1, lastAt: T0 + 900_000 });
  });
});
