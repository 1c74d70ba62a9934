import { describe, expect, it } from 'vitest';
import { toneOf } from './timeLeft';

const H = 3_600_000;
const M = 60_000;
const now = Date.parse('2026-11-02T02:00:00Z');
const tones = { soonMs: 8 * H, urgentMs: 2 * H };
const at = (left: number) => toneOf({ dueAt: now + left, now, tones });

describe('countdown colour by time left', () => {
  it('2 h 30 min left is amber and 7 h 32 min left is amber too — never green for the nearer one', () => {
    expect(at(2 * H + 30 * M)).toBe('warn');
    expect(at(7 * H + 32 * M)).toBe('warn');
  });

  it('each threshold is inclusive: 2 h left is urgent, 8 h left is amber, a minute more is the next colour', () => {
    expect(at(2 * H)).toBe('urgent');
    expect(at(2 * H + M)).toBe('warn');
    expect(at(8 * H)).toBe('warn');
    expect(at(8 * H + M)).toBe('ok');
    expect(at(59 * M)).toBe('urgent');
  });

  it('past due is breached; paused is grey whatever its time left', () => {
    expect(at(0)).toBe('breached');
    expect(at(-5 * M)).toBe('breached');
    expect(toneOf({ dueAt: now + 30 * M, now, tones, state: 'paused' })).toBe('paused');
  });

  it('follows the branch thresholds, not the share of the limit', () => {
    expect(toneOf({ dueAt: now + 3 * H, now, tones: { soonMs: 4 * H, urgentMs: 3 * H } })).toBe('urgent');
    expect(toneOf({ dueAt: now + 3 * H, now, tones: { soonMs: 2 * H, urgentMs: 1 * H } })).toBe('ok');
  });
});
