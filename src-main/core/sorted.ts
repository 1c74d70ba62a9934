/** Binary search over an ascending list of numbers, shared by foresight's rule, its kept peer groups and its replays. */

/** Index of the first value for which `holds` is true in an ascending list (`holds` false, then true, along it). */
export function firstWhere(sorted: readonly number[], holds: (x: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first value ≥ x in an ascending list (its length when there is none). */
export const firstAtLeast = (sorted: readonly number[], x: number): number => firstWhere(sorted, (v) => v >= x);
