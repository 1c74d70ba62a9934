/**
 * A countdown's colour from the time left, never from the share of the limit
 * used: at most `urgentMs` left is urgent (orange), at most `soonMs` is soon
 * (amber), otherwise ok (green); past due is breached (red), and a paused
 * clock is grey. The thresholds are branch settings (设置 → 处理时限); the
 * server's defaults apply until the settings are read.
 */
import type { ClockState, TimeLeftTones } from '../api/types';
import { DEFAULT_TIME_LEFT } from '../../src-main/core/sla/time-left';

export type { TimeLeftTones };
export type Tone = 'ok' | 'warn' | 'urgent' | 'breached' | 'paused';

export const DEFAULT_TONES: TimeLeftTones = DEFAULT_TIME_LEFT;

export function toneOf(o: { dueAt: number; now: number; tones: TimeLeftTones; state?: ClockState }): Tone {
  if (o.state === 'breached' || o.dueAt <= o.now) return 'breached';
  if (o.state === 'paused') return 'paused';
  const left = o.dueAt - o.now;
  if (left <= o.tones.urgentMs) return 'urgent';
  if (left <= o.tones.soonMs) return 'warn';
  return 'ok';
}
