/**
 * How a proposal measure is counted: top-k accuracy (the true label among the
 * first k proposed) against the majority-class baseline (always propose the
 * labels most frequent in training, in that order).
 */
export interface Accuracy {
  cases: number;
  top1: number;
  top3: number;
}

export interface AccuracyTally {
  cases: number;
  hits1: number;
  hits3: number;
}

export function emptyTally(): AccuracyTally {
  return { cases: 0, hits1: 0, hits3: 0 };
}

/** Count one test case: `proposed` best first (may be empty: no proposal is a miss). */
export function tally(t: AccuracyTally, proposed: readonly string[], truth: string): void {
  t.cases += 1;
  if (proposed[0] === truth) t.hits1 += 1;
  if (proposed.slice(0, 3).includes(truth)) t.hits3 += 1;
}

export function accuracy(t: AccuracyTally): Accuracy {
  return { cases: t.cases, top1: t.cases ? t.hits1 / t.cases : 0, top3: t.cases ? t.hits3 / t.cases : 0 };
}

/** The labels by training frequency, most frequent first (ties by label): the majority-class baseline's proposals. */
export function majorityOrder(docsByLabel: ReadonlyMap<string, number>): string[] {
  return [...docsByLabel].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([label]) => label);
}
