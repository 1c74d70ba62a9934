/**
 * A growing list of durations kept for a median: a typed array that doubles
 * when full (a plain array's push costs several times more per value on a
 * month of tickets), and a median by selection rather than a full sort.
 */
export class Samples {
  private values = new Float64Array(1024);
  length = 0;

  /** One list holding all the values of the given ones (which stay as they are). */
  static concat(lists: readonly Samples[]): Samples {
    const all = new Samples();
    all.values = new Float64Array(Math.max(lists.reduce((n, l) => n + l.length, 0), 1));
    for (const l of lists) {
      all.values.set(l.values.subarray(0, l.length), all.length);
      all.length += l.length;
    }
    return all;
  }

  /** Add every value of `other` (which stays as it is). */
  append(other: Samples): void {
    const need = this.length + other.length;
    if (need > this.values.length) {
      const grown = new Float64Array(Math.max(need, this.values.length * 2));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    this.values.set(other.values.subarray(0, other.length), this.length);
    this.length = need;
  }

  push(v: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }

  /** The middle value, or the mean of the middle two (SQLite's median()); null when empty. Reorders the values. */
  median(): number | null {
    const n = this.length;
    if (n === 0) return null;
    const a = this.values.subarray(0, n);
    const h = n >> 1;
    const upper = select(a, h);
    if (n % 2) return upper;
    // After selecting h, everything before it is ≤ a[h]: the lower middle is their maximum.
    let lower = a[0]!;
    for (let i = 1; i < h; i++) if (a[i]! > lower) lower = a[i]!;
    return (lower + upper) / 2;
  }
}

/** Hoare's selection: puts the k-th smallest at a[k], smaller ones before it, larger after; returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}
