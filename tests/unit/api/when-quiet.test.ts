import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from '../../../src-main/api/when-quiet';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('whenQuiet', () => {
  it('starts quietMs after the latest answer', () => {
    const start = vi.fn();
    const q = whenQuiet(start, { quietMs: 500, latestMs: 3000 });
    q.answered();
    vi.advanceTimersByTime(400);
    q.answered();
    vi.advanceTimersByTime(400);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at latestMs even if answers keep coming, and only once', () => {
    const start = vi.fn();
    const q = whenQuiet(start, { quietMs: 500, latestMs: 1000 });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(200);
      q.answered();
    }
    expect(start).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at latestMs when nobody asks, never after cancel', () => {
    const start = vi.fn();
    whenQuiet(start, { quietMs: 500, latestMs: 3000 });
    vi.advanceTimersByTime(2999);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);
    const other = vi.fn();
    whenQuiet(other, { quietMs: 500, latestMs: 3000 }).cancel();
    vi.advanceTimersByTime(5000);
    expect(other).not.toHaveBeenCalled();
  });
});
