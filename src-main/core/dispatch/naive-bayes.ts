/**
 * Multinomial naive Bayes over binary character n-grams (ngrams.ts), small
 * enough to check on paper:
 *
 *   score(c) = log(docs_c / docs) + Σ_f log((n_fc + α) / (N_c + α·|V|))
 *
 * over the text's n-grams f that the model has seen (unseen ones say nothing
 * about any label), where n_fc is how many of label c's documents hold f, N_c
 * the n-grams of c's documents counted that way, |V| the distinct n-grams of
 * every label and α = 1 (Laplace). Probabilities are the scores' softmax.
 * Counts only ever add up, so the model learns one settled ticket at a time
 * and a full retrain is the same sums from scratch.
 *
 * The reason shown for a proposal is the n-grams that most favour the winner
 * over the runner-up: log P(f | winner) − log P(f | runner-up), largest first.
 */
export const ALPHA = 1;

export interface LabelCounts {
  docs: number;
  /** N_c: n-grams counted over the label's documents. */
  grams: number;
  /** n_fc for each n-gram. */
  features: Map<string, number>;
}

export interface NbModel {
  docs: number;
  labels: Map<string, LabelCounts>;
  /** Every n-gram any label has seen, with the documents holding it. */
  vocabulary: Map<string, number>;
}

export interface Ranked {
  label: string;
  probability: number;
}

export interface Reason {
  gram: string;
  /** log P(gram | winner) − log P(gram | runner-up), natural log. */
  weight: number;
}

export interface Prediction {
  /** Best first; at most `top` labels. */
  ranked: Ranked[];
  reasons: Reason[];
}

export function emptyModel(): NbModel {
  return { docs: 0, labels: new Map(), vocabulary: new Map() };
}

/** Count one document (its distinct n-grams) under its label. */
export function learn(model: NbModel, grams: readonly string[], label: string): void {
  let counts = model.labels.get(label);
  if (!counts) {
    counts = { docs: 0, grams: 0, features: new Map() };
    model.labels.set(label, counts);
  }
  model.docs += 1;
  counts.docs += 1;
  counts.grams += grams.length;
  for (const g of grams) {
    counts.features.set(g, (counts.features.get(g) ?? 0) + 1);
    model.vocabulary.set(g, (model.vocabulary.get(g) ?? 0) + 1);
  }
}

function logLikelihood(counts: LabelCounts, gram: string, vocabularySize: number): number {
  return Math.log(((counts.features.get(gram) ?? 0) + ALPHA) / (counts.grams + ALPHA * vocabularySize));
}

/** Each label's score for the n-grams, best first (ties by label, so the order never depends on insertion). */
export function scores(model: NbModel, grams: readonly string[]): Array<{ label: string; score: number }> {
  const known = grams.filter((g) => model.vocabulary.has(g));
  const v = model.vocabulary.size;
  const out: Array<{ label: string; score: number }> = [];
  for (const [label, counts] of model.labels) {
    let score = Math.log(counts.docs / model.docs);
    for (const g of known) score += logLikelihood(counts, g, v);
    out.push({ label, score });
  }
  return out.sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

export interface PredictOptions {
  top?: number;
  reasons?: number;
}

/**
 * The best labels with their probabilities, and the n-grams behind the first.
 * Null when the model has learnt nothing or the text holds no n-gram it has
 * seen (a guess from the label counts alone is no proposal).
 */
export function predict(model: NbModel, grams: readonly string[], opts: PredictOptions = {}): Prediction | null {
  if (model.docs === 0 || !grams.some((g) => model.vocabulary.has(g))) return null;
  const ranked = scores(model, grams);
  const best = ranked[0]!.score;
  const exp = ranked.map((r) => Math.exp(r.score - best));
  const sum = exp.reduce((a, b) => a + b, 0);
  const top = ranked.slice(0, opts.top ?? 3).map((r, i) => ({ label: r.label, probability: exp[i]! / sum }));
  const runnerUp = ranked[1]?.label;
  const reasons = runnerUp === undefined ? [] : decidingGrams(model, grams, ranked[0]!.label, runnerUp, opts.reasons ?? 5);
  return { ranked: top, reasons };
}

/**
 * The n-grams that most favour `winner` over `runnerUp`. An n-gram inside one
 * already listed (号 inside 信号差) adds nothing a reader needs, so it is skipped.
 */
export function decidingGrams(model: NbModel, grams: readonly string[], winner: string, runnerUp: string, limit: number): Reason[] {
  const w = model.labels.get(winner);
  const r = model.labels.get(runnerUp);
  if (!w || !r) return [];
  const v = model.vocabulary.size;
  const weighed = grams
    .filter((g) => model.vocabulary.has(g))
    .map((gram) => ({ gram, weight: logLikelihood(w, gram, v) - logLikelihood(r, gram, v) }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || b.gram.length - a.gram.length || (a.gram < b.gram ? -1 : 1));
  const chosen: Reason[] = [];
  for (const x of weighed) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => c.gram.includes(x.gram))) continue;
    chosen.push(x);
  }
  return chosen;
}
