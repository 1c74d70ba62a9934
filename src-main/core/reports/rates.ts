/**
 * The arithmetic every KPI shares. A rate whose denominator is 0 is undefined
 * and is reported as null — never NaN, never 0 (0 % would read as "all late").
 */

/** numerator ÷ denominator as a fraction 0–1, or null when nothing was counted. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Mean of a sum over a count (durations), or null when nothing was counted. */
export function mean(sum: number, count: number): number | null {
  return count > 0 ? sum / count : null;
}

/** Complaints per 10,000 subscribers; null when the branch has not entered its subscriber count. */
export function per10k(count: number, subscribers: number | null): number | null {
  return subscribers !== null && subscribers > 0 ? (count * 10_000) / subscribers : null;
}
