/**
 * How a countdown is coloured: by the time left, never by the share of the
 * limit used (2 h 30 min left is more urgent than 7 h 32 min, whatever the
 * limits). Two thresholds, branch settings: at most `urgentMs` left is urgent
 * (the "save these first" window), at most `soonMs` left is soon; past due is
 * breached.
 */
const H = 3_600_000;

export interface TimeLeftTones {
  soonMs: number;
  urgentMs: number;
}

export const DEFAULT_TIME_LEFT: TimeLeftTones = { soonMs: 8 * H, urgentMs: 2 * H };

/** Longest either threshold may be: a week. */
export const MAX_TIME_LEFT_MS = 7 * 24 * H;

/** Both above zero, within a week, and the urgent window inside the soon one. */
export function timeLeftProblem(t: TimeLeftTones): 'zero' | 'too_long' | 'order' | null {
  if (!(t.urgentMs > 0) || !(t.soonMs > 0)) return 'zero';
  if (t.urgentMs > MAX_TIME_LEFT_MS || t.soonMs > MAX_TIME_LEFT_MS) return 'too_long';
  if (t.urgentMs > t.soonMs) return 'order';
  return null;
}
